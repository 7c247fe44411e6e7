// A moment of an interview for players elsewhere: which moment an address asks for (a passage,
// `#p-N`, or a span, `?t=63-95`), what oEmbed says about it, and the embed page that plays it.
// Only published interviews with a ready video are embedded, and never a withheld passage.
import type { Db } from '../db/index.js'
import { InvalidInput } from '../platform/errors.js'
import { formatTimecode, renderBody } from '../body/index.js'
import { findPeopleByIds } from '../people/index.js'
import {
  findInterviewBySlug,
  interviewUrl,
  listPassages,
  passageUrl,
  readSpan,
  type Interview,
  type StoredPassage,
} from '../interviews/index.js'
import { findPlayableInterviewVideo } from '../videos/index.js'
import type { ReadyVideo } from './playable-source.js'
import { VideoPlayer } from './views/video-player.js'

/** What an address asks of an interview: one passage (counted from 1), a span, or the whole. */
export type MomentAsk = { passage: number } | { start: number; end: number | undefined } | { whole: true }

/** A moment ready to embed: the interview, its transcript and video, and the span (none: the whole). */
export interface InterviewMoment {
  interview: Interview
  personName: string
  passages: StoredPassage[]
  video: ReadyVideo
  span: [number, number] | undefined
}

const PASSAGE = /^#p-([1-9][0-9]{0,5})$/

/** What an interview page's address asks for: `?t=` first, then `#p-N`, else the whole interview. */
export function readMomentAsk(url: URL): MomentAsk {
  const t = url.searchParams.get('t')
  if (t !== null) return readSpan(t)
  if (url.hash === '' || url.hash === '#') return { whole: true }
  const m = PASSAGE.exec(url.hash)
  if (!m)
    throw new InvalidInput(
      `“${url.hash.slice(0, 40)}” is not a passage of the interview: a passage's address ends #p- and its number, like #p-12.`,
    )
  return { passage: Number(m[1]) }
}

const touchesWithheld = (passages: readonly StoredPassage[], start: number, end: number) =>
  passages.some(p => p.withheldReason !== null && p.startSeconds < end && start < p.endSeconds)

/** The span a request asks for, checked against the transcript and the video; undefined when it names no passage readers may see. */
function spanOf(
  ask: MomentAsk,
  passages: readonly StoredPassage[],
  duration: number,
): [number, number] | undefined | 'whole' {
  if ('whole' in ask) return 'whole'
  if ('passage' in ask) {
    const p = passages[ask.passage - 1]
    return p && p.withheldReason === null ? [p.startSeconds, p.endSeconds] : undefined
  }
  // A start alone plays the passage being said then, from that moment.
  const end = ask.end ?? passages.find(p => p.startSeconds <= ask.start && ask.start < p.endSeconds)?.endSeconds
  if (end === undefined)
    throw new InvalidInput(
      `Nothing is said at ${formatTimecode(ask.start)} in this interview; give a span, like t=63-95.`,
    )
  if (!(ask.start < end)) throw new InvalidInput(`A span must end after it starts; t=${ask.start}-${end} does not.`)
  if (end > duration + 0.5)
    throw new InvalidInput(`The span runs past the end of the interview at ${formatTimecode(duration)}.`)
  if (touchesWithheld(passages, ask.start, end))
    throw new InvalidInput('The span runs into a passage the newsroom has withheld; choose a span outside it.')
  return [ask.start, end]
}

/** The moment of a published interview an address asks for; undefined when there is nothing to embed. */
export async function findInterviewMoment(db: Db, slug: string, ask: MomentAsk): Promise<InterviewMoment | undefined> {
  const interview = await findInterviewBySlug(db, slug)
  if (!interview || interview.status !== 'published') return undefined
  const [passages, video, people] = await Promise.all([
    listPassages(db, interview.id),
    findPlayableInterviewVideo(db, interview.id),
    findPeopleByIds(db, [interview.personId]),
  ])
  if (video?.status !== 'ready') return undefined
  const span = spanOf(ask, passages, video.durationSeconds)
  if (span === undefined) return undefined
  return {
    interview,
    passages,
    video,
    personName: people.get(interview.personId)?.name ?? '',
    span: span === 'whole' ? undefined : span,
  }
}

/** What the embed page shows: the span as an interview excerpt (the story players' figure), or the whole recording. */
export function InterviewEmbed({ moment }: { moment: InterviewMoment }) {
  const { interview, video, span, passages } = moment
  const captions = [{ lang: 'en', label: 'English', url: `${interviewUrl(interview.slug)}/captions.vtt` }]
  if (!span)
    return (
      <VideoPlayer
        video={{ ...video, captions }}
        title={interview.title}
        downloadLabel="Download the interview (MP4)"
      />
    )
  const body = renderBody(
    {
      type: 'doc',
      content: [
        { type: 'interviewExcerpt', attrs: { interviewId: interview.id, startSeconds: span[0], endSeconds: span[1] } },
      ],
    },
    {
      images: new Map(),
      excerpts: new Map(),
      documentaries: new Map(),
      interviews: new Map([
        [
          interview.id,
          {
            id: interview.id,
            title: interview.title,
            personName: moment.personName,
            personRole: interview.personRole,
            passages: passages.map(p => ({
              position: p.position,
              startSeconds: p.startSeconds,
              endSeconds: p.endSeconds,
              withheld: p.withheldReason !== null,
            })),
            video: {
              hlsUrl: video.hlsUrl,
              mp4Url: video.mp4Url,
              posterUrl: video.posterUrl,
              width: video.width,
              height: video.height,
              captions,
            },
            passageUrl: (position: number) => passageUrl(interview.slug, position),
          },
        ],
      ]),
    },
  )
  return <div dangerouslySetInnerHTML={{ __html: body }} />
}
