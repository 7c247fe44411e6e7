// Newsroom pages for a show's episodes: a new one, and editing one (publishing and unpublishing
// are the status field). Apart from admin.tsx (the shows) because an episode's form is a page of
// its own, with the body editor for its show notes; admin.tsx registers these routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { emptyBody } from '../body/index.js'
import { NotFound } from '../platform/errors.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import {
  actorOf,
  type NewsroomDeps,
  SLUG_TAKEN,
  unlessSlugTaken,
  type FormProblems,
  textField,
} from '../newsroom/index.js'
import { loadSettings } from '../settings/index.js'
import { findMissingBodyReferences } from '../site/index.js'
import type { Db } from '../db/index.js'
import { createEpisode, editEpisode } from './actions.js'
import {
  checkEpisodeForm,
  SHOW_NOTES_FIELD_ID,
  episodeFormOf,
  readEpisodeForm,
  type EpisodeForm as EpisodeFormFields,
} from './form.js'
import { findShowById, type Show } from './show-store.js'
import { findEpisodeById, type Episode } from './store.js'
import { EpisodeAdminPage } from './views/episode-admin-page.js'
import { IdParams } from '../platform/http/integer-inputs.js'

const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
// The notes' cap sits above the body's own limit (200 kB), so the validator explains an oversized one.
const EpisodeBody = Type.Object({
  title: textField(),
  slug: textField(),
  number: textField(100),
  season: textField(100),
  episodeType: textField(100),
  status: textField(100),
  publishedAt: textField(100),
  summary: textField(),
  showNotes: textField(400_000),
  _csrf: textField(200),
})
const EDITOR = { auth: 'editor' } as const

const EMPTY_EPISODE: EpisodeFormFields = {
  title: '',
  slug: '',
  number: '',
  season: '',
  episodeType: 'full',
  status: 'draft',
  publishedAt: '',
  summary: '',
  showNotes: JSON.stringify(emptyBody()),
}

/** The newsroom's dependencies, plus the body editor's script and stylesheet (for the show notes). */
export interface EpisodeAdminDeps extends NewsroomDeps {
  scripts?: string[]
  stylesheets?: string[]
}

/** Registers /newsroom/podcasts/:id/episodes (a new episode of the show) and /newsroom/episodes/:id. */
export function registerEpisodeAdminRoutes(app: FastifyInstance, deps: EpisodeAdminDeps): void {
  registerNewEpisodeRoutes(app, deps)
  registerEpisodeEditRoutes(app, deps)
}

async function showOf(db: Db, id: number): Promise<Show> {
  const show = await findShowById(db, id)
  if (!show) throw new NotFound('show', id)
  return show
}

async function episodeOf(db: Db, id: number): Promise<{ episode: Episode; show: Show }> {
  const episode = await findEpisodeById(db, id)
  if (!episode) throw new NotFound('episode', id)
  return { episode, show: await showOf(db, episode.showId) }
}

/** The newsroom's clock: episode dates are typed and shown in it. */
const timeZoneOf = async (db: Db) => (await loadSettings(db)).timeZone

type EpisodeFormPage = {
  show: Show
  episode?: Episode
  fields: EpisodeFormFields
  timeZone: string
  problems?: FormProblems
  notesProblems?: string[]
  status?: number
  saved?: boolean
}

function sendEpisodeForm(deps: EpisodeAdminDeps, request: FastifyRequest, reply: FastifyReply, page: EpisodeFormPage) {
  const { show, episode } = page
  return sendNewsroomPage(deps, request, reply, {
    title: episode ? `Edit episode: ${episode.title}` : `New episode of ${show.title}`,
    path: episode ? `/newsroom/episodes/${episode.id}` : `/newsroom/podcasts/${show.id}/episodes/new`,
    staff: request.staff,
    status: page.status,
    scripts: deps.scripts,
    stylesheets: deps.stylesheets,
    children: (
      <EpisodeAdminPage
        show={show}
        episode={episode}
        fields={page.fields}
        problems={page.problems ?? {}}
        notesProblems={page.notesProblems ?? []}
        timeZone={page.timeZone}
        csrf={request.staff.session.csrfToken}
        saved={page.saved ?? false}
      />
    ),
  })
}

