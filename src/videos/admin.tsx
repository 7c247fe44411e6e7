// The newsroom's film page for a documentary: its transcode status (polled by an island),
// the resumable upload that attaches a new master, a retry for a failed transcode, captions
// (uploaded by the island, then attached; removed) and chapters typed as lines.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { findCompletedUpload } from '../media/index.js'
import { findDocumentaryById, type Documentary } from '../documentaries/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { readStoredText, type Storage } from '../platform/storage/index.js'
import { insertAudit, type NewsroomDeps, type Staff } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { findVideoByDocumentary, listCaptions, listChapters, upsertVideo, type Video } from './store.js'
import { enqueueTranscode, retryVideo } from './transcode.js'
import { addCaptions, removeCaptions, setChapters } from './captions.js'
import { chaptersText, readChapters } from './chapters-form.js'
import { FilmPage, statusOf, type FilmFormProblem } from './views/film-page.js'
import { postedJson } from '../platform/http/json-body.js'

/** What the film pages need beyond the newsroom's own dependencies. */
export interface FilmAdminDeps extends NewsroomDeps {
  storage: Storage
  wakeJobs: () => void
  /** Address of the upload-and-poll island. */
  scripts: string[]
}

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const UploadId = Type.String({ maxLength: 64 })
const AttachBody = Type.Object({ upload: Type.Optional(UploadId), _csrf: Type.Optional(Type.String({ maxLength: 200 })) })
const CaptionsBody = Type.Object({
  upload: Type.Optional(UploadId), lang: Type.Optional(Type.String({ maxLength: 40 })), label: Type.Optional(Type.String({ maxLength: 200 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
})
const RemoveCaptionsBody = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 40 })), _csrf: Type.Optional(Type.String({ maxLength: 200 })) })
// Room for 100 chapters of 200-character titles; the form's own checks say what is wrong below that.
const ChaptersBody = Type.Object({ chapters: Type.Optional(Type.String({ maxLength: 40_000 })), _csrf: Type.Optional(Type.String({ maxLength: 200 })) })
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) })

