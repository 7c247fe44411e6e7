// /newsroom/interviews/new and /newsroom/interviews/:id: the form, and for a stored interview its
// workflow (the buttons the signed-in role may press), its video, its transcript with withheld
// passages and notes, and its revision history.
import { Clock, Csrf, Notice } from '../../newsroom/views.js'
import { hasRole, type FormProblems, type Role } from '../../newsroom/index.js'
import type { InterviewFormFields } from '../form.js'
import type { PassageNote, StoredPassage } from '../passages.js'
import type { InterviewRevision } from '../revisions.js'
import type { Interview } from '../store.js'
import type { InterviewStatus } from '../schema.js'
import { interviewUrl } from '../urls.js'
import type { VideoStatus } from '../../videos/index.js'
import { InterviewForm, type InterviewFormChoices } from './newsroom-form.js'
import { STATUS_LABELS } from './newsroom-list.js'
import { PassageList, Refusal, TranscriptUploadForm, type SectionProblems } from './newsroom-transcript.js'

/** What a stored interview's page shows besides its form. */
export interface InterviewPageExtras {
  passages: readonly StoredPassage[]
  notes: readonly PassageNote[]
  revisions: readonly InterviewRevision[]
  /** Staff account names by id, for who cleared it and who made each revision. */
  accountNames: ReadonlyMap<number, string>
  /** The video's state, or undefined while it has none. */
  videoStatus?: VideoStatus | undefined
  notePosition?: number | undefined
  /** What was typed into a refused transcript, to show again. */
  transcriptText?: string | undefined
}

export interface InterviewEditPageProps {
  interview?: Interview | undefined
  extras?: InterviewPageExtras | undefined
  fields: InterviewFormFields
  problems: FormProblems
  sectionProblems: SectionProblems
  choices: InterviewFormChoices
  /** What the last post did, said above the page. */
  done?: string | undefined
  role: Role
  csrf: string
}

const VIDEO_STATES: Record<VideoStatus | 'none', string> = {
  none: 'none uploaded yet',
  queued: 'waiting to be rendered',
  processing: 'being rendered',
  ready: 'ready',
  failed: 'rendering failed',
}

const MOVES: ReadonlyArray<{
  move: string
  from: readonly InterviewStatus[]
  role: Role
  label: string
  quiet?: true
}> = [
  { move: 'submit', from: ['draft'], role: 'author', label: 'Send for review' },
  { move: 'clear', from: ['in_review'], role: 'editor', label: 'Clear for publishing' },
  { move: 'publish', from: ['cleared'], role: 'editor', label: 'Publish' },
  { move: 'unpublish', from: ['published'], role: 'editor', label: 'Take off the site', quiet: true },
  { move: 'return', from: ['in_review', 'cleared'], role: 'editor', label: 'Send back to draft', quiet: true },
]

/** Where the interview stands and the moves the signed-in role may make from there. */
function Workflow({
  interview,
  role,
  csrf,
  names,
  problems,
}: {
  interview: Interview
  role: Role
  csrf: string
  names: ReadonlyMap<number, string>
  problems: readonly string[] | undefined
}) {
  const moves = MOVES.filter(m => m.from.includes(interview.status) && hasRole(role, m.role))
  const waiting = interview.status === 'in_review' && !hasRole(role, 'editor')
  return (
    <>
      <Refusal id="workflow-problems" title="The interview did not move." problems={problems} />
      <div class="nr-workflow">
        <p>
          Status: <span class="nr-pill">{STATUS_LABELS[interview.status]}</span>
          {interview.clearedAt && interview.clearedBy !== null ? (
            <>
              {' '}
              · cleared by {names.get(interview.clearedBy) ?? `account #${interview.clearedBy}`}{' '}
              <Clock iso={interview.clearedAt} />
            </>
          ) : null}
          {waiting ? ' · waiting for an editor to clear it' : null}
        </p>
        {moves.map(m => (
          <form
            key={m.move}
            method="post"
            action={`/newsroom/interviews/${interview.id}/${m.move}`}
            class="nr-inline-form"
          >
            <Csrf token={csrf} />
            <button class={m.quiet ? 'nr-button nr-button--quiet' : 'nr-button'} type="submit">
              {m.label}
            </button>
          </form>
        ))}
      </div>
    </>
  )
}

/** Each change, newest first: what, who, when, and how the transcript stood after it. */
function RevisionHistory({
  revisions,
  names,
}: {
  revisions: readonly InterviewRevision[]
  names: ReadonlyMap<number, string>
}) {
  return (
    <section class="nr-section" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {revisions.length === 0 ? (
        <p>No changes recorded yet.</p>
      ) : (
        <div class="nr-table-scroll">
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">By</th>
                <th scope="col">When</th>
                <th scope="col">Afterwards</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map(r => (
                <tr key={r.id}>
                  <td>{r.action.replace(/-/g, ' ')}</td>
                  <td>{r.accountId === null ? '—' : (names.get(r.accountId) ?? `account #${r.accountId}`)}</td>
                  <td>
                    <Clock iso={r.createdAt} />
                  </td>
                  <td>
                    {r.snapshot ? (
                      <>
                        {STATUS_LABELS[r.snapshot.interview.status]} · {r.snapshot.passageCount} passages,{' '}
                        {r.snapshot.withheld.length} withheld
                        {r.snapshot.notes.length ? (
                          <ul>
                            {r.snapshot.notes.map((n, i) => (
                              <li key={i}>
                                Passage {n.position + 1}, {n.kind}: {n.body}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function InterviewEditPage(props: InterviewEditPageProps) {
  const { interview, extras, csrf } = props
  return (
    <>
      <p>
        <a href="/newsroom/interviews">All interviews</a>
        {interview ? (
          <>
            {' '}
            · <a href={`/newsroom/interviews/${interview.id}/video`}>Video</a> (
            {VIDEO_STATES[extras?.videoStatus ?? 'none']})
          </>
        ) : null}
        {interview?.status === 'published' ? (
          <>
            {' '}
            · <a href={interviewUrl(interview.slug)}>View on the site</a>
          </>
        ) : null}
      </p>
      {props.done ? <Notice kind="ok">{props.done}</Notice> : null}
      {interview && extras ? (
        <Workflow
          interview={interview}
          role={props.role}
          csrf={csrf}
          names={extras.accountNames}
          problems={props.sectionProblems.workflow}
        />
      ) : null}
      <InterviewForm
        id={interview?.id}
        fields={props.fields}
        problems={props.problems}
        choices={props.choices}
        csrf={csrf}
      />
      {interview && extras ? (
        <>
          <TranscriptUploadForm
            id={interview.id}
            csrf={csrf}
            hasPassages={extras.passages.length > 0}
            problems={props.sectionProblems.transcript}
            text={extras.transcriptText ?? ''}
          />
          <PassageList
            id={interview.id}
            csrf={csrf}
            passages={extras.passages}
            notes={extras.notes}
            problems={props.sectionProblems}
            notePosition={extras.notePosition}
          />
          <RevisionHistory revisions={extras.revisions} names={extras.accountNames} />
        </>
      ) : null}
    </>
  )
}
