// /interviews/:slug: who was interviewed, by whom, when and where; the player (or word that the
// video is being prepared); the whole transcript; the moments of the films that use it; and the
// stories that quote it. Everything reads without JavaScript; the transcript island
// (client/interviews/transcript.ts) adds following, search and sharing a span.
import { formatTimecode } from '../../body/index.js'
import { documentaryUrl } from '../../documentaries/index.js'
import { personUrl } from '../../people/index.js'
import { formatDate } from '../../platform/format.js'
import { VideoPlayer } from '../../embeds/views.js'
import type { ReadyVideo } from '../../embeds/index.js'
import type { InterviewPageData } from '../page-data.js'
import { spanUrl } from '../urls.js'
import { recordedDate } from './interview-list.js'
import { Transcript } from './transcript.js'
import { typographic } from '../../platform/text/typography.js'

export interface InterviewPageProps {
  data: InterviewPageData
  /** The ready video as the player shows it (with the transcript's captions track), if ready. */
  player: ReadyVideo | undefined
  timeZone: string
  /** The transcript island's address, when served. */
  script?: string | undefined
}

/** The interview page's content. */
export function InterviewPage({ data, player, timeZone, script }: InterviewPageProps) {
  const { interview: i, person, interviewers, documentaries, topics, passages, notes, video } = data
  return (
    <article class="iv" data-interview={i.slug}>
      <header class="wrap iv__head">
        <p class="kicker">
          <a href="/interviews">Interview</a>
          {documentaries[0] ? (
            <>
              {' '}
              · <a href={documentaryUrl(documentaries[0].slug)}>{documentaries[0].title}</a>
            </>
          ) : null}
        </p>
        <h1 class="iv__title">{typographic(i.title)}</h1>
        <p class="iv__who">
          {person ? <a href={personUrl(person.slug)}>{person.name}</a> : null}
          {person && i.personRole ? ', ' : null}
          {i.personRole ? <span>{i.personRole}</span> : null}
        </p>
        {i.summary ? <p class="iv__summary">{i.summary}</p> : null}
        <dl class="iv__facts">
          {i.recordedOn ? (
            <div>
              <dt>Recorded</dt>
              <dd>
                <time datetime={i.recordedOn}>{recordedDate(i.recordedOn, timeZone)}</time>
              </dd>
            </div>
          ) : null}
          {i.place ? (
            <div>
              <dt>Place</dt>
              <dd>{i.place}</dd>
            </div>
          ) : null}
          {interviewers.length ? (
            <div>
              <dt>Interviewed by</dt>
              <dd>
                {interviewers.map((p, n) => (
                  <>
                    {n ? ', ' : ''}
                    <a href={personUrl(p.slug)}>{p.name}</a>
                  </>
                ))}
              </dd>
            </div>
          ) : null}
          {topics.length ? (
            <div>
              <dt>Topics</dt>
              <dd>
                {topics.map((t, n) => (
                  <>
                    {n ? ', ' : ''}
                    <a href={`/interviews?topic=${t.slug}`}>{t.name}</a>
                  </>
                ))}
              </dd>
            </div>
          ) : null}
          {documentaries.length ? (
            <div>
              <dt>Recorded for</dt>
              <dd>
                {documentaries.map((d, n) => (
                  <>
                    {n ? ', ' : ''}
                    <a href={documentaryUrl(d.slug)}>{d.title}</a>
                  </>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
      </header>
      <div class="wrap iv__body">
        <div class="iv__watch">
          {player ? (
            <VideoPlayer video={player} title={i.title} main downloadLabel="Download the interview (MP4)" />
          ) : (
            <Preparing video={video} />
          )}
          <FilmMoments data={data} />
          <QuotedIn data={data} timeZone={timeZone} />
        </div>
        <section
          class="iv__transcript"
          aria-labelledby="transcript-heading"
          data-transcript={player ? 'ready' : 'waiting'}
        >
          <h2 id="transcript-heading" class="section-heading">
            Transcript
          </h2>
          {passages.length ? (
            <Transcript passages={passages} notes={notes} />
          ) : (
            <p>The transcript is not available yet.</p>
          )}
        </section>
      </div>
      {script ? <script type="module" src={script} /> : null}
    </article>
  )
}

function Preparing({ video }: { video: InterviewPageData['video'] }) {
  if (video?.status === 'failed' || video === undefined)
    return <p class="iv__pending">The video of this interview is not available yet; its full transcript is below.</p>
  if (video.status !== 'processing') return null
  const percent = Math.round(Math.min(1, Math.max(0, video.progress)) * 100)
  return (
    <p class="iv__pending">
      The video is being prepared ({percent}% done) and will play here once it is ready; the full transcript is below.{' '}
      <progress max={100} value={percent} aria-label="Preparing the video">
        {percent}%
      </progress>
    </p>
  )
}

/** "In the film": each moment links to the film at that moment and plays its span here. */
function FilmMoments({ data }: { data: InterviewPageData }) {
  if (data.moments.length === 0) return null
  const films = new Map(data.documentaries.map(d => [d.id, d]))
  return (
    <section class="iv__aside" aria-labelledby="in-the-film">
      <h2 id="in-the-film" class="section-heading">
        In the film
      </h2>
      <ul class="iv__moments">
        {data.moments.map(m => {
          const film = films.get(m.documentaryId)
          if (!film) return null
          return (
            <li key={m.id}>
              {m.label ? <p class="iv__moment-label">{m.label}</p> : null}
              <a href={spanUrl(data.interview.slug, m.interviewStartSeconds, m.interviewEndSeconds)} data-span>
                {formatTimecode(m.interviewStartSeconds)}–{formatTimecode(m.interviewEndSeconds)} here
              </a>
              {' · '}
              <a href={`${documentaryUrl(film.slug)}?t=${Math.floor(m.filmStartSeconds)}#watch`}>
                {film.title} at {formatTimecode(m.filmStartSeconds)}
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** "Quoted in": the published stories that embed or quote the interview. */
function QuotedIn({ data, timeZone }: { data: InterviewPageData; timeZone: string }) {
  if (data.citedIn.length === 0) return null
  return (
    <section class="iv__aside" aria-labelledby="quoted-in">
      <h2 id="quoted-in" class="section-heading">
        Quoted in
      </h2>
      <ul class="iv__quoted">
        {data.citedIn.map(s => (
          <li key={s.id}>
            <a href={s.url}>{s.title}</a>
            {s.publishedAt ? (
              <>
                {' '}
                · <time datetime={s.publishedAt}>{formatDate(s.publishedAt, timeZone)}</time>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
