// Renders what points into an interview: the interview excerpt (a player of just its span, with
// the speaker and a link into the full interview) and the link a quote's attribution carries to
// the moment it was said. Nothing of an interview renders unless the context holds it (it is
// published), and no span that reaches a withheld passage is ever offered to a reader.
import { escapeHtml } from './escape.js'
import type { BodyRenderContext, RenderInterview, RenderPassage } from './render-context.js'
import type { InterviewExcerptNode, QuoteSource } from './schema.js'
import { formatTimecode } from './timecode.js'

/** An interview excerpt as a figure the player island turns into a player of the span (data-media). */
export function renderInterviewExcerptBlock(node: InterviewExcerptNode, context: BodyRenderContext): string {
  const interview = context.interviews?.get(node.attrs.interviewId)
  if (interview === undefined) return ''
  const { startSeconds: start, endSeconds: end } = node.attrs
  // Withheld after the story was saved: the span is no longer the newsroom's to show.
  if (!(start < end) || touchesWithheld(interview.passages, start, end)) return ''
  const length = end - start
  const at = passageAt(interview.passages, start)
  const video = interview.video
  const media =
    video === undefined
      ? ''
      : `<div class="excerpt-media">` +
        // Without JavaScript the browser's own player plays the span (a media fragment).
        `<video class="excerpt-fallback" controls preload="none" poster="${escapeHtml(video.posterUrl)}" width="${whole(video.width)}" height="${whole(video.height)}">` +
        `<source src="${escapeHtml(`${video.mp4Url}#t=${seconds(start)},${seconds(end)}`)}" type="video/mp4"></video></div>`
  const mediaAttr =
    video === undefined
      ? ''
      : ` data-media="${escapeHtml(
          JSON.stringify({
            id: interview.id,
            title: speakerLine(interview),
            hlsUrl: video.hlsUrl,
            mp4Url: video.mp4Url,
            posterUrl: video.posterUrl,
            width: whole(video.width),
            height: whole(video.height),
            start,
            end,
            captions: video.captions,
          }),
        )}"`
  const role =
    interview.personRole.trim() === '' ? '' : `, <span class="excerpt-role">${escapeHtml(interview.personRole)}</span>`
  const watch =
    at === undefined
      ? ''
      : `<p class="excerpt-more"><a class="excerpt-watch" href="${escapeHtml(interview.passageUrl(at.position))}">` +
        `Watch the full interview from ${formatTimecode(start)}` +
        `<span class="excerpt-documentary"> — <cite>${escapeHtml(interview.title)}</cite></span></a></p>`
  return (
    `<figure class="excerpt interview-excerpt" data-interview-id="${whole(interview.id)}" data-start="${seconds(start)}" data-end="${seconds(end)}"${mediaAttr}>` +
    media +
    '<figcaption class="excerpt-text">' +
    '<p class="excerpt-heading"><span class="excerpt-label">Interview excerpt</span> ' +
    `<span class="excerpt-title">${escapeHtml(interview.personName)}</span>${role} ` +
    `<span class="excerpt-duration">(<time datetime="PT${seconds(length)}S">${formatTimecode(Math.round(length))}</time>)</span></p>` +
    watch +
    '</figcaption></figure>'
  )
}

/** Where a quote's words were said, as a link; undefined when the interview is not shown or the moment is withheld. */
export function quoteSourceLink(
  source: QuoteSource | undefined,
  context: BodyRenderContext,
): { href: string; speaker: string; at: string } | undefined {
  if (source === undefined) return undefined
  const interview = context.interviews?.get(source.interviewId)
  if (interview === undefined) return undefined
  const at = passageAt(interview.passages, source.startSeconds)
  if (at === undefined || at.withheld) return undefined
  return {
    href: interview.passageUrl(at.position),
    speaker: speakerLine(interview),
    at: formatTimecode(source.startSeconds),
  }
}

/** "Name, role then", as a caption or attribution names the person interviewed. */
function speakerLine(interview: RenderInterview): string {
  const role = interview.personRole.trim()
  return role === '' ? interview.personName : `${interview.personName}, ${role}`
}

/** The passage being said at `moment`: the one that holds it, else the last to start before it. */
function passageAt(passages: readonly RenderPassage[], moment: number): RenderPassage | undefined {
  let found: RenderPassage | undefined
  for (const p of passages) {
    if (p.startSeconds > moment) break
    found = p
    if (moment < p.endSeconds) break
  }
  return found ?? passages[0]
}

function touchesWithheld(passages: readonly RenderPassage[], start: number, end: number): boolean {
  return passages.some(p => p.withheld && p.startSeconds < end && start < p.endSeconds)
}

/** Seconds for an attribute: to the millisecond, never negative or NaN. */
function seconds(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.round(n * 1000) / 1000 : 0
}

function whole(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0
}
