// The newsroom's page for an interview's video: the transcode's status (polled by the island),
// the master's resumable upload and a retry, built from the same pieces as a documentary's film
// page (media/views: JobStatusBox, MasterUploadForm, RetryForm); and which spans the transcode
// cuts, since readers are never served a withheld passage.
import { Notice } from '../../newsroom/views.js'
import { JobStatusBox, MasterUploadForm, ProblemSummary, RetryForm } from '../../media/views.js'
import { formatTimecode } from '../../body/index.js'
import type { Video } from '../../videos/index.js'
import type { Interview } from '../store.js'
import { interviewUrl } from '../urls.js'

/** The video's status as the page and the island read it. */
export function interviewVideoStatus(video: Video | undefined) {
  return video
    ? { status: video.status, progress: video.progress, error: video.error }
    : { status: 'none' as const, progress: 0, error: null }
}

const DONE: Record<string, string> = {
  attached: 'The video is queued: it is checked from start to end, then transcoded with the withheld passages cut.',
  retried: 'The video is queued again.',
}

/** Everything the page shows. */
export interface InterviewVideoPageProps {
  interview: Interview
  video: Video | undefined
  csrf: string
  done?: string | undefined
  /** A refused attach or retry's messages. */
  problems?: readonly string[] | undefined
  /** Whether the viewer may upload a master: the upload API takes editors and admins only. */
  canUpload: boolean
}

function Cuts({ video }: { video: Video }) {
  if (video.cuts.length === 0) return <p>No passage is withheld: the whole recording is shown.</p>
  return (
    <p data-interview-video-cuts>
      Cut to black and silence (
      {video.cuts.length === 1 ? 'one withheld passage' : `${video.cuts.length} withheld passages`}):{' '}
      {video.cuts.map(([a, b]) => `${formatTimecode(a)}–${formatTimecode(b)}`).join(', ')}.
    </p>
  )
}

function Status({ interview, video, csrf }: { interview: Interview; video: Video | undefined; csrf: string }) {
  const s = interviewVideoStatus(video)
  const replacing = Boolean(video?.livePrefix)
  const words = {
    queued: `Queued for checking and transcoding${replacing ? ' (the new file)' : ''}.`,
    processing: `Checking and transcoding${replacing ? ' the new file' : ''}.`,
  }
  const published = interview.status === 'published'
  return (
    <JobStatusBox
      prefix="interview-video"
      status={s.status}
      statusUrl={`/newsroom/api/interviews/${interview.id}/video`}
      words={words}
      progress={s.progress}
    >
      {s.status === 'none' ? (
        <p>No video has been uploaded yet. The interview’s page shows its transcript without one.</p>
      ) : null}
      {s.status === 'ready' ? (
        <p>
          The video is ready{video?.durationSeconds ? ` (${formatTimecode(video.durationSeconds)})` : ''}.{' '}
          {published ? (
            <a href={interviewUrl(interview.slug)}>See it on the site</a>
          ) : (
            'It shows on the site once the interview is published.'
          )}
        </p>
      ) : null}
      {s.status === 'failed' && video?.masterRefused ? (
        <Notice kind="error">
          The file was refused: {s.error ?? 'no reason was recorded'} Nothing of it was kept; upload the video again.
        </Notice>
      ) : null}
      {s.status === 'failed' && !video?.masterRefused ? (
        <>
          <Notice kind="error">Transcoding failed: {s.error ?? 'no reason was recorded'}</Notice>
          <RetryForm action={`/newsroom/interviews/${interview.id}/video/retry`} csrf={csrf} />
        </>
      ) : null}
      {video && video.status !== 'ready' && replacing ? (
        <p>The site keeps the previous video until the new one is ready.</p>
      ) : null}
      {video ? <Cuts video={video} /> : null}
    </JobStatusBox>
  )
}

/** The video page's content, below the newsroom's title. */
export function InterviewVideoPage({ interview, video, csrf, done, problems, canUpload }: InterviewVideoPageProps) {
  const notice = done ? DONE[done] : undefined
  return (
    <>
      <p>
        <a href={`/newsroom/interviews/${interview.id}`}>Back to the interview</a>
      </p>
      {problems ? (
        <ProblemSummary target="interview-video-upload-problems" count={problems.length} section="Upload" />
      ) : null}
      {notice ? <Notice kind="ok">{notice}</Notice> : null}
      <div class="nr-grid">
        <Status interview={interview} video={video} csrf={csrf} />
        {canUpload ? (
          <MasterUploadForm
            prefix="interview-video"
            kind="video"
            noun="video"
            action={`/newsroom/interviews/${interview.id}/video`}
            csrf={csrf}
            title={video ? 'Replace the video' : 'Upload the video'}
            label="Video file"
            accept="video/*"
            problems={problems}
            hint={`The whole recording, any video file up to 20 GB. It is checked (decoded from start to end) and transcoded for the site after it uploads, with every withheld passage cut to black and silence${video?.livePrefix ? '; the video readers see now stays until the new one is ready' : ''}.`}
          />
        ) : (
          <p>An editor uploads the recording; once it is attached, its state shows here.</p>
        )}
      </div>
    </>
  )
}
