// Captions (WebVTT, checked before they are stored) and chapters of a film.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import type { Storage } from '../platform/storage/index.js'
import { deleteCaptions, findVideoById, listCaptions, replaceChapters, saveCaptions, type VideoChapter } from './store.js'

/** The largest captions file accepted. */
export const MAX_CAPTIONS_BYTES = 1024 * 1024

const TIMING = /^((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})(?:[ \t]+.*)?$/
/** WebVTT's own cue tags (class, italic, bold, underline, ruby, voice, language) and timestamps. */
const TAG = /<\/?([a-z]+)?(?:[.\w-]*)(?:[ \t][^>]*)?>|<\d{2,}:\d{2}:\d{2}\.\d{3}>|<\d{2}:\d{2}\.\d{3}>/gi
const ALLOWED_TAGS = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang'])

function seconds(stamp: string): number {
  const parts = stamp.split(':').map(Number)
  return parts.reduce((sum, part) => sum * 60 + part, 0)
}

/**
 * Checks a WebVTT file: the WEBVTT header, well-formed cue timings that end after they start
 * and never go back in time, at most 1 MB, and no markup beyond WebVTT's own cue tags.
 * Returns the text with line endings normalised.
 */
export function validateWebVtt(text: string): string {
  if (Buffer.byteLength(text, 'utf8') > MAX_CAPTIONS_BYTES) throw new InvalidInput('Captions files can be at most 1 MB.')
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(normalised)) throw new InvalidInput('A captions file must be WebVTT: its first line must be "WEBVTT".')
  const problems: string[] = []
  let previousStart = -1
  let cues = 0
  for (const [index, block] of normalised.split(/\n{2,}/).slice(1).entries()) {
    const lines = block.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)
    if (lines.length === 0 || lines[0] === '') continue
    if (/^(NOTE)([ \t]|$)/.test(lines[0] ?? '')) continue
    if (/^(STYLE|REGION)([ \t]|$)/.test(lines[0] ?? '')) {
      problems.push(`Block ${index + 1}: ${lines[0]?.split(/[ \t]/)[0]} blocks are not accepted.`)
      continue
    }
    const timingAt = lines.findIndex((l) => l.includes('-->'))
    if (timingAt < 0 || timingAt > 1) {
      problems.push(`Block ${index + 1}: a cue needs a timing line such as "00:00:01.000 --> 00:00:04.000".`)
      continue
    }
    const match = TIMING.exec(lines[timingAt] ?? '')
    if (!match) {
      problems.push(`Block ${index + 1}: malformed cue timing "${(lines[timingAt] ?? '').slice(0, 60)}".`)
      continue
    }
    const start = seconds(match[1] ?? '')
    const end = seconds(match[2] ?? '')
    if (end <= start) problems.push(`Block ${index + 1}: the cue ends (${match[2]}) before it starts (${match[1]}).`)
    if (start < previousStart) problems.push(`Block ${index + 1}: the cue starts (${match[1]}) before the cue above it.`)
    previousStart = start
    cues++
    const cueText = lines.slice(timingAt + 1).join('\n')
    if (cueText.includes('-->')) problems.push(`Block ${index + 1}: cue text cannot contain "-->".`)
    for (const tag of cueText.matchAll(TAG)) {
      const name = tag[1]?.toLowerCase()
      if (name !== undefined && !ALLOWED_TAGS.has(name)) problems.push(`Block ${index + 1}: the tag <${name}> is not allowed in captions.`)
    }
    // Anything left that opens like markup (e.g. "<script" without its ">", "<!--").
    if (/<[/a-z!?]/i.test(cueText.replace(TAG, ''))) problems.push(`Block ${index + 1}: markup that is not a WebVTT cue tag.`)
  }
  if (cues === 0) problems.push('The captions file holds no cues.')
  if (problems.length > 0) throw new InvalidInput('These captions cannot be used.', problems.slice(0, 20))
  return normalised
}

/** One language's captions as the newsroom uploads them. */
export interface NewCaptions {
  lang: string
  label: string
  vttText: string
}

/** Validates and stores one language's captions, replacing that language's earlier file. */
export async function addCaptions(db: Db, storage: Storage, videoId: number, captions: NewCaptions): Promise<void> {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(captions.lang)) throw new InvalidInput(`"${captions.lang.slice(0, 20)}" is not a language tag such as "en" or "pt-BR".`)
  const label = captions.label.trim()
  if (label.length < 1 || label.length > 60) throw new InvalidInput('A captions label has 1 to 60 characters.')
  const text = validateWebVtt(captions.vttText)
  if (!(await findVideoById(db, videoId))) throw new NotFound('video', videoId)
  const previous = (await listCaptions(db, videoId)).find((c) => c.lang === captions.lang)
  // A new key each time: stored files are served as immutable.
  const storageKey = `videos/${videoId}/captions/${captions.lang.toLowerCase()}-${randomBytes(4).toString('hex')}.vtt`
  await storage.put(storageKey, Buffer.from(text, 'utf8'))
  await saveCaptions(db, videoId, { lang: captions.lang, label, storageKey })
  if (previous) await storage.remove(previous.storageKey)
}

/** Removes one language's captions and then their file; answers false when the film has none in that language. */
export async function removeCaptions(db: Db, storage: Storage, videoId: number, lang: string): Promise<boolean> {
  const captions = (await listCaptions(db, videoId)).find((c) => c.lang === lang)
  if (!captions || !(await deleteCaptions(db, videoId, lang))) return false
  // The row goes first: a file left behind by a failure here is only litter, never a broken track.
  await storage.remove(captions.storageKey)
  return true
}

/** Checks and replaces a film's chapters: starts within the film and increasing, titles of 1–200 characters. */
export async function setChapters(db: Db, videoId: number, chapters: readonly VideoChapter[]): Promise<void> {
  const video = await findVideoById(db, videoId)
  if (!video) throw new NotFound('video', videoId)
  const problems: string[] = []
  if (chapters.length > 100) problems.push('A film has at most 100 chapters.')
  const clean = chapters.map((c, i) => {
    const title = c.title.trim()
    if (title.length < 1 || title.length > 200) problems.push(`Chapter ${i + 1}: a title has 1 to 200 characters.`)
    if (!Number.isFinite(c.startSeconds) || c.startSeconds < 0) problems.push(`Chapter ${i + 1}: the start must be zero or more seconds.`)
    else if (video.durationSeconds !== null && c.startSeconds >= video.durationSeconds) problems.push(`Chapter ${i + 1}: it starts after the film ends.`)
    const before = chapters[i - 1]
    if (before && c.startSeconds <= before.startSeconds) problems.push(`Chapter ${i + 1}: it must start after chapter ${i}.`)
    return { startSeconds: c.startSeconds, title }
  })
  if (problems.length > 0) throw new InvalidInput('These chapters cannot be used.', problems)
  await db.transaction().execute((trx) => replaceChapters(trx, videoId, clean))
}
