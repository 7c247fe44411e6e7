// SQL for film moments: the spans of a documentary's film that use a span of an interview, read
// from either side (the interview's page and the documentary's). Apart from `store.ts` because
// they are their own table, linked to the interview rather than part of it.
import type { Db } from '../db/index.js'

/** A moment of a documentary's film that uses a span of the interview. */
export interface FilmMoment {
  id: number
  interviewId: number
  documentaryId: number
  filmStartSeconds: number
  filmEndSeconds: number
  interviewStartSeconds: number
  interviewEndSeconds: number
  label: string
}

export type NewFilmMoment = Omit<FilmMoment, 'id' | 'interviewId'>

function toMoment(row: {
  id: number
  interview_id: number
  documentary_id: number
  film_start_ms: number
  film_end_ms: number
  interview_start_ms: number
  interview_end_ms: number
  label: string
}): FilmMoment {
  return {
    id: row.id,
    interviewId: row.interview_id,
    documentaryId: row.documentary_id,
    filmStartSeconds: Number(row.film_start_ms) / 1000,
    filmEndSeconds: Number(row.film_end_ms) / 1000,
    interviewStartSeconds: Number(row.interview_start_ms) / 1000,
    interviewEndSeconds: Number(row.interview_end_ms) / 1000,
    label: row.label,
  }
}

/** The film moments of an interview (by interview) or of a documentary (by documentary), in time order. */
export async function listFilmMoments(
  db: Db,
  by: { interviewId: number } | { documentaryId: number },
): Promise<FilmMoment[]> {
  let query = db.selectFrom('interview_film_moments').selectAll()
  query =
    'interviewId' in by
      ? query.where('interview_id', '=', by.interviewId).orderBy('interview_start_ms')
      : query.where('documentary_id', '=', by.documentaryId).orderBy('film_start_ms')
  return (await query.orderBy('id').execute()).map(toMoment)
}

/** Replaces an interview's film moments. */
export async function replaceFilmMoments(
  db: Db,
  interviewId: number,
  moments: readonly NewFilmMoment[],
): Promise<void> {
  await db.deleteFrom('interview_film_moments').where('interview_id', '=', interviewId).execute()
  if (moments.length === 0) return
  const ms = (s: number) => Math.round(s * 1000)
  await db
    .insertInto('interview_film_moments')
    .values(
      moments.map(m => ({
        interview_id: interviewId,
        documentary_id: m.documentaryId,
        label: m.label,
        film_start_ms: ms(m.filmStartSeconds),
        film_end_ms: ms(m.filmEndSeconds),
        interview_start_ms: ms(m.interviewStartSeconds),
        interview_end_ms: ms(m.interviewEndSeconds),
      })),
    )
    .execute()
}
