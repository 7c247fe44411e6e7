// Loads the demo interviews: the people interviewed, then each interview whole and published
// (its recording is queued for a job), and resolves the stories' references to them: an
// interview slug and passage indexes become the interview's id and the passages' own times.
import type { Db } from '../db/index.js'
import { hoursAgo } from '../platform/time.js'
import { insertPerson } from '../people/index.js'
import { seedDemoInterview, type StoredPassage } from '../interviews/index.js'
import { demoInterviews } from './content/interviews.js'

/** A seeded interview, as story references need it. */
export interface SeededInterview {
  id: number
  passages: StoredPassage[]
}

/** Seeds every demo interview; call in the seeding transaction. Answers them by slug. */
export async function seedDemoInterviews(
  db: Db,
  o: {
    now: Date
    staff: ReadonlyArray<{ slug: string; name: string }>
    personIds: ReadonlyMap<string, number>
    topicIds: ReadonlyMap<string, number>
    documentaryIds: ReadonlyMap<string, number>
  },
): Promise<Map<string, SeededInterview>> {
  const seeded = new Map<string, SeededInterview>()
  for (const [index, d] of demoInterviews.entries()) {
    const person = await insertPerson(db, { ...d.person, photoId: null, socials: [] })
    const asker = o.staff.find(s => s.slug === d.interviewers[0])?.name ?? 'Interviewer'
    const documentaryId = need(o.documentaryIds, d.documentary, 'documentary')
    seeded.set(
      d.slug,
      await seedDemoInterview(db, {
        fields: {
          slug: d.slug,
          title: d.title,
          personId: person.id,
          personRole: d.personRole,
          recordedOn: d.recordedOn,
          place: d.place,
          summary: d.summary,
        },
        links: {
          documentaryIds: [documentaryId],
          topicIds: d.topics.map(slug => need(o.topicIds, slug, 'topic')),
          interviewerIds: d.interviewers.map(slug => need(o.personIds, slug, 'person')),
        },
        passages: d.passages.map(p => ({
          speaker: p.by === 'interviewer' ? asker : d.person.name,
          text: p.text,
          withheld: p.withheld,
        })),
        note: { passage: d.note.passage, kind: d.note.kind, body: d.note.body, linkUrl: d.note.linkUrl ?? null },
        moments: d.moments.map(m => ({ ...m, documentaryId })),
        publishedAt: hoursAgo(d.publishedDaysAgo * 24, o.now),
        index,
        personName: d.person.name,
      }),
    )
  }
  return seeded
}

/**
 * Replaces interview references in a demo body: `interviewExcerpt` attrs `{ interviewSlug,
 * fromPassage, toPassage }` and a quote's `source: { interviewSlug, passage }` become ids and
 * the passages' times. A reference to a withheld passage stops the seed: the demo never quotes one.
 */
export function resolveInterviewReferences(node: unknown, interviews: ReadonlyMap<string, SeededInterview>): unknown {
  if (Array.isArray(node)) return node.map(n => resolveInterviewReferences(n, interviews))
  if (!node || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) out[key] = resolveInterviewReferences(value, interviews)
  const attrs = out.attrs as Record<string, unknown> | undefined
  if (attrs && typeof attrs.interviewSlug === 'string') {
    const { interviewSlug, fromPassage, toPassage, ...rest } = attrs
    const found = need(interviews, interviewSlug, 'interview')
    const from = passage(found, interviewSlug, fromPassage)
    const to = passage(found, interviewSlug, toPassage)
    out.attrs = { ...rest, interviewId: found.id, startSeconds: from.startSeconds, endSeconds: to.endSeconds }
  }
  const source = attrs?.source as Record<string, unknown> | undefined
  if (attrs && source && typeof source.interviewSlug === 'string') {
    const found = need(interviews, source.interviewSlug, 'interview')
    out.attrs = {
      ...attrs,
      source: {
        interviewId: found.id,
        startSeconds: passage(found, source.interviewSlug, source.passage).startSeconds,
      },
    }
  }
  return out
}

function passage(interview: SeededInterview, slug: string, index: unknown): StoredPassage {
  const found = typeof index === 'number' ? interview.passages[index] : undefined
  if (!found) throw new Error(`demo content refers to passage ${String(index)} of "${slug}", which it does not have`)
  if (found.withheldReason)
    throw new Error(`demo content quotes passage ${index as number} of "${slug}", which is withheld`)
  return found
}

function need<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const value = map.get(key)
  if (value === undefined) throw new Error(`demo content refers to an unknown ${what} "${key}"`)
  return value
}
