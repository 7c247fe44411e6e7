// What a story page needs to render its interview excerpts and quotes: each published interview
// it refers to, the person interviewed, its transcript's times (to find the passage a moment
// falls in, and to never offer a withheld one) and its video once transcoded.
import type { Db } from '../db/index.js'
import type { RenderInterview } from '../body/index.js'
import {
  findInterviewsByIds,
  interviewUrl,
  listPassageTimes,
  passageUrl,
  transcriptTrack,
} from '../interviews/index.js'
import { findPeopleByIds } from '../people/index.js'
import { findPlayableInterviewVideos } from '../videos/index.js'

/** The interviews a body shows, keyed by id, and the cache tags that purge the page when one changes. */
export interface LoadedInterviews {
  interviews: Map<number, RenderInterview>
  tags: string[]
}

/** Loads the published interviews among `ids`, with what their excerpts and quotes render from. */
export async function loadInterviewContext(db: Db, ids: readonly number[]): Promise<LoadedInterviews> {
  // Every interview asked for is tagged, so one published later shows up in the story at once.
  const tags = ids.map(id => `interview:${id}`)
  if (ids.length === 0) return { interviews: new Map(), tags }
  const found = [...(await findInterviewsByIds(db, ids)).values()].filter(i => i.status === 'published')
  const foundIds = found.map(i => i.id)
  const [people, passageTimes, videos] = await Promise.all([
    findPeopleByIds(
      db,
      found.map(i => i.personId),
    ),
    listPassageTimes(db, foundIds),
    findPlayableInterviewVideos(db, foundIds),
  ])
  const interviews = new Map<number, RenderInterview>()
  for (const interview of found) {
    const video = videos.get(interview.id)
    const url = interviewUrl(interview.slug)
    interviews.set(interview.id, {
      id: interview.id,
      title: interview.title,
      personName: people.get(interview.personId)?.name ?? '',
      personRole: interview.personRole,
      passages: passageTimes.get(interview.id) ?? [],
      passageUrl: position => passageUrl(interview.slug, position),
      video:
        video?.status === 'ready'
          ? {
              hlsUrl: video.hlsUrl,
              mp4Url: video.mp4Url,
              posterUrl: video.posterUrl,
              width: video.width,
              height: video.height,
              // The interview's captions are made from its transcript, served beside its page.
              captions: [transcriptTrack(`${url}/captions.vtt`, 'en')],
            }
          : undefined,
    })
  }
  return { interviews, tags }
}
