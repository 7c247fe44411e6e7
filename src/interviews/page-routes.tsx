// One interview's page and its captions. The page is the published interview only (a draft is
// a 404 to readers); `?t=63` cues the player and `?t=63-95` plays a span, also without
// JavaScript, through the MP4's media fragment.
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { truncate } from '../platform/format.js'
import type { ReadyVideo } from '../embeds/index.js'
import { sendPage } from '../site/views.js'
import { SlugParams, type PublicDeps } from '../site/index.js'
import { interviewJsonLd } from './json-ld.js'
import { transcriptCaptions, transcriptTrack } from './captions.js'
import { loadInterviewPage, type CitingStoriesFinder, type InterviewPageData } from './page-data.js'
import { findInterviewBySlug } from './store.js'
import { listPassages } from './passages.js'
import { interviewUrl, readSpan, SPAN_PATTERN, type AskedSpan } from './urls.js'
import { InterviewPage } from './views/interview-page.js'
import { seconds } from './views/transcript.js'

/** What the interview pages are given: the site's, the transcript island and the stories that cite an interview. */
export interface InterviewRouteDeps extends PublicDeps {
  /** The transcript island's address (client/interviews/transcript.ts), when served. */
  transcriptScript?: string | undefined
  /** The stories part's `listStoriesCitingInterview`, handed in by app.ts ("Quoted in"). */
  citingStories?: CitingStoriesFinder | undefined
}

const PageQuery = Type.Object({ t: Type.Optional(Type.String({ pattern: SPAN_PATTERN, maxLength: 30 })) })

/** The player's video: the transcript as its captions track, and the MP4 cued by a media fragment. */
function playerVideo(
  data: InterviewPageData,
  captions: { url: string; lang: string },
  span: AskedSpan | undefined,
): ReadyVideo | undefined {
  if (data.video?.status !== 'ready') return undefined
  const fragment = span ? `#t=${seconds(span.start)}${span.end !== undefined ? `,${seconds(span.end)}` : ''}` : ''
  return {
    ...data.video,
    mp4Url: `${data.video.mp4Url}${fragment}`,
    captions: [...data.video.captions, transcriptTrack(captions.url, captions.lang, data.video.captions)],
  }
}

/** Registers /interviews/:slug and /interviews/:slug/captions.vtt. */
export function registerInterviewPageRoutes(app: FastifyInstance, deps: InterviewRouteDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/interviews/:slug',
    { schema: { params: SlugParams, querystring: PageQuery }, config: { cache: 'public' } },
    async (request, reply) => {
      const span = request.query.t === undefined ? undefined : readSpan(request.query.t)
      const data = await loadInterviewPage(deps.db, request.params.slug, deps.citingStories)
      if (!data) throw new NotFound('interview', request.params.slug)
      const { interview, person } = data
      const { settings } = await deps.chrome()
      const path = interviewUrl(interview.slug)
      const url = `${deps.publicUrl}${path}`
      const player = playerVideo(data, { url: `${path}/captions.vtt`, lang: settings.language }, span)
      const description = truncate(
        interview.summary || `${person?.name ?? 'An interview'}, ${interview.personRole}.`,
        200,
      )
      return sendPage(deps, request, reply, {
        player: player !== undefined,
        tags: [
          `interview:${interview.id}`,
          'list:interviews',
          `person:${interview.personId}`,
          ...data.interviewers.map(p => `person:${p.id}`),
          ...data.topics.map(t => `topic:${t.id}`),
          ...data.documentaries.map(d => `documentary:${d.id}`),
          // A story published (or taken down) that quotes the interview changes "Quoted in".
          'list:stories',
          ...data.citedIn.map(s => `story:${s.id}`),
        ],
        content: (
          <InterviewPage data={data} player={player} timeZone={settings.timeZone} script={deps.transcriptScript} />
        ),
        meta: {
          title: interview.title,
          description,
          path,
          image: player
            ? {
                url: `${deps.publicUrl}${player.posterUrl}`,
                width: player.width,
                height: player.height,
                alt: interview.title,
              }
            : undefined,
          publishedTime: interview.publishedAt,
          modifiedTime: interview.updatedAt,
          jsonLd: interviewJsonLd({
            interview,
            person,
            passages: data.passages,
            video: data.video,
            url,
            publicUrl: deps.publicUrl,
            siteName: settings.name,
          }),
        },
      })
    },
  )

  r.get(
    '/interviews/:slug/captions.vtt',
    { schema: { params: SlugParams }, config: { cache: 'public' } },
    async (request, reply) => {
      const interview = await findInterviewBySlug(deps.db, request.params.slug)
      if (interview?.status !== 'published') throw new NotFound('interview', request.params.slug)
      const passages = await listPassages(deps.db, interview.id)
      return deps.pages.send(request, reply, transcriptCaptions(passages), {
        tags: [`interview:${interview.id}`],
        contentType: 'text/vtt; charset=utf-8',
      })
    },
  )
}
