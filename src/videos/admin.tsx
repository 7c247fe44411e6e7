// The newsroom's film page for a documentary: its transcode status (polled by an island),
// the resumable upload that attaches a new master, a retry for a failed transcode, captions
// (uploaded by the island, then attached; removed) and chapters typed as lines. Handlers read
// the form, call one action (`actions.ts`) and redirect, or show the page again with the refusal
// beside the form it came from.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { findDocumentaryById, type Documentary } from '../documentaries/index.js'
import { NotFound } from '../platform/errors.js'
import { refusalOf } from '../media/index.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { postedJson } from '../platform/http/json-body.js'
import { actorOf, type NewsroomDeps } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import {
  attachFilm,
  removeFilmCaptions,
  retryFilm,
  setFilmCaptions,
  setFilmChapters,
  type FilmActionDeps,
} from './actions.js'
import { chaptersText } from './chapters-form.js'
import { findVideoByDocumentary } from './store.js'
import { listCaptions } from './caption-store.js'
import { listChapters } from './chapter-store.js'
import { FilmPage, statusOf, type FilmFormProblem } from './views/film-page.js'

/** What the film pages need beyond the newsroom's own dependencies. */
export interface FilmAdminDeps extends NewsroomDeps, FilmActionDeps {
  /** Address of the upload-and-poll island. */
  scripts: string[]
}

const UploadId = Type.String({ maxLength: 64 })
const Csrf = Type.Optional(Type.String({ maxLength: 200 }))
const AttachBody = Type.Object({ upload: Type.Optional(UploadId), _csrf: Csrf })
const CaptionsBody = Type.Object({
  upload: Type.Optional(UploadId),
  lang: Type.Optional(Type.String({ maxLength: 40 })),
  label: Type.Optional(Type.String({ maxLength: 200 })),
  _csrf: Csrf,
})
const RemoveCaptionsBody = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 40 })), _csrf: Csrf })
// Room for 100 chapters of 200-character titles; the form's own checks say what is wrong below that.
const ChaptersBody = Type.Object({ chapters: Type.Optional(Type.String({ maxLength: 40_000 })), _csrf: Csrf })
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) })

/** A documentary, or a 404. */
async function documentary(deps: FilmAdminDeps, id: number): Promise<Documentary> {
  const film = await findDocumentaryById(deps.db, id)
  if (!film) throw new NotFound('documentary', id)
  return film
}

/** The film page, with a notice of what was done or a refusal beside its form. */
async function sendFilmPage(
  deps: FilmAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  film: Documentary,
  extra: { status?: number; problem?: FilmFormProblem; done?: string | undefined } = {},
) {
  const video = await findVideoByDocumentary(deps.db, film.id)
  const [captions, chapters] = video
    ? await Promise.all([listCaptions(deps.db, video.id), listChapters(deps.db, video.id)])
    : [[], []]
  return sendNewsroomPage(deps, request, reply, {
    title: `Film: ${film.title}`,
    path: `/newsroom/documentaries/${film.id}/film`,
    staff: request.staff,
    status: extra.status,
    scripts: deps.scripts,
    children: (
      <FilmPage
        film={film}
        video={video}
        captions={captions}
        chaptersText={chaptersText(chapters)}
        csrf={request.staff.session.csrfToken}
        done={extra.done}
        problem={extra.problem}
      />
    ),
  })
}

const done = (film: Documentary, what: string) => `/newsroom/documentaries/${film.id}/film?done=${what}`

/** Registers the film page, its status for the island, and its forms. */
export function registerFilmAdminRoutes(app: FastifyInstance, deps: FilmAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/documentaries/:id/film',
    { config: { auth: 'editor' }, schema: { params: IdParams, querystring: DoneQuery } },
    async (request, reply) =>
      sendFilmPage(deps, request, reply, await documentary(deps, request.params.id), { done: request.query.done }),
  )

  r.get(
    '/newsroom/api/documentaries/:id/film',
    { config: { auth: 'editor' }, schema: { params: IdParams } },
    async (request, reply) => {
      const film = await documentary(deps, request.params.id)
      reply.header('cache-control', 'no-store')
      return statusOf(await findVideoByDocumentary(deps.db, film.id))
    },
  )

  // The island posts JSON and reads the film's status back; a form post is redirected to the page.
  r.post(
    '/newsroom/documentaries/:id/film',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: AttachBody } },
    async (request, reply) => {
      const film = await documentary(deps, request.params.id)
      if (postedJson(request)) {
        const video = await attachFilm(deps, actorOf(request), film.id, request.body.upload)
        // The woken runner may already have taken the job: answer what the film is now.
        return statusOf((await findVideoByDocumentary(deps.db, film.id)) ?? video)
      }
      const messages = await refusalOf(() => attachFilm(deps, actorOf(request), film.id, request.body.upload))
      if (messages)
        return sendFilmPage(deps, request, reply, film, { status: 400, problem: { form: 'film', messages } })
      return reply.redirect(done(film, 'attached'), 303)
    },
  )

  r.post(
    '/newsroom/documentaries/:id/film/retry',
    { config: { auth: 'editor' }, schema: { params: IdParams } },
    async (request, reply) => {
      const film = await documentary(deps, request.params.id)
      const messages = await refusalOf(() => retryFilm(deps, actorOf(request), film.id))
      if (messages)
        return sendFilmPage(deps, request, reply, film, { status: 400, problem: { form: 'film', messages } })
      return reply.redirect(done(film, 'retried'), 303)
    },
  )

  registerFilmTrackRoutes(app, deps)
}

/** The film's captions (the island uploads the WebVTT file first, then posts the form with its id) and chapters. */
function registerFilmTrackRoutes(app: FastifyInstance, deps: FilmAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.post(
    '/newsroom/documentaries/:id/film/captions',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: CaptionsBody } },
    async (request, reply) => {
      const film = await documentary(deps, request.params.id)
      const post = {
        upload: request.body.upload,
        lang: (request.body.lang ?? '').trim(),
        label: request.body.label ?? '',
      }
      const messages = await refusalOf(() => setFilmCaptions(deps, actorOf(request), film.id, post))
      if (messages)
        return sendFilmPage(deps, request, reply, film, {
          status: 400,
          problem: { form: 'captions', messages, lang: post.lang, label: post.label },
        })
      return reply.redirect(done(film, 'captions'), 303)
    },
  )

  r.post(
    '/newsroom/documentaries/:id/film/captions/remove',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: RemoveCaptionsBody } },
    async (request, reply) => {
      const film = await documentary(deps, request.params.id)
      await removeFilmCaptions(deps, actorOf(request), film.id, request.body.lang ?? '')
      return reply.redirect(done(film, 'captions-removed'), 303)
    },
  )

  r.post(
    '/newsroom/documentaries/:id/film/chapters',
    { config: { auth: 'editor' }, schema: { params: IdParams, body: ChaptersBody } },
    async (request, reply) => {
      const film = await documentary(deps, request.params.id)
      const text = request.body.chapters ?? ''
      const messages = await refusalOf(() => setFilmChapters(deps, actorOf(request), film.id, text))
      if (messages)
        return sendFilmPage(deps, request, reply, film, { status: 400, problem: { form: 'chapters', messages, text } })
      return reply.redirect(done(film, 'chapters'), 303)
    },
  )
}
