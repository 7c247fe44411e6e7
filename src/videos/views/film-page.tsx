// The newsroom's film page: transcode status (polled by the island), the master upload, the
// film's captions (listed, added by upload, removed) and its chapters as lines of text.
import { Csrf, Notice } from '../../newsroom/views.js'
import {
  FormProblems as Problems,
  JobStatusBox,
  MasterUploadForm,
  PageSection as Section,
  ProblemSummary,
  RetryForm,
} from '../../media/views.js'
import { documentaryUrl, type Documentary } from '../../documentaries/index.js'
import { formatTimecode } from '../../body/index.js'
import type { Video } from '../store.js'

/** The film's status as the page and the island read it. */
export function statusOf(video: Video | undefined) {
  return video
    ? { status: video.status, progress: video.progress, error: video.error }
    : { status: 'none' as const, progress: 0, error: null }
}

/** Which form a failed post came from, what it said, and what was typed. */
export type FilmFormProblem =
  | { form: 'film'; messages: string[] }
  | { form: 'captions'; messages: string[]; lang: string; label: string }
  | { form: 'chapters'; messages: string[]; text: string }

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

function CaptionsSection({
  film,
  captions,
  csrf,
  problem,
}: {
  film: Documentary
  captions: FilmPageProps['captions']
  csrf: string
  problem?: FilmFormProblem | undefined
}) {
  const typed = problem?.form === 'captions' ? problem : undefined
  return (
    <Section id="captions" title="Captions">
      {captions.length === 0 ? (
        <p>The film has no captions yet.</p>
      ) : (
        <div class="nr-narrow">
          <table class="nr-table" data-captions-list>
            <caption class="visually-hidden">Captions of the film</caption>
            <thead>
              <tr>
                <th scope="col">Language</th>
                <th scope="col">Label</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {captions.map(c => (
                <tr key={c.lang}>
                  <td>
                    <code>{c.lang}</code>
                  </td>
                  <td>{c.label}</td>
                  <td>
                    <form
                      class="nr-inline-form"
                      method="post"
                      action={`/newsroom/documentaries/${film.id}/film/captions/remove`}
                    >
                      <Csrf token={csrf} />
                      <input type="hidden" name="lang" value={c.lang} />
                      <button
                        type="submit"
                        class="nr-button nr-button--quiet"
                        aria-label={`Remove the ${c.label} captions (${c.lang})`}
                      >
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Add captions</h3>
      {typed ? (
        <Problems id="captions-problems" messages={typed.messages} after="Correct the file and choose it again." />
      ) : null}
      <noscript>
        <p>Uploading captions needs JavaScript.</p>
      </noscript>
      <form
        class="nr-form nr-narrow"
        method="post"
        action={`/newsroom/documentaries/${film.id}/film/captions`}
        data-captions-upload
        data-track-upload="captions"
        data-noun="captions"
      >
        <Csrf token={csrf} />
        <input type="hidden" name="upload" value="" />
        <div class="nr-field">
          <label for="captions-file">WebVTT file</label>
          <p id="captions-file-hint" class="nr-hint">
            A .vtt file up to 1 MB. Captions in a language the film already has replace them.
          </p>
          <input
            id="captions-file"
            type="file"
            name="file"
            accept=".vtt,text/vtt"
            required
            aria-describedby="captions-file-hint"
          />
        </div>
        <div class="nr-grid">
          <div class="nr-field">
            <label for="captions-lang">Language</label>
            <p id="captions-lang-hint" class="nr-hint">
              A language tag: en, es, pt-BR.
            </p>
            <input
              id="captions-lang"
              name="lang"
              required
              maxLength={40}
              placeholder="en"
              autocomplete="off"
              value={typed?.lang ?? ''}
              aria-describedby="captions-lang-hint"
            />
          </div>
          <div class="nr-field">
            <label for="captions-label">Label</label>
            <p id="captions-label-hint" class="nr-hint">
              What the player’s menu says.
            </p>
            <input
              id="captions-label"
              name="label"
              required
              maxLength={60}
              placeholder="English"
              autocomplete="off"
              value={typed?.label ?? ''}
              aria-describedby="captions-label-hint"
            />
          </div>
        </div>
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            Add captions
          </button>
          <span aria-live="polite" data-captions-upload-status></span>
        </div>
      </form>
    </Section>
  )
}

function ChaptersSection({
  film,
  video,
  text,
  csrf,
  problem,
}: {
  film: Documentary
  video: Video
  text: string
  csrf: string
  problem?: FilmFormProblem | undefined
}) {
  const typed = problem?.form === 'chapters' ? problem : undefined
  if (video.durationSeconds === null) {
    return (
      <Section id="chapters" title="Chapters">
        <p>Chapters can be added once the film is transcoded: each start is checked against the film’s length.</p>
      </Section>
    )
  }
  return (
    <Section id="chapters" title="Chapters">
      {typed ? <Problems id="chapters-problems" messages={typed.messages} /> : null}
      <form class="nr-form" method="post" action={`/newsroom/documentaries/${film.id}/film/chapters`}>
        <Csrf token={csrf} />
        <div class="nr-field">
          <label for="chapters-text">Chapters, one a line</label>
          <p id="chapters-hint" class="nr-hint">
            One chapter a line: where it starts, then its title, e.g. “0:00 Opening”, “12:05 The crossing”, “1:02:03
            Finale”. A start is h:mm:ss, m:ss or seconds, and before the film ends at{' '}
            {formatTimecode(video.durationSeconds)}. Empty the box to remove every chapter.
          </p>
          <textarea
            id="chapters-text"
            name="chapters"
            rows={8}
            spellcheck={false}
            aria-describedby={typed ? 'chapters-hint chapters-problems' : 'chapters-hint'}
            aria-invalid={typed ? 'true' : undefined}
          >
            {typed ? typed.text : text}
          </textarea>
        </div>
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            Save chapters
          </button>
        </div>
      </form>
    </Section>
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
          <CaptionsSection film={film} captions={props.captions} csrf={csrf} problem={problem} />
          <ChaptersSection film={film} video={video} text={props.chaptersText} csrf={csrf} problem={problem} />
        </div>
      ) : null}
    </>
  )
}
