// The newsroom's audio page for an episode: the audio job's status (and its JSON for the
// island), attaching an uploaded master, retrying a failed run, the transcript (uploaded by
// the island, then attached; removed) and the chapters typed as lines. Editors and admins.
// The upload itself (and its refusals: too large, not audio) is the media part's resumable
// upload API; these routes attach a finished upload through one action each (actions.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ownUpload } from '../media/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { readStoredText, type Storage } from '../platform/storage/index.js'
import { actorOf, type NewsroomDeps } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { chaptersText, readChapters } from '../videos/index.js'
import type { Db } from '../db/index.js'
import { attachAudio, removeTranscript, retryAudio, setEpisodeChapters, setTranscript } from './actions.js'
import { listEpisodeChapters } from './chapter-store.js'
import { findShowById, type Show } from './show-store.js'
import { findEpisodeById, type Episode } from './store.js'
import { audioStatusOf, EpisodeAudioPage, type AudioFormProblem } from './views/episode-audio-page.js'
import { postedJson } from '../platform/http/json-body.js'
import { IdParams } from '../platform/http/integer-inputs.js'

/** What the audio page needs beyond the newsroom's own dependencies. */
export interface EpisodeAudioDeps extends NewsroomDeps {
  storage: Storage
  wakeJobs: () => void
  /** Address of the upload-and-poll island. */
  scripts: string[]
}

const UploadId = Type.String({ maxLength: 64 })
const Csrf = Type.Optional(Type.String({ maxLength: 200 }))
const UploadBody = Type.Object({ upload: Type.Optional(UploadId), _csrf: Csrf })
const ChaptersBody = Type.Object({ chapters: Type.Optional(Type.String({ maxLength: 40_000 })), _csrf: Csrf })
const EmptyBody = Type.Object({ _csrf: Csrf })
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) })
const EDITOR = { auth: 'editor' } as const

/** Registers /newsroom/episodes/:id/audio and the transcript and chapters actions under it. */
export function registerEpisodeAudioRoutes(app: FastifyInstance, deps: EpisodeAudioDeps): void {
  registerAudioRoutes(app, deps)
  registerTranscriptAndChapterRoutes(app, deps)
}

async function episodeOf(db: Db, id: number): Promise<{ episode: Episode; show: Show }> {
  const episode = await findEpisodeById(db, id)
  const show = episode && (await findShowById(db, episode.showId))
  if (!episode || !show) throw new NotFound('episode', id)
  return { episode, show }
}

/** A finished upload of this kind that the signed-in account made: its stored file's key. */
async function ownUploadKey(
  db: Db,
  request: FastifyRequest,
  id: string | undefined,
  kind: 'audio' | 'captions',
): Promise<string> {
  return (await ownUpload(db, request.staff.account.id, id, kind)).storageKey
}

type AudioPageExtra = { status?: number; problem?: AudioFormProblem; done?: string | undefined }

async function sendAudioPage(
  deps: EpisodeAudioDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  found: { episode: Episode; show: Show },
  extra: AudioPageExtra = {},
) {
  const chapters = await listEpisodeChapters(deps.db, found.episode.id)
  return sendNewsroomPage(deps, request, reply, {
    title: `Audio: ${found.episode.title}`,
    path: `/newsroom/episodes/${found.episode.id}/audio`,
    staff: request.staff,
    status: extra.status,
    scripts: deps.scripts,
    children: (
      <EpisodeAudioPage
        show={found.show}
        episode={found.episode}
        chaptersText={chaptersText(chapters)}
        csrf={request.staff.session.csrfToken}
        done={extra.done}
        problem={extra.problem}
      />
    ),
  })
}

/**
 * Runs a form's work; a refusal a person can fix (InvalidInput) shows the audio page again
 * with its messages beside that form, with a 400. Anything else goes to the error handler.
 */
async function orShowProblem(
  deps: EpisodeAudioDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  found: { episode: Episode; show: Show },
  problemOf: (messages: string[]) => AudioFormProblem,
  work: () => Promise<FastifyReply>,
) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error
    return sendAudioPage(deps, request, reply, found, { status: 400, problem: problemOf(error.messages()) })
  }
}

