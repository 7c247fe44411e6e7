// The newsroom's audio page for an episode: the audio job's status (polled by the island), the
// master upload, the transcript (a WebVTT file) and the chapters as lines of text.
import { Csrf, Notice } from '../../newsroom/views.js'
import {
  FormProblems as Problems,
  JobStatusBox,
  MasterUploadForm,
  PageSection as Section,
  ProblemSummary,
  RetryForm,
} from '../../media/views.js'
import { formatTimecode } from '../../body/index.js'
import type { Show } from '../show-store.js'
import type { Episode } from '../store.js'
import { episodeUrl } from '../urls.js'

/** The audio's status as the page and the island read it. */
export function audioStatusOf(episode: Episode) {
  return { status: episode.audioStatus, error: episode.audioError, durationSeconds: episode.durationSeconds }
}

/** Which form a failed post came from, what it said, and what was typed. */
export type AudioFormProblem =
  | { form: 'audio'; messages: string[] }
  | { form: 'transcript'; messages: string[] }
  | { form: 'chapters'; messages: string[]; text: string }

const DONE: Record<string, string> = {
  attached: 'The audio is queued for processing.',
  retried: 'The audio is queued again.',
  transcript: 'The transcript is saved; the site and the feed show it now.',
  'transcript-removed': 'The transcript is removed.',
  chapters: 'The chapters are saved; the site and the feed show them now.',
}

const SECTION_NAMES = { audio: 'Audio', transcript: 'Transcript', chapters: 'Chapters' }

const WORDS = { queued: 'Queued for processing.', processing: 'Processing: normalising loudness, making MP3 and AAC.' }

function AudioStatus({ show, episode, csrf }: { show: Show; episode: Episode; csrf: string }) {
  const s = episode.audioStatus
  return (
    <JobStatusBox prefix="audio" status={s} statusUrl={`/newsroom/api/episodes/${episode.id}/audio`} words={WORDS}>
      {s === 'none' ? <p>No audio has been uploaded yet.</p> : null}
      {s === 'ready' || episode.mp3Key ? (
        <p>
          {s === 'ready' ? 'The audio is ready' : 'The earlier audio stays on the site until the new file is ready'}
          {episode.durationSeconds ? ` (${formatTimecode(episode.durationSeconds)})` : ''}.{' '}
          {episode.status === 'published' ? (
            <a href={episodeUrl(show.slug, episode.slug)}>Hear it on the site</a>
          ) : (
            'It is heard on the site once the episode is published.'
          )}
        </p>
      ) : null}
      {s === 'failed' ? (
        <>
          <Notice kind="error">Processing failed: {episode.audioError ?? 'no reason was recorded'}</Notice>
          <RetryForm action={`/newsroom/episodes/${episode.id}/audio/retry`} csrf={csrf} />
        </>
      ) : null}
    </JobStatusBox>
  )
}

function UploadForm({
  episode,
  csrf,
  problem,
}: {
  episode: Episode
  csrf: string
  problem?: AudioFormProblem | undefined
}) {
  return (
    <MasterUploadForm
      prefix="audio"
      kind="audio"
      noun="audio"
      action={`/newsroom/episodes/${episode.id}/audio`}
      csrf={csrf}
      title={episode.audioMasterKey ? 'Replace the audio' : 'Upload the audio'}
      label="Audio file"
      accept="audio/*,.wav,.flac,.mp3,.m4a,.ogg"
      hint="The master: WAV, FLAC, MP3, M4A or Ogg, up to 2 GB. It is normalised to −16 LUFS and made into MP3 and AAC after it uploads."
      problems={problem?.form === 'audio' ? problem.messages : undefined}
    />
  )
}

