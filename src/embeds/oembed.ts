// Which of our addresses an oEmbed consumer may ask about, and what each embeds: an
// excerpt's embed page, a story (its first excerpt), a documentary page (the film), or an
// interview page (the moment its `#p-N` or `?t=a-b` names, else the whole recording).
import type { Db } from '../db/index.js'
import { bodyReferences } from '../body/index.js'
import { findPublishedStoryBySlug } from '../stories/index.js'
import { formatTimecode } from '../body/index.js'
import { findPlayableExcerpt, findPlayableFilm } from './present.js'
import { findInterviewMoment, readMomentAsk, type InterviewMoment } from './oembed-interviews.js'

/** What an oEmbed answer describes. */
export interface EmbedTarget {
  title: string
  /** Path of the embed page on this site. */
  embedPath: string
  width: number
  height: number
  posterUrl: string
}

const EXCERPT_EMBED = /^\/embed\/excerpts\/([1-9][0-9]{0,9})\/?$/
const STORY = /^\/stories\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/
const DOCUMENTARY = /^\/(?:embed\/)?documentaries\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/
const INTERVIEW = /^\/(?:embed\/)?interviews\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/

/**
 * The embeddable video behind `raw`, or undefined for another site's or an unknown address.
 * An interview address naming a moment badly (`#p-x`, `?t=9-3`) is refused with InvalidInput.
 */
export async function resolveEmbed(db: Db, publicUrl: string, raw: string): Promise<EmbedTarget | undefined> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if (url.origin !== new URL(publicUrl).origin) return undefined
  const path = url.pathname
  const excerptId = EXCERPT_EMBED.exec(path)?.[1]
  if (excerptId !== undefined) return excerptTarget(db, Number(excerptId))
  const storySlug = STORY.exec(path)?.[1]
  if (storySlug !== undefined) {
    const story = await findPublishedStoryBySlug(db, storySlug)
    const first = story ? bodyReferences(story.body).excerptIds[0] : undefined
    return first === undefined ? undefined : excerptTarget(db, first)
  }
  const filmSlug = DOCUMENTARY.exec(path)?.[1]
  if (filmSlug !== undefined) {
    const found = await findPlayableFilm(db, filmSlug)
    if (!found) return undefined
    const { film, video } = found
    return {
      title: film.title,
      embedPath: `/embed/documentaries/${film.slug}`,
      width: video.width,
      height: video.height,
      posterUrl: video.posterUrl,
    }
  }
  const interviewSlug = INTERVIEW.exec(path)?.[1]
  if (interviewSlug !== undefined) {
    const moment = await findInterviewMoment(db, interviewSlug, readMomentAsk(url))
    return moment && interviewTarget(moment)
  }
  return undefined
}

/** Seconds as an address writes them: to the millisecond, no trailing zeros. */
const inAddress = (n: number) => String(Math.round(n * 1000) / 1000)

/** An interview moment's embed page, which plays just that span (or the whole recording). */
function interviewTarget({ interview, video, span }: InterviewMoment): EmbedTarget {
  const base = `/embed/interviews/${interview.slug}`
  return {
    title: span
      ? `${interview.title} (${formatTimecode(span[0])}–${formatTimecode(Math.ceil(span[1]))})`
      : interview.title,
    embedPath: span ? `${base}?t=${inAddress(span[0])}-${inAddress(span[1])}` : base,
    width: video.width,
    height: video.height,
    posterUrl: video.posterUrl,
  }
}

async function excerptTarget(db: Db, id: number): Promise<EmbedTarget | undefined> {
  const found = await findPlayableExcerpt(db, id)
  if (!found) return undefined
  const { excerpt, video } = found
  return {
    title: excerpt.title,
    embedPath: `/embed/excerpts/${excerpt.id}`,
    width: video.width,
    height: video.height,
    posterUrl: video.posterUrl,
  }
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&#39;')
}
