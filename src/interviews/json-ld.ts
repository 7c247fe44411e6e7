// The interview page's structured data: a schema.org VideoObject with the transcript (withheld
// passages left out), its sections as Clip parts, `about` the person interviewed, and the
// page's breadcrumbs. Made from the same passages as the page and the captions.
import { breadcrumbLd, videoObjectLd } from '../platform/seo/json-ld.js'
import type { PlayableVideo } from '../videos/index.js'
import { personUrl, type Person } from '../people/index.js'
import type { Interview } from './store.js'
import type { StoredPassage } from './passages.js'

/** A section of the transcript runs at least this long before the next begins (a "key moment"). */
const SECTION_SECONDS = 300
const CLIP_NAME_LENGTH = 80

export interface InterviewJsonLdInput {
  interview: Interview
  person: Person | undefined
  passages: readonly StoredPassage[]
  video: PlayableVideo | undefined
  /** Absolute address of the interview page. */
  url: string
  publicUrl: string
  siteName: string
}

/** The transcript as text: one passage a line, the speaker named when the speaker changes; withheld passages left out. */
export function transcriptText(passages: readonly StoredPassage[]): string {
  const lines: string[] = []
  let speaker = ''
  for (const p of passages) {
    if (p.withheldReason) continue
    lines.push(p.speaker && p.speaker !== speaker ? `${p.speaker}: ${p.text}` : p.text)
    speaker = p.speaker
  }
  return lines.join('\n')
}

/**
 * The transcript's sections: a new one starts at the first readable passage at least
 * SECTION_SECONDS after the last began, named by its opening words. Withheld passages never
 * name a section.
 */
export function transcriptSections(
  passages: readonly StoredPassage[],
  durationSeconds: number,
): Array<{ name: string; start: number; end: number }> {
  const starts: StoredPassage[] = []
  for (const p of passages) {
    if (p.withheldReason) continue
    const last = starts[starts.length - 1]
    if (!last || p.startSeconds - last.startSeconds >= SECTION_SECONDS) starts.push(p)
  }
  return starts.map((p, i) => ({
    name: clipName(p.text),
    start: Math.floor(p.startSeconds),
    end: Math.ceil(starts[i + 1]?.startSeconds ?? durationSeconds),
  }))
}

function clipName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= CLIP_NAME_LENGTH) return flat
  const cut = flat.slice(0, CLIP_NAME_LENGTH)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`
}

/** The VideoObject (with transcript, Clip parts, about and a seek action) and the BreadcrumbList. */
export function interviewJsonLd(input: InterviewJsonLdInput): object[] {
  const { interview, person, passages, video, url, publicUrl, siteName } = input
  const ready = video?.status === 'ready' ? video : undefined
  const absolute = (u: string) => (/^https?:/i.test(u) ? u : `${publicUrl}${u}`)
  const lastEnd = passages.reduce((end, p) => Math.max(end, p.endSeconds), 0)
  const duration = ready?.durationSeconds ?? lastEnd
  const sections = transcriptSections(passages, duration)
  const base = videoObjectLd({
    url,
    name: interview.title,
    description: interview.summary || interview.title,
    thumbnailUrl: ready ? absolute(ready.posterUrl) : undefined,
    uploadDate: interview.publishedAt ?? interview.createdAt,
    durationSeconds: Math.round(duration),
    contentUrl: ready ? absolute(ready.mp4Url) : undefined,
  })
  const videoObject = {
    ...base,
    transcript: transcriptText(passages),
    ...(interview.recordedOn ? { dateCreated: interview.recordedOn } : {}),
    ...(interview.place ? { contentLocation: { '@type': 'Place', name: interview.place } } : {}),
    ...(person
      ? {
          about: {
            '@type': 'Person',
            name: person.name,
            ...(interview.personRole ? { jobTitle: interview.personRole } : {}),
            url: `${publicUrl}${personUrl(person.slug)}`,
          },
        }
      : {}),
    ...(sections.length
      ? {
          hasPart: sections.map(s => ({
            '@type': 'Clip',
            name: s.name,
            startOffset: s.start,
            endOffset: s.end,
            url: `${url}?t=${s.start}`,
          })),
        }
      : {}),
    potentialAction: {
      '@type': 'SeekToAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${url}?t={seek_to_second_number}` },
      'startOffset-input': 'required name=seek_to_second_number',
    },
  }
  return [
    videoObject,
    breadcrumbLd([
      { name: siteName, url: `${publicUrl}/` },
      { name: 'Interviews', url: `${publicUrl}/interviews` },
      { name: interview.title, url },
    ]),
  ]
}