function TranscriptSection({
  episode,
  csrf,
  problem,
}: {
  episode: Episode
  csrf: string
  problem?: AudioFormProblem | undefined
}) {
  return (
    <Section id="transcript" title="Transcript">
      {episode.transcriptKey ? (
        <form class="nr-inline-form" method="post" action={`/newsroom/episodes/${episode.id}/transcript/remove`}>
          <Csrf token={csrf} />
          <p>
            The episode has a transcript.{' '}
            <button type="submit" class="nr-button nr-button--quiet">
              Remove the transcript
            </button>
          </p>
        </form>
      ) : (
        <p>The episode has no transcript yet.</p>
      )}
      {problem?.form === 'transcript' ? <Problems id="transcript-problems" messages={problem.messages} /> : null}
      <noscript>
        <p>Uploading a transcript needs JavaScript.</p>
      </noscript>
      <form
        class="nr-form nr-narrow"
        method="post"
        action={`/newsroom/episodes/${episode.id}/transcript`}
        data-transcript-upload
        data-track-upload="transcript"
        data-noun="transcript"
      >
        <Csrf token={csrf} />
        <input type="hidden" name="upload" value="" />
        <div class="nr-field">
          <label for="transcript-file">WebVTT file</label>
          <p id="transcript-file-hint" class="nr-hint">
            A .vtt file up to 1 MB, with speakers as voice tags if you like (“&lt;v Ana&gt;”). It replaces the current
            transcript.
          </p>
          <input
            id="transcript-file"
            type="file"
            name="file"
            accept=".vtt,text/vtt"
            required
            aria-describedby="transcript-file-hint"
          />
        </div>
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            {episode.transcriptKey ? 'Replace the transcript' : 'Add the transcript'}
          </button>
          <span aria-live="polite" data-transcript-upload-status></span>
        </div>
      </form>
    </Section>
  )
}

function ChaptersSection({
  episode,
  text,
  csrf,
  problem,
}: {
  episode: Episode
  text: string
  csrf: string
  problem?: AudioFormProblem | undefined
}) {
  const typed = problem?.form === 'chapters' ? problem : undefined
  if (episode.durationSeconds === null) {
    return (
      <Section id="chapters" title="Chapters">
        <p>Chapters can be added once the audio is ready: each start is checked against its length.</p>
      </Section>
    )
  }
  return (
    <Section id="chapters" title="Chapters">
      {typed ? <Problems id="chapters-problems" messages={typed.messages} /> : null}
      <form class="nr-form" method="post" action={`/newsroom/episodes/${episode.id}/chapters`}>
        <Csrf token={csrf} />
        <div class="nr-field">
          <label for="chapters-text">Chapters, one a line</label>
          <p id="chapters-hint" class="nr-hint">
            Where each chapter starts, then its title: “0:00 Welcome”, “12:05 The interview”. A start is h:mm:ss, m:ss
            or seconds, before the episode ends at {formatTimecode(episode.durationSeconds)}. Empty the box to remove
            every chapter.
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

/** The audio page's content, below the newsroom's title. */
export function EpisodeAudioPage(props: {
  show: Show
  episode: Episode
  chaptersText: string
  csrf: string
  done?: string | undefined
  problem?: AudioFormProblem | undefined
}) {
  const { show, episode, csrf, problem } = props
  const done = props.done ? DONE[props.done] : undefined
  return (
    <>
      <p>
        <a href={`/newsroom/episodes/${episode.id}`}>Back to the episode</a> ·{' '}
        <a href={`/newsroom/podcasts/${show.id}`}>{show.title}</a>
      </p>
      {problem ? (
        <ProblemSummary
          target={`${problem.form === 'audio' ? 'audio-upload' : problem.form}-problems`}
          count={problem.messages.length}
          section={SECTION_NAMES[problem.form]}
        />
      ) : null}
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div class="nr-grid">
        <AudioStatus show={show} episode={episode} csrf={csrf} />
        <UploadForm episode={episode} csrf={csrf} problem={problem} />
      </div>
      <div class="nr-grid">
        <TranscriptSection episode={episode} csrf={csrf} problem={problem} />
        <ChaptersSection episode={episode} text={props.chaptersText} csrf={csrf} problem={problem} />
      </div>
    </>
  )
}