function registerNewEpisodeRoutes(app: FastifyInstance, deps: EpisodeAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/podcasts/:id/episodes/new',
    { config: EDITOR, schema: { params: IdParams } },
    async (request, reply) =>
      sendEpisodeForm(deps, request, reply, {
        show: await showOf(deps.db, request.params.id),
        fields: EMPTY_EPISODE,
        timeZone: await timeZoneOf(deps.db),
      }),
  )

  r.post(
    '/newsroom/podcasts/:id/episodes',
    { config: EDITOR, schema: { params: IdParams, body: EpisodeBody } },
    async (request, reply) => {
      const show = await showOf(deps.db, request.params.id)
      const fields = readEpisodeForm(request.body)
      const timeZone = await timeZoneOf(deps.db)
      const checked = await withNotesReferences(deps.db, checkEpisodeForm(fields, undefined, timeZone))
      if ('problems' in checked)
        return sendEpisodeForm(deps, request, reply, {
          show,
          fields,
          timeZone,
          problems: checked.problems,
          notesProblems: checked.notesProblems,
          status: 400,
        })
      const result = await unlessSlugTaken(() => createEpisode(deps, actorOf(request), show.id, checked.episode))
      if ('slugTaken' in result)
        return sendEpisodeForm(deps, request, reply, {
          show,
          fields,
          timeZone,
          problems: { slug: SLUG_TAKEN },
          status: 409,
        })
      return reply.redirect(`/newsroom/episodes/${result.saved.id}?saved=1`, 303)
    },
  )
}

function registerEpisodeEditRoutes(app: FastifyInstance, deps: EpisodeAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/episodes/:id',
    { config: EDITOR, schema: { params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const { episode, show } = await episodeOf(deps.db, request.params.id)
      const timeZone = await timeZoneOf(deps.db)
      return sendEpisodeForm(deps, request, reply, {
        show,
        episode,
        fields: episodeFormOf(episode, timeZone),
        timeZone,
        saved: request.query.saved === '1',
      })
    },
  )

  r.post(
    '/newsroom/episodes/:id',
    { config: EDITOR, schema: { params: IdParams, body: EpisodeBody } },
    async (request, reply) => {
      const { episode, show } = await episodeOf(deps.db, request.params.id)
      const fields = readEpisodeForm(request.body)
      const timeZone = await timeZoneOf(deps.db)
      const checked = await withNotesReferences(deps.db, checkEpisodeForm(fields, episode, timeZone))
      if ('problems' in checked)
        return sendEpisodeForm(deps, request, reply, {
          show,
          episode,
          fields,
          timeZone,
          problems: checked.problems,
          notesProblems: checked.notesProblems,
          status: 400,
        })
      const result = await unlessSlugTaken(() => editEpisode(deps, actorOf(request), episode.id, checked.episode))
      if ('slugTaken' in result)
        return sendEpisodeForm(deps, request, reply, {
          show,
          episode,
          fields,
          timeZone,
          problems: { slug: SLUG_TAKEN },
          status: 409,
        })
      return reply.redirect(`/newsroom/episodes/${episode.id}?saved=1`, 303)
    },
  )
}

/** The episode check, with each block of the show notes that embeds what does not exist added to their problems. */
async function withNotesReferences(
  db: Db,
  checked: ReturnType<typeof checkEpisodeForm>,
): Promise<ReturnType<typeof checkEpisodeForm>> {
  if ('problems' in checked) return checked
  const missing = await findMissingBodyReferences(db, checked.episode.showNotes)
  if (missing.length === 0) return checked
  return {
    problems: {
      [SHOW_NOTES_FIELD_ID]: 'The show notes embed something that does not exist, listed under “Show notes”.',
    },
    notesProblems: missing,
  }
}
