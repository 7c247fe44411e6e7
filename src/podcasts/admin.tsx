// Newsroom pages for podcasts: the shows (list, new, edit, with each show's episodes). Editors
// and admins, as for documentaries. The episodes' pages (new, edit; publishing and unpublishing
// are the status field) are in episode-admin.tsx; the audio, transcript and chapters live on
// `audio-admin.tsx`'s page. Handlers read the form, check it, call one action (actions.ts) and
// redirect, or show the form again with its problems.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { listImages } from '../media/index.js'
import { NotFound } from '../platform/errors.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { actorOf, SLUG_TAKEN, unlessSlugTaken, type FormProblems, textField } from '../newsroom/index.js'
import { loadSettings } from '../settings/index.js'
import type { Db } from '../db/index.js'
import { createShow, editShow } from './actions.js'
import { registerEpisodeAdminRoutes, type EpisodeAdminDeps } from './episode-admin.js'
import { checkShowForm, readShowForm, showFormOf, type ShowForm as ShowFormFields } from './form.js'
import { findShowById, listShows, type Show } from './show-store.js'
import { listAllEpisodes } from './store.js'
import { ShowAdminPage, ShowsAdminPage } from './views/show-admin-page.js'
import { IdParams } from '../platform/http/integer-inputs.js'

const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const ShowBody = Type.Object({
  title: textField(),
  slug: textField(),
  description: textField(),
  artworkId: textField(100),
  category: textField(200),
  explicit: textField(10),
  ownerName: textField(),
  ownerEmail: textField(),
  author: textField(),
  language: textField(100),
  showType: textField(100),
  copyright: textField(),
  _csrf: textField(200),
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

/** The newsroom's dependencies, plus the body editor's script and stylesheet (the episode form's). */
export type PodcastAdminDeps = EpisodeAdminDeps

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