export function registerFilmAdminRoutes(app: FastifyInstance, deps: FilmAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const documentary = async (id: number): Promise<Documentary> => {
    const film = await findDocumentaryById(deps.db, id)
    if (!film) throw new NotFound('documentary', id)
    return film
  }

  /** The documentary's film, or a 400 saying it has none yet. */
  const filmOf = async (film: Documentary, what: string): Promise<Video> => {
    const video = await findVideoByDocumentary(deps.db, film.id)
    if (!video) throw new InvalidInput(`Upload the film before its ${what}.`)
    return video
  }

  /** A finished upload of this kind that the signed-in account made. */
  const ownUpload = async (staff: Staff, id: string | undefined, kind: 'video' | 'captions') => {
    const upload = id ? await findCompletedUpload(deps.db, id.trim()) : undefined
    if (!upload || upload.accountId !== staff.account.id) throw new InvalidInput('No finished upload of yours has that id.')
    if (upload.kind !== kind) throw new InvalidInput(`That upload is ${upload.kind === 'image' ? 'an image' : upload.kind}, not ${kind === 'video' ? 'a video' : 'captions'}.`)
    return upload
  }

  const sendFilmPage = async (request: FastifyRequest, reply: FastifyReply, staff: Staff, film: Documentary, extra: { status?: number; problem?: FilmFormProblem; done?: string } = {}) => {
    const video = await findVideoByDocumentary(deps.db, film.id)
    const [captions, chapters] = video ? await Promise.all([listCaptions(deps.db, video.id), listChapters(deps.db, video.id)]) : [[], []]
    return sendNewsroomPage(deps, request, reply, {
      title: `Film: ${film.title}`, path: `/newsroom/documentaries/${film.id}/film`, staff, status: extra.status, scripts: deps.scripts,
      children: (
        <FilmPage film={film} video={video} captions={captions} chaptersText={chaptersText(chapters)} csrf={staff.session.csrfToken}
          done={extra.done} problem={extra.problem} />
      ),
    })
  }

  /** After a change the public documentary page (and its player) must show: drop it from the cache. */
  const changed = (film: Documentary) => deps.events.emit({ tags: [`documentary:${film.id}`] })
  /** Records who changed the film's media, for the admins' audit log. */
  const audit = (db: Db, staff: Staff, request: FastifyRequest, action: string, film: Documentary, detail: Record<string, unknown> = {}) =>
    insertAudit(db, { accountId: staff.account.id, action, subject: `documentary:${film.id}`, detail, ip: request.ip })

  r.get('/newsroom/documentaries/:id/film', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: DoneQuery } }, async (request, reply) => {
    const staff = request.staff
    return sendFilmPage(request, reply, staff, await documentary(request.params.id), { done: request.query.done })
  })

  r.get('/newsroom/api/documentaries/:id/film', { config: { auth: 'editor' }, schema: { params: IdParams } }, async (request, reply) => {
    request.staff
    const film = await documentary(request.params.id)
    reply.header('cache-control', 'no-store')
    return statusOf(await findVideoByDocumentary(deps.db, film.id))
  })

  r.post('/newsroom/documentaries/:id/film', { config: { auth: 'editor' }, schema: { params: IdParams, body: AttachBody } }, async (request, reply) => {
    const staff = request.staff
    const film = await documentary(request.params.id)
    let upload: Awaited<ReturnType<typeof ownUpload>>
    try {
      upload = await ownUpload(staff, request.body.upload, 'video')
    } catch (error) {
      if (!(error instanceof InvalidInput) || postedJson(request)) throw error
      return sendFilmPage(request, reply, staff, film, { status: 400, problem: { form: 'film', messages: error.messages() } })
    }
    const video = await deps.db.transaction().execute(async (trx) => {
      const saved = await upsertVideo(trx, film.id, upload.storageKey)
      await enqueueTranscode(trx, saved.id)
      await audit(trx, staff, request, 'film-attached', film)
      return saved
    })
    deps.wakeJobs()
    changed(film)
    if (postedJson(request)) return statusOf((await findVideoByDocumentary(deps.db, film.id)) ?? video)
    return reply.redirect(`/newsroom/documentaries/${film.id}/film?done=attached`, 303)
  })

  r.post('/newsroom/documentaries/:id/film/retry', { config: { auth: 'editor' }, schema: { params: IdParams } }, async (request, reply) => {
    const staff = request.staff
    const film = await documentary(request.params.id)
    const video = await findVideoByDocumentary(deps.db, film.id)
    if (!video) throw new NotFound('video of documentary', film.id)
    try {
      await retryVideo(deps.db, video.id)
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error
      return sendFilmPage(request, reply, staff, film, { status: 400, problem: { form: 'film', messages: error.messages() } })
    }
    await audit(deps.db, staff, request, 'film-retried', film)
    deps.wakeJobs()
    changed(film)
    return reply.redirect(`/newsroom/documentaries/${film.id}/film?done=retried`, 303)
  })

  // The island uploads the WebVTT file first, then posts this form with the upload's id.
  r.post('/newsroom/documentaries/:id/film/captions', { config: { auth: 'editor' }, schema: { params: IdParams, body: CaptionsBody } }, async (request, reply) => {
    const staff = request.staff
    const film = await documentary(request.params.id)
    const lang = (request.body.lang ?? '').trim()
    const label = request.body.label ?? ''
    try {
      const video = await filmOf(film, 'captions')
      // Without JavaScript the form arrives with no upload: the file never left the browser.
      if (!request.body.upload) throw new InvalidInput('Choose a WebVTT file and send it again; uploading it needs JavaScript.')
      const upload = await ownUpload(staff, request.body.upload, 'captions')
      const vttText = await readStoredText(deps.storage, upload.storageKey)
      await addCaptions(deps.db, deps.storage, video.id, { lang, label, vttText })
      await audit(deps.db, staff, request, 'captions-set', film, { lang, label })
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error
      return sendFilmPage(request, reply, staff, film, { status: 400, problem: { form: 'captions', messages: error.messages(), lang, label } })
    }
    changed(film)
    return reply.redirect(`/newsroom/documentaries/${film.id}/film?done=captions`, 303)
  })

  r.post('/newsroom/documentaries/:id/film/captions/remove', { config: { auth: 'editor' }, schema: { params: IdParams, body: RemoveCaptionsBody } }, async (request, reply) => {
    const staff = request.staff
    const film = await documentary(request.params.id)
    const video = await findVideoByDocumentary(deps.db, film.id)
    const lang = request.body.lang ?? ''
    if (!video || !(await removeCaptions(deps.db, deps.storage, video.id, lang))) throw new NotFound('captions in the language', lang)
    await audit(deps.db, staff, request, 'captions-removed', film, { lang })
    changed(film)
    return reply.redirect(`/newsroom/documentaries/${film.id}/film?done=captions-removed`, 303)
  })

  r.post('/newsroom/documentaries/:id/film/chapters', { config: { auth: 'editor' }, schema: { params: IdParams, body: ChaptersBody } }, async (request, reply) => {
    const staff = request.staff
    const film = await documentary(request.params.id)
    const text = request.body.chapters ?? ''
    try {
      const video = await filmOf(film, 'chapters')
      if (video.durationSeconds === null) throw new InvalidInput('Chapters can be added once the film is transcoded: each start is checked against the film’s length.')
      const read = readChapters(text, video.durationSeconds)
      if ('problems' in read) throw new InvalidInput('These chapters cannot be used.', read.problems)
      await setChapters(deps.db, video.id, read.chapters)
      await audit(deps.db, staff, request, 'chapters-set', film, { chapters: read.chapters.length })
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error
      return sendFilmPage(request, reply, staff, film, { status: 400, problem: { form: 'chapters', messages: error.messages(), text } })
    }
    changed(film)
    return reply.redirect(`/newsroom/documentaries/${film.id}/film?done=chapters`, 303)
  })
}
