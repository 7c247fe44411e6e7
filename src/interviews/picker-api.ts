// The newsroom's JSON for the body editor's interview picker: interviews found by title or by
// the person interviewed, and one interview's transcript (optionally only the passages holding
// some words). The editor takes an excerpt's or quote's times from these passages; nobody types
// a time. Withheld passages come flagged and without their words: they cannot be quoted.
// Published interviews are everyone's to quote; one not yet published only for those who reach it
// (`access.ts`): anyone else is told it is not there (404), and lists leave it out.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { NotFound } from '../platform/errors.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { findPeopleByIds } from '../people/index.js'
import { findVideoByInterview } from '../videos/index.js'
import { listPassages } from './passages.js'
import { reachableAmong, type Reacher } from './access.js'
import { findInterviewById, findInterviewsByIds, listInterviews, type Interview } from './store.js'
import { passageUrl } from './urls.js'

/** How many interviews one answer lists; the search narrows a longer archive. */
const LIST_LIMIT = 50
/** How many words of a query are used. */
const MAX_WORDS = 8

const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    // A list of ids (the editor asks for the interviews a body already embeds, to name them).
    ids: Type.Optional(Type.String({ maxLength: 200, pattern: '^[1-9][0-9]{0,8}(,[1-9][0-9]{0,8}){0,19}$' })),
  },
  { additionalProperties: false },
)
const PassagesQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
)

/** An interview as the picker lists it. */
export interface PickerInterview {
  id: number
  title: string
  slug: string
  personName: string
  personRole: string
  status: string
  recordedOn: string | null
}

/** Registers GET /newsroom/api/interviews and GET /newsroom/api/interviews/:id/passages (app.ts calls this one). */
export function registerInterviewPickerApi(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  // Whoever may write a story may quote an interview in it: the same role as the story editor.
  r.get(
    '/newsroom/api/interviews',
    { config: { auth: 'contributor' }, schema: { querystring: ListQuery } },
    async request => {
      const { q, ids } = request.query
      const found = await quotable(
        deps.db,
        request.staff.account,
        ids === undefined
          ? await listInterviews(deps.db, { anyStatus: true })
          : [...(await findInterviewsByIds(deps.db, ids.split(',').map(Number))).values()],
      )
      const people = await findPeopleByIds(
        deps.db,
        found.map(i => i.personId),
      )
      const listed = found.map(i => toPickerInterview(i, people.get(i.personId)?.name ?? ''))
      const words = words8(q)
      return listed
        .filter(i => words.every(w => `${i.title} ${i.personName} ${i.personRole}`.toLowerCase().includes(w)))
        .slice(0, LIST_LIMIT)
    },
  )

  r.get(
    '/newsroom/api/interviews/:id/passages',
    { config: { auth: 'contributor' }, schema: { params: IdParams, querystring: PassagesQuery } },
    async request => {
      const stored = await findInterviewById(deps.db, request.params.id)
      const [interview] = stored ? await quotable(deps.db, request.staff.account, [stored]) : []
      if (!interview) throw new NotFound('interview', request.params.id)
      const [passages, people, video] = await Promise.all([
        listPassages(deps.db, interview.id),
        findPeopleByIds(deps.db, [interview.personId]),
        findVideoByInterview(deps.db, interview.id),
      ])
      const words = words8(request.query.q)
      const shown = passages.filter(
        p =>
          words.length === 0 ||
          (!p.withheldReason && words.every(w => `${p.speaker} ${p.text}`.toLowerCase().includes(w))),
      )
      return {
        interview: {
          ...toPickerInterview(interview, people.get(interview.personId)?.name ?? ''),
          durationSeconds: video?.durationSeconds ?? null,
        },
        total: passages.length,
        passages: shown.map(p => ({
          position: p.position,
          speaker: p.speaker,
          startSeconds: p.startSeconds,
          endSeconds: p.endSeconds,
          // A withheld passage's words stay in the archive's own pages, never in a picker.
          text: p.withheldReason ? '' : p.text,
          withheld: p.withheldReason !== null,
          withheldReason: p.withheldReason,
          url: passageUrl(interview.slug, p.position),
        })),
      }
    },
  )
}

/** The interviews the account may quote: every published one, and the others it reaches. */
async function quotable(db: Db, account: Reacher, interviews: readonly Interview[]): Promise<Interview[]> {
  const reached = new Set(
    await reachableAmong(
      db,
      account,
      interviews.filter(i => i.status !== 'published'),
    ),
  )
  return interviews.filter(i => i.status === 'published' || reached.has(i))
}

function toPickerInterview(i: Interview, personName: string): PickerInterview {
  return {
    id: i.id,
    title: i.title,
    slug: i.slug,
    personName,
    personRole: i.personRole,
    status: i.status,
    recordedOn: i.recordedOn,
  }
}

function words8(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS)
}
