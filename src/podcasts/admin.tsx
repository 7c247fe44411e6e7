// Newsroom pages for podcasts: the shows (list, new, edit, with each show's episodes) and the
// episodes (new, edit; publishing and unpublishing are the status field). Editors and admins,
// as for documentaries. The audio, transcript and chapters live on `audio-admin.tsx`'s page.
// Handlers read the form, check it, call one action (actions.ts) and redirect, or show the
// form again with its problems.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { emptyBody } from '../body/index.js'
import { listImages } from '../media/index.js'
import { NotFound } from '../platform/errors.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { actorOf, type NewsroomDeps, SLUG_TAKEN, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { loadSettings } from '../settings/index.js'
import { findMissingBodyReferences } from '../site/index.js'
import type { Db } from '../db/index.js'
import { createEpisode, createShow, editEpisode, editShow } from './actions.js'
import {
  checkEpisodeForm,
  checkShowForm,
  SHOW_NOTES_FIELD_ID,
  episodeFormOf,
  readEpisodeForm,
  readShowForm,
  showFormOf,
  type EpisodeForm as EpisodeFormFields,
  type ShowForm as ShowFormFields,
} from './form.js'
import { findShowById, listShows, type Show } from './show-store.js'
import { findEpisodeById, listAllEpisodes, type Episode } from './store.js'
import { EpisodeAdminPage } from './views/episode-admin-page.js'
import { ShowAdminPage, ShowsAdminPage } from './views/show-admin-page.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const ShowBody = Type.Object({
  title: text(),
  slug: text(),
  description: text(),
  artworkId: text(100),
  category: text(200),
  explicit: text(10),
  ownerName: text(),
  ownerEmail: text(),
  author: text(),
  language: text(100),
  showType: text(100),
  copyright: text(),
  _csrf: text(200),
})
// The notes' cap sits above the body's own limit (200 kB), so the validator explains an oversized one.
const EpisodeBody = Type.Object({
  title: text(),
  slug: text(),
  number: text(100),
  season: text(100),
  episodeType: text(100),
  status: text(100),
  publishedAt: text(100),
  summary: text(),
  showNotes: text(400_000),
  _csrf: text(200),
})
const EDITOR = { auth: 'editor' } as const

const EMPTY_SHOW: ShowFormFields = {
  title: '',
  slug: '',
  description: '',
  artworkId: '',
  category: '',
  explicit: false,
  ownerName: '',
  ownerEmail: '',
  author: '',
  language: 'en',
  showType: 'episodic',
  copyright: '',
}
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

/** The newsroom's dependencies, plus the body editor's script and stylesheet. */
export interface PodcastAdminDeps extends NewsroomDeps {
  scripts?: string[]
  stylesheets?: string[]
}

/** Registers /newsroom/podcasts (shows and their episode lists) and /newsroom/episodes/:id. */
export function registerPodcastAdminRoutes(app: FastifyInstance, deps: PodcastAdminDeps): void {
  registerShowAdminRoutes(app, deps)
  registerEpisodeAdminRoutes(app, deps)
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

type ShowFormPage = { show?: Show; fields: ShowFormFields; problems?: FormProblems; status?: number; saved?: boolean }

async function sendShowForm(deps: PodcastAdminDeps, request: FastifyRequest, reply: FastifyReply, page: ShowFormPage) {
  const { show } = page
  const [images, episodes, timeZone] = await Promise.all([
    listImages(deps.db),
    show ? listAllEpisodes(deps.db, show.id) : [],
    timeZoneOf(deps.db),
  ])
  return sendNewsroomPage(deps, request, reply, {
    title: show ? `Edit show: ${show.title}` : 'New show',
    path: show ? `/newsroom/podcasts/${show.id}` : '/newsroom/podcasts/new',
    staff: request.staff,
    status: page.status,
    children: (
      <ShowAdminPage
        show={show}
        episodes={episodes}
        timeZone={timeZone}
        fields={page.fields}
        problems={page.problems ?? {}}
        images={images}
        csrf={request.staff.session.csrfToken}
        saved={page.saved ?? false}
      />
    ),
  })
}

function registerShowAdminRoutes(app: FastifyInstance, deps: PodcastAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/podcasts', { config: EDITOR }, async (request, reply) =>
    sendNewsroomPage(deps, request, reply, {
      title: 'Podcasts',
      path: '/newsroom/podcasts',
      staff: request.staff,
      children: <ShowsAdminPage shows={await listShows(deps.db)} />,
    }),
  )

  r.get('/newsroom/podcasts/new', { config: EDITOR }, async (request, reply) =>
    sendShowForm(deps, request, reply, { fields: EMPTY_SHOW }),
  )

  r.post('/newsroom/podcasts', { config: EDITOR, schema: { body: ShowBody } }, async (request, reply) => {
    const fields = readShowForm(request.body)
    const checked = await checkShowForm(deps.db, fields)
    if ('problems' in checked)
      return sendShowForm(deps, request, reply, { fields, problems: checked.problems, status: 400 })
    const result = await unlessSlugTaken(() => createShow(deps, actorOf(request), checked.show))
    if ('slugTaken' in result)
      return sendShowForm(deps, request, reply, { fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    return reply.redirect(`/newsroom/podcasts/${result.saved.id}?saved=1`, 303)
  })

  r.get(
    '/newsroom/podcasts/:id',
    { config: EDITOR, schema: { params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const show = await showOf(deps.db, request.params.id)
      return sendShowForm(deps, request, reply, { show, fields: showFormOf(show), saved: request.query.saved === '1' })
    },
  )

  r.post(
    '/newsroom/podcasts/:id',
    { config: EDITOR, schema: { params: IdParams, body: ShowBody } },
    async (request, reply) => {
      const show = await showOf(deps.db, request.params.id)
      const fields = readShowForm(request.body)
      const checked = await checkShowForm(deps.db, fields)
      if ('problems' in checked)
        return sendShowForm(deps, request, reply, { show, fields, problems: checked.problems, status: 400 })
      const result = await unlessSlugTaken(() => editShow(deps, actorOf(request), show.id, checked.show))
      if ('slugTaken' in result)
        return sendShowForm(deps, request, reply, { show, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
      return reply.redirect(`/newsroom/podcasts/${show.id}?saved=1`, 303)
    },
  )
}

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

function sendEpisodeForm(deps: PodcastAdminDeps, request: FastifyRequest, reply: FastifyReply, page: EpisodeFormPage) {
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

function registerEpisodeAdminRoutes(app: FastifyInstance, deps: PodcastAdminDeps): void {
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
