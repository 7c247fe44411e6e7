// What an editor does on a documentary's film page: attach an uploaded master, retry a failed
// transcode, attach or remove one language's captions, and replace the chapters. Each runs one
// transaction (the rows, the job, the audit entry on `documentary:N`); after the commit the
// film's public page drops from the cache, a queued job wakes the runner, and a replaced
// captions file is removed. Refusals a person can fix are `InvalidInput`s, so the page shows them.
import { ownUpload } from '../media/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { readStoredText, type Storage } from '../platform/storage/index.js'
import { runAction, type ActionDeps, type Actor } from '../newsroom/index.js'
import { readChapters } from './chapters-form.js'
import { checkChapters, recordCaptions, storeCaptionsFile } from './captions.js'
import { findVideoByDocumentary, upsertVideo, type Video } from './store.js'
import { deleteCaptions, listCaptions } from './caption-store.js'
import { replaceChapters } from './chapter-store.js'
import { enqueueTranscode, retryVideo } from './transcode.js'

/** What the film's actions need besides the database and the events. */
export interface FilmActionDeps extends ActionDeps {
  storage: Storage
  /** Tells the job runner there is work, once the job is committed. */
  wakeJobs: () => void
}

/** Captions as the film page posts them: the id of the uploaded WebVTT file, its language and label. */
export interface CaptionsPost {
  upload: string | undefined
  lang: string
  label: string
}

/** The public film page shows the film's media: any change drops it. */
const filmTags = (documentaryId: number) => [`documentary:${documentaryId}`]

/** The documentary's film, or a refusal saying it has none yet. */
async function uploadedFilm(deps: ActionDeps, documentaryId: number, what: string): Promise<Video> {
  const video = await findVideoByDocumentary(deps.db, documentaryId)
  if (!video) throw new InvalidInput(`Upload the film before its ${what}.`)
  return video
}

/** Makes the actor's finished video upload the documentary's master and queues its transcode. */
export async function attachFilm(
  deps: FilmActionDeps,
  actor: Actor,
  documentaryId: number,
  uploadId: string | undefined,
): Promise<Video> {
  const upload = await ownUpload(deps.db, actor.accountId, uploadId, 'video')
  const video = await runAction(deps, actor, async (trx, audit) => {
    const saved = await upsertVideo(trx, documentaryId, upload.storageKey)
    await enqueueTranscode(trx, saved.id)
    await audit({ action: 'film-attached', subject: `documentary:${documentaryId}` })
    return { result: saved, tags: filmTags(documentaryId) }
  })
  deps.wakeJobs()
  return video
}

/** Queues the documentary's film to be transcoded again (refused when its master was refused for what it holds). */
export async function retryFilm(deps: FilmActionDeps, actor: Actor, documentaryId: number): Promise<void> {
  const video = await findVideoByDocumentary(deps.db, documentaryId)
  if (!video) throw new NotFound('video of documentary', documentaryId)
  await runAction(deps, actor, async (trx, audit) => {
    await retryVideo(trx, video.id)
    await audit({ action: 'film-retried', subject: `documentary:${documentaryId}` })
    return { result: undefined, tags: filmTags(documentaryId) }
  })
  deps.wakeJobs()
}

/** Attaches uploaded WebVTT captions in one language, replacing that language's earlier file. */
export async function setFilmCaptions(
  deps: FilmActionDeps,
  actor: Actor,
  documentaryId: number,
  post: CaptionsPost,
): Promise<void> {
  const video = await uploadedFilm(deps, documentaryId, 'captions')
  // Without JavaScript the form arrives with no upload: the file never left the browser.
  if (!post.upload) throw new InvalidInput('Choose a WebVTT file and send it again; uploading it needs JavaScript.')
  const upload = await ownUpload(deps.db, actor.accountId, post.upload, 'captions')
  const vttText = await readStoredText(deps.storage, upload.storageKey)
  const stored = await storeCaptionsFile(deps.db, deps.storage, video.id, {
    lang: post.lang,
    label: post.label,
    vttText,
  })
  const replaced = await runAction(deps, actor, async (trx, audit) => {
    const previous = await recordCaptions(trx, video.id, stored)
    await audit({
      action: 'captions-set',
      subject: `documentary:${documentaryId}`,
      detail: { lang: post.lang, label: post.label },
    })
    return { result: previous, tags: filmTags(documentaryId) }
  })
  if (replaced) await deps.storage.remove(replaced)
}

/** Removes the film's captions in one language, then their file. */
export async function removeFilmCaptions(
  deps: FilmActionDeps,
  actor: Actor,
  documentaryId: number,
  lang: string,
): Promise<void> {
  const video = await findVideoByDocumentary(deps.db, documentaryId)
  const captions = video ? (await listCaptions(deps.db, video.id)).find(c => c.lang === lang) : undefined
  if (!video || !captions) throw new NotFound('captions in the language', lang)
  await runAction(deps, actor, async (trx, audit) => {
    if (!(await deleteCaptions(trx, video.id, lang))) throw new NotFound('captions in the language', lang)
    await audit({ action: 'captions-removed', subject: `documentary:${documentaryId}`, detail: { lang } })
    return { result: undefined, tags: filmTags(documentaryId) }
  })
  // The row goes first: a file left behind by a failure here is only litter, never a broken track.
  await deps.storage.remove(captions.storageKey)
}

/** Replaces the film's chapters with the ones typed as lines ("timecode title"), checked against its length. */
export async function setFilmChapters(
  deps: FilmActionDeps,
  actor: Actor,
  documentaryId: number,
  text: string,
): Promise<void> {
  const video = await uploadedFilm(deps, documentaryId, 'chapters')
  if (video.durationSeconds === null)
    throw new InvalidInput(
      'Chapters can be added once the film is transcoded: each start is checked against the film’s length.',
    )
  const read = readChapters(text, video.durationSeconds)
  if ('problems' in read) throw new InvalidInput('These chapters cannot be used.', read.problems)
  const chapters = checkChapters(video, read.chapters)
  await runAction(deps, actor, async (trx, audit) => {
    await replaceChapters(trx, video.id, chapters)
    await audit({
      action: 'chapters-set',
      subject: `documentary:${documentaryId}`,
      detail: { chapters: chapters.length },
    })
    return { result: undefined, tags: filmTags(documentaryId) }
  })
}
