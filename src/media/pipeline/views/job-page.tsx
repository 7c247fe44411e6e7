// The pieces every newsroom media page is built from (a documentary's film, an episode's audio,
// an interview's video): the status box the island polls, the resumable upload of a master, a
// retry, and a refused post's messages beside its form. The island that drives them is
// client/newsroom/job-media-page.ts; each page names its elements with its own prefix (`film`,
// `audio`, `interview-video`), so the pages' tests and styles keep their words.
import type { ComponentChildren } from 'preact'
import { Csrf, Notice } from '../../../newsroom/views.js'

/** A failed post's messages at the top of its own form, focusable from the page-top notice. */
export function FormProblems({
  id,
  messages,
  after,
}: {
  id: string
  messages: readonly string[]
  after?: string | undefined
}) {
  return (
    <div id={id} tabindex={-1}>
      <Notice kind="error">
        <h3 class="nr-error-summary__title">
          {messages.length === 1
            ? 'There is a problem; nothing was saved'
            : `There are ${messages.length} problems; nothing was saved`}
        </h3>
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
        {after ? <p>{after}</p> : null}
      </Notice>
    </div>
  )
}

/** The page-top notice pointing at a refused form's messages. */
export function ProblemSummary({ target, count, section }: { target: string; count: number; section: string }) {
  return (
    <Notice kind="error">
      Nothing was saved: see{' '}
      <a href={`#${target}`}>
        the {count === 1 ? 'problem' : 'problems'} under {section}
      </a>
      .
    </Notice>
  )
}

/** A titled section of a media page. */
export function PageSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="nr-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  )
}

/** What the status box says while the job waits and while it runs (the island says them too). */
export interface JobWords {
  queued: string
  processing: string
}

/**
 * The status box the island polls at `statusUrl` while the job is queued or processing,
 * reloading the page once it is done. `progress` (0..1) shows a bar when the job reports it.
 */
export function JobStatusBox(props: {
  prefix: string
  status: string
  statusUrl: string
  words: JobWords
  progress?: number | undefined
  children: ComponentChildren
}) {
  const { prefix, status, words } = props
  const running = status === 'queued' || status === 'processing'
  const percent = Math.round((props.progress ?? 0) * 100)
  const data = { [`data-${prefix}-status`]: status, [`data-${prefix}-status-url`]: props.statusUrl }
  return (
    <section
      class="nr-section"
      {...data}
      data-job-media={prefix}
      data-queued-text={words.queued}
      data-processing-text={words.processing}
      aria-labelledby={`${prefix}-status-title`}
    >
      <h2 id={`${prefix}-status-title`}>Status</h2>
      {running ? (
        <p class="nr-film-progress">
          <span aria-live="polite" data-job-status-text>
            {status === 'queued' ? words.queued : words.processing}
          </span>
          {props.progress === undefined ? null : (
            <>
              {' '}
              <progress max="1" value={String(props.progress)} data-job-progress>
                {percent}%
              </progress>{' '}
              <span data-job-percent>{percent}%</span>
            </>
          )}
        </p>
      ) : null}
      {props.children}
    </section>
  )
}

/** The form that retries a failed job. */
export function RetryForm({ action, csrf }: { action: string; csrf: string }) {
  return (
    <form method="post" action={action}>
      <Csrf token={csrf} />
      <button type="submit" class="nr-button">
        Retry
      </button>
    </form>
  )
}

/** The master's upload: the island sends the file through the resumable upload API, then posts its id to `action`. */
export function MasterUploadForm(props: {
  prefix: string
  kind: 'video' | 'audio'
  noun: string
  action: string
  title: string
  label: string
  hint: string
  accept: string
  csrf: string
  problems?: readonly string[] | undefined
}) {
  const { prefix } = props
  const data = { [`data-${prefix}-upload`]: true }
  return (
    <PageSection id={`${prefix}-upload`} title={props.title}>
      {props.problems ? <FormProblems id={`${prefix}-upload-problems`} messages={props.problems} /> : null}
      <noscript>
        <p>Uploading {props.noun === 'audio' ? 'audio' : `a ${props.noun}`} needs JavaScript.</p>
      </noscript>
      <form
        class="nr-form nr-narrow"
        method="post"
        action={props.action}
        {...data}
        data-master-upload={prefix}
        data-kind={props.kind}
        data-noun={props.noun}
      >
        <Csrf token={props.csrf} />
        <div class="nr-field">
          <label for={`${prefix}-file`}>{props.label}</label>
          <p id={`${prefix}-file-hint`} class="nr-hint">
            {props.hint}
          </p>
          <input
            id={`${prefix}-file`}
            type="file"
            name="file"
            accept={props.accept}
            required
            aria-describedby={`${prefix}-file-hint`}
          />
        </div>
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            Upload
          </button>
          <span aria-live="polite" {...{ [`data-${prefix}-upload-status`]: true }}></span>
        </div>
        <progress max="1" value="0" hidden {...{ [`data-${prefix}-upload-progress`]: true }}></progress>
      </form>
    </PageSection>
  )
}
