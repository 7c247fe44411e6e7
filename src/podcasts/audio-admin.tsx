// The newsroom's audio page for an episode: the audio job's status (and its JSON for the
// island), attaching an uploaded master, retrying a failed run, the transcript (uploaded by
// the island, then attached; removed) and the chapters typed as lines. Editors and admins.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { findCompletedUpload } from '../media/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { readStoredText, type Storage } from '../platform/storage/index.js'
import type { NewsroomDeps, Staff } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { chaptersText, readChapters } from '../videos/index.js'
import { retryAudio } from './audio.js'
import { attachAudio, removeTranscript, setEpisodeChapters, setTranscript } from './service.js'
import { listEpisodeChapters } from './chapter-store.js'
import { findShowById, type Show } from './show-store.js'
import { findEpisodeById, type Episode } from './store.js'
import { episodeTags } from './tags.js'
import { audioStatusOf, EpisodeAudioPage, type AudioFormProblem } from './views/episode-audio-page.js'
import { postedJson } from '../platform/http/json-body.js'

/** What the audio page needs beyond the newsroom's own dependencies. */
export interface EpisodeAudioDeps extends NewsroomDeps {
  storage: Storage
  wakeJobs: () => void
  /** Address of the upload-and-poll island. */
  scripts: string[]
}

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const UploadId = Type.String({ maxLength: 64 })
const Csrf = Type.Optional(Type.String({ maxLength: 200 }))
const UploadBody = Type.Object({ upload: Type.Optional(UploadId), _csrf: Csrf })
const ChaptersBody = Type.Object({ chapters: Type.Optional(Type.String({ maxLength: 40_000 })), _csrf: Csrf })
const EmptyBody = Type.Object({ _csrf: Csrf })
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) })