function registerAudioRoutes(app: FastifyInstance, deps: EpisodeAudioDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/episodes/:id/audio',
    { config: EDITOR, schema: { params: IdParams, querystring: DoneQuery } },
    async (request, reply) =>
      sendAudioPage(deps, request, reply, await episodeOf(deps.db, request.params.id), { done: request.query.done }),
  )

  r.get(
    '/newsroom/api/episodes/:id/audio',
    { config: EDITOR, schema: { params: IdParams } },
    async (request, reply) => {
      const { episode } = await episodeOf(deps.db, request.params.id)
      reply.header('cache-control', 'no-store')
      return audioStatusOf(episode)
    },
  )

  // The island posts JSON and reads the status back; without it, the form redirects. A JSON
  // post's refusal stays JSON (the error handler's 400), never the page.
  r.post(
    '/newsroom/episodes/:id/audio',
    { config: EDITOR, schema: { params: IdParams, body: UploadBody } },
    async (request, reply) => {
      const found = await episodeOf(deps.db, request.params.id)
      const attach = async () => {
        const masterKey = await ownUploadKey(deps.db, request, request.body?.upload, 'audio')
        return attachAudio(deps, actorOf(request), found.episode.id, masterKey)
      }
      if (postedJson(request)) return audioStatusOf(await attach())
      return orShowProblem(
        deps,
        request,
        reply,
        found,
        messages => ({ form: 'audio', messages }),
        async () => {
          await attach()
          return reply.redirect(`/newsroom/episodes/${found.episode.id}/audio?done=attached`, 303)
        },
      )
    },
  )

  r.post(
    '/newsroom/episodes/:id/audio/retry',
    { config: EDITOR, schema: { params: IdParams, body: Type.Optional(EmptyBody) } },
    async (request, reply) => {
      await retryAudio(deps, actorOf(request), request.params.id)
      return reply.redirect(`/newsroom/episodes/${request.params.id}/audio?done=retried`, 303)
    },
  )
}

function registerTranscriptAndChapterRoutes(app: FastifyInstance, deps: EpisodeAudioDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  // The island uploads the WebVTT file first, then posts this form with the upload's id.
  r.post(
    '/newsroom/episodes/:id/transcript',
    { config: EDITOR, schema: { params: IdParams, body: UploadBody } },
    async (request, reply) => {
      const found = await episodeOf(deps.db, request.params.id)
      return orShowProblem(
        deps,
        request,
        reply,
        found,
        messages => ({ form: 'transcript', messages }),
        async () => {
          if (!request.body?.upload)
            throw new InvalidInput('Choose a WebVTT file and send it again; uploading it needs JavaScript.')
          const vttText = await readStoredText(
            deps.storage,
            await ownUploadKey(deps.db, request, request.body.upload, 'captions'),
          )
          await setTranscript(deps, actorOf(request), found.episode.id, vttText)
          return reply.redirect(`/newsroom/episodes/${found.episode.id}/audio?done=transcript`, 303)
        },
      )
    },
  )

  r.post(
    '/newsroom/episodes/:id/transcript/remove',
    { config: EDITOR, schema: { params: IdParams, body: Type.Optional(EmptyBody) } },
    async (request, reply) => {
      await removeTranscript(deps, actorOf(request), request.params.id)
      return reply.redirect(`/newsroom/episodes/${request.params.id}/audio?done=transcript-removed`, 303)
    },
  )

  r.post(
    '/newsroom/episodes/:id/chapters',
    { config: EDITOR, schema: { params: IdParams, body: ChaptersBody } },
    async (request, reply) => {
      const found = await episodeOf(deps.db, request.params.id)
      const text = request.body?.chapters ?? ''
      return orShowProblem(
        deps,
        request,
        reply,
        found,
        messages => ({ form: 'chapters', messages, text }),
        async () => {
          const read = readChapters(text, found.episode.durationSeconds, 'episode')
          if ('problems' in read) throw new InvalidInput('These chapters cannot be used.', read.problems)
          await setEpisodeChapters(deps, actorOf(request), found.episode.id, read.chapters)
          return reply.redirect(`/newsroom/episodes/${found.episode.id}/audio?done=chapters`, 303)
        },
      )
    },
  )
}
