// The newsroom's film page: transcode status (polled by the island), the master upload, and
// the film's captions and chapters (their sections are captions-section.tsx and chapters-section.tsx).
import { Notice } from '../../newsroom/views.js'
import { JobStatusBox, MasterUploadForm, ProblemSummary, RetryForm } from '../../media/views.js'
import { documentaryUrl, type Documentary } from '../../documentaries/index.js'
import { formatTimecode } from '../../body/index.js'
import type { Video } from '../store.js'
import { CaptionsSection, type CaptionsProblem } from './captions-section.js'
import { ChaptersSection, type ChaptersProblem } from './chapters-section.js'

/** The film's status as the page and the island read it. */
export function statusOf(video: Video | undefined) {
  return video
    ? { status: video.status, progress: video.progress, error: video.error }
    : { status: 'none' as const, progress: 0, error: null }
}

/** Which form a failed post came from, what it said, and what was typed. */
export type FilmFormProblem =
  | { form: 'film'; messages: string[] }
  | ({ form: 'captions' } & CaptionsProblem)
  | ({ form: 'chapters' } & ChaptersProblem)

/** Everything the page shows. */
export interface FilmPageProps {
  film: Documentary
  video: Video | undefined
  captions: readonly { lang: string; label: string }[]
  /** The stored chapters as the textarea shows them. */
  chaptersText: string
  csrf: string
  done?: string | undefined
  problem?: FilmFormProblem | undefined
}

const DONE: Record<string, string> = {
  attached: 'The film is queued: it is checked from start to end, then transcoded.',
  retried: 'The film is queued again.',
  captions: 'The captions are saved; the site shows them now.',
  'captions-removed': 'The captions are removed.',
  chapters: 'The chapters are saved; the site shows them now.',
}

const SECTION_NAMES = { film: 'Upload', captions: 'Captions', chapters: 'Chapters' }

/** While a new master is checked or fails, what readers see meanwhile: the film they had. */
function StillLive({ film, video }: { film: Documentary; video: Video | undefined }) {
  if (!video?.livePrefix || video.status === 'ready') return null
  const length = video.durationSeconds ? ` (${formatTimecode(video.durationSeconds)})` : ''
  return (
    <p data-film-still-live>
      {film.status === 'published' ? (
        <>
          Readers still see <a href={documentaryUrl(film.slug)}>the previous film</a>
          {length}
          {video.status === 'failed' ? '.' : ' until the new one is ready.'}
        </>
      ) : (
        <>
          The site keeps the previous film{length}
          {video.status === 'failed' ? '.' : ' until the new one is ready.'}
        </>
      )}
    </p>
  )
}

function FilmStatus({ film, video, csrf }: { film: Documentary; video: Video | undefined; csrf: string }) {
  const s = statusOf(video)
  const replacing = Boolean(video?.livePrefix)
  const words = {
    queued: `Queued for checking and transcoding${replacing ? ' (the new file)' : ''}.`,
    processing: `Checking and transcoding${replacing ? ' the new file' : ''}.`,
  }
  return (
    <JobStatusBox
      prefix="film"
      status={s.status}
      statusUrl={`/newsroom/api/documentaries/${film.id}/film`}
      words={words}
      progress={s.progress}
    >
      {s.status === 'none' ? <p>No film has been uploaded yet.</p> : null}
      {s.status === 'ready' ? (
        <p>
          The film is ready{video?.durationSeconds ? ` (${formatTimecode(video.durationSeconds)})` : ''}.{' '}
          {film.status === 'published' ? (
            <a href={documentaryUrl(film.slug)}>See it on the site</a>
          ) : (
            'It shows on the site once the documentary is published.'
          )}
        </p>
      ) : null}
      {s.status === 'failed' && video?.masterRefused ? (
        <div data-film-refused>
          <Notice kind="error">
            {replacing ? 'The new file was refused' : 'The file was refused'}: {s.error ?? 'no reason was recorded'}
          </Notice>
          <p>
            Nothing of it was kept. Choose the file again under “{replacing ? 'Replace the film' : 'Upload a film'}”.
          </p>
        </div>
      ) : null}
      {s.status === 'failed' && !video?.masterRefused ? (
        <>
          <Notice kind="error">Transcoding failed: {s.error ?? 'no reason was recorded'}</Notice>
          <RetryForm action={`/newsroom/documentaries/${film.id}/film/retry`} csrf={csrf} />
        </>
      ) : null}
      <StillLive film={film} video={video} />
    </JobStatusBox>
  )
}

function UploadForm({
  film,
  video,
  csrf,
  problem,
}: {
  film: Documentary
  video: Video | undefined
  csrf: string
  problem?: FilmFormProblem | undefined
}) {
  return (
    <MasterUploadForm
      prefix="film"
      kind="video"
      noun="film"
      action={`/newsroom/documentaries/${film.id}/film`}
      csrf={csrf}
      title={video ? 'Replace the film' : 'Upload a film'}
      label="Video file"
      accept="video/*"
      problems={problem?.form === 'film' ? problem.messages : undefined}
      hint={`The master: any video file up to 20 GB. It is checked (decoded from start to end: a file cut short or damaged is refused) and transcoded for the site after it uploads${video?.livePrefix ? '; the film readers see now stays until the new one is ready' : ''}.`}
    />
  )
}

/** The film page's content, below the newsroom's title. */
export function FilmPage(props: FilmPageProps) {
  const { film, video, csrf, problem } = props
  const done = props.done ? DONE[props.done] : undefined
  return (
    <>
      <p>
        <a href={`/newsroom/documentaries/${film.id}`}>Back to the documentary</a>
      </p>
      {problem ? (
        <ProblemSummary
          target={`${problem.form === 'film' ? 'film-upload' : problem.form}-problems`}
          count={problem.messages.length}
          section={SECTION_NAMES[problem.form]}
        />
      ) : null}
      {done ? <Notice kind="ok">{done}</Notice> : null}
      {/* Two columns where there is room, one on a phone. */}
      <div class="nr-grid">
        <FilmStatus film={film} video={video} csrf={csrf} />
        <UploadForm film={film} video={video} csrf={csrf} problem={problem} />
      </div>
      {video ? (
        <div class="nr-grid">
          <CaptionsSection
            film={film}
            captions={props.captions}
            csrf={csrf}
            typed={problem?.form === 'captions' ? problem : undefined}
          />
          <ChaptersSection
            film={film}
            video={video}
            text={props.chaptersText}
            csrf={csrf}
            typed={problem?.form === 'chapters' ? problem : undefined}
          />
        </div>
      ) : null}
    </>
  )
}