/** Registers /newsroom/episodes/:id/audio and the transcript and chapters actions under it. */
export function registerEpisodeAudioRoutes(app: FastifyInstance, deps: EpisodeAudioDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const actor = (staff: Staff, request: FastifyRequest) => ({ accountId: staff.account.id, ip: request.ip })

  const episodeOf = async (id: number): Promise<{ episode: Episode; show: Show }> => {
    const episode = await findEpisodeById(deps.db, id)
    const show = episode && (await findShowById(deps.db, episode.showId))
    if (!episode || !show) throw new NotFound('episode', id)
    return { episode, show }
  }

  /** A finished upload of this kind that the signed-in account made. */
  const ownUpload = async (staff: Staff, id: string | undefined, kind: 'audio' | 'captions') => {
    const upload = id ? await findCompletedUpload(deps.db, id.trim()) : undefined
    if (!upload || upload.accountId !== staff.account.id) throw new InvalidInput('No finished upload of yours has that id.')
    if (upload.kind !== kind) throw new InvalidInput(`That upload is ${upload.kind}, not ${kind === 'audio' ? 'audio' : 'a WebVTT file'}.`)
    return upload
  }

  const sendAudioPage = async (request: FastifyRequest, reply: FastifyReply, staff: Staff, found: { episode: Episode; show: Show }, extra: { status?: number; problem?: AudioFormProblem; done?: string } = {}) => {
    const chapters = await listEpisodeChapters(deps.db, found.episode.id)
    return sendNewsroomPage(deps, request, reply, {
      title: `Audio: ${found.episode.title}`, path: `/newsroom/episodes/${found.episode.id}/audio`, staff, status: extra.status, scripts: deps.scripts,
      children: <EpisodeAudioPage show={found.show} episode={found.episode} chaptersText={chaptersText(chapters)} csrf={staff.session.csrfToken} done={extra.done} problem={extra.problem} />,
    })
  }

  /** After a change the public pages and the feed must show: drop them from the cache. */
  const changed = (episode: Episode) => deps.events.emit({ tags: episodeTags(episode) })

  r.get('/newsroom/episodes/:id/audio', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: DoneQuery } }, async (request, reply) => {
    const staff = request.staff
    return sendAudioPage(request, reply, staff, await episodeOf(request.params.id), { done: request.query.done })
  })

  r.get('/newsroom/api/episodes/:id/audio', { config: { auth: 'editor' }, schema: { params: IdParams } }, async (request, reply) => {
    request.staff
    const { episode } = await episodeOf(request.params.id)
    reply.header('cache-control', 'no-store')
    return audioStatusOf(episode)
  })

  r.post('/newsroom/episodes/:id/audio', { config: { auth: 'editor' }, schema: { params: IdParams, body: UploadBody } }, async (request, reply) => {
    const staff = request.staff
    const found = await episodeOf(request.params.id)
    let upload: Awaited<ReturnType<typeof ownUpload>>
    try {
      upload = await ownUpload(staff, request.body?.upload, 'audio')
    } catch (error) {
      if (!(error instanceof InvalidInput) || postedJson(request)) throw error
      return sendAudioPage(request, reply, staff, found, { status: 400, problem: { form: 'audio', messages: error.messages() } })
    }
    await attachAudio(deps.db, { episode: found.episode, masterKey: upload.storageKey, actor: actor(staff, request) })
    deps.wakeJobs()
    changed(found.episode)
    if (postedJson(request)) return audioStatusOf((await findEpisodeById(deps.db, found.episode.id)) ?? found.episode)
    return reply.redirect(`/newsroom/episodes/${found.episode.id}/audio?done=attached`, 303)
  })

  r.post('/newsroom/episodes/:id/audio/retry', { config: { auth: 'editor' }, schema: { params: IdParams, body: Type.Optional(EmptyBody) } }, async (request, reply) => {
    request.staff
    const { episode } = await episodeOf(request.params.id)
    await retryAudio(deps.db, episode.id)
    deps.wakeJobs()
    return reply.redirect(`/newsroom/episodes/${episode.id}/audio?done=retried`, 303)
  })

  // The island uploads the WebVTT file first, then posts this form with the upload's id.
  r.post('/newsroom/episodes/:id/transcript', { config: { auth: 'editor' }, schema: { params: IdParams, body: UploadBody } }, async (request, reply) => {
    const staff = request.staff
    const found = await episodeOf(request.params.id)
    try {
      if (!request.body?.upload) throw new InvalidInput('Choose a WebVTT file and send it again; uploading it needs JavaScript.')
      const upload = await ownUpload(staff, request.body.upload, 'captions')
      const vttText = await readStoredText(deps.storage, upload.storageKey)
      await setTranscript(deps.db, deps.storage, { episode: found.episode, vttText, actor: actor(staff, request) })
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error
      return sendAudioPage(request, reply, staff, found, { status: 400, problem: { form: 'transcript', messages: error.messages() } })
    }
    changed(found.episode)
    return reply.redirect(`/newsroom/episodes/${found.episode.id}/audio?done=transcript`, 303)
  })

  r.post('/newsroom/episodes/:id/transcript/remove', { config: { auth: 'editor' }, schema: { params: IdParams, body: Type.Optional(EmptyBody) } }, async (request, reply) => {
    const staff = request.staff
    const { episode } = await episodeOf(request.params.id)
    if (!episode.transcriptKey) throw new NotFound('transcript of episode', episode.id)
    await removeTranscript(deps.db, deps.storage, { episode, actor: actor(staff, request) })
    changed(episode)
    return reply.redirect(`/newsroom/episodes/${episode.id}/audio?done=transcript-removed`, 303)
  })

  r.post('/newsroom/episodes/:id/chapters', { config: { auth: 'editor' }, schema: { params: IdParams, body: ChaptersBody } }, async (request, reply) => {
    const staff = request.staff
    const found = await episodeOf(request.params.id)
    const text = request.body?.chapters ?? ''
    try {
      if (found.episode.durationSeconds === null) throw new InvalidInput('Chapters can be added once the audio is ready: each start is checked against its length.')
      const read = readChapters(text, found.episode.durationSeconds, 'episode')
      if ('problems' in read) throw new InvalidInput('These chapters cannot be used.', read.problems)
      await setEpisodeChapters(deps.db, { episode: found.episode, chapters: read.chapters, actor: actor(staff, request) })
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error
      return sendAudioPage(request, reply, staff, found, { status: 400, problem: { form: 'chapters', messages: error.messages(), text } })
    }
    changed(found.episode)
    return reply.redirect(`/newsroom/episodes/${found.episode.id}/audio?done=chapters`, 303)
  })
}
