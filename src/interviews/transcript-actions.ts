// What an editor does with an interview's transcript: fill it from a file, withhold passages (and
// release them), and keep notes beside them. Each is one runAction transaction with its revision,
// search entry and audit row. A change to what is withheld also changes the video's cuts in the
// same transaction (readers stop being served the old renditions at once, and the transcode is
// queued); the old renditions' files are removed after the commit.
import { runAction, checkLink, type ActionDeps, type Actor } from '../newsroom/index.js'
import { InvalidInput, NotFound } from '../platform/errors.js'
import { formatTimecode } from '../body/index.js'
import type { Storage } from '../platform/storage/index.js'
import { findVideoByInterview, removeVideoOutputs, setVideoCuts } from '../videos/index.js'
import type { Db } from '../db/index.js'
import { editableInterview, interviewTags, recordChange } from './actions.js'
import {
  deleteNote,
  insertNote,
  listPassages,
  replacePassages,
  setWithheld,
  updateNote,
  withheldSpans,
  type NoteFields,
  type PassageNote,
  type StoredPassage,
} from './passages.js'
import { NOTE_KINDS, WITHHELD_REASONS, type NoteKind, type WithheldReason } from './schema.js'
import { findInterviewLinks, type Interview } from './store.js'
import { detectTranscriptFormat, readTranscriptFile, type Passage, type TranscriptFormat } from './transcript-files.js'

/** What actions that may change the video's cuts need besides the database and the events. */
export interface InterviewMediaDeps extends ActionDeps {
  storage: Storage
  /** Tells the job runner a transcode is queued, once it is committed. */
  wakeJobs?: (() => void) | undefined
}

/** A transcript file as the newsroom receives it. */
export interface TranscriptUpload {
  text: string
  filename: string
  /** Read from the file's name or first lines when not given. */
  format?: TranscriptFormat | undefined
}

/** A passage may end this far past the video's end and is then cut at the end: file times are rounded, probes are not. */
const END_TOLERANCE_SECONDS = 1

export const NOTE_LIMITS = { body: 2000 }

/** What a change to the withheld passages left to do after its commit. */
interface CutsOutcome {
  changed: boolean
  removeAfterCommit: string | null
}

async function tagsOf(db: Db, interview: Interview): Promise<string[]> {
  return interviewTags(
    interview,
    (await findInterviewLinks(db, [interview.id])).get(interview.id)?.documentaryIds ?? [],
  )
}

/** Points the interview's video (if it has one) at the cuts its withheld passages make. */
async function syncCuts(db: Db, interviewId: number, passages: readonly StoredPassage[]): Promise<CutsOutcome> {
  const video = await findVideoByInterview(db, interviewId)
  if (!video) return { changed: false, removeAfterCommit: null }
  return setVideoCuts(db, video.id, withheldSpans(passages))
}

/** After the commit: the old renditions go (nothing points at them any more), and the runner learns of the new transcode. */
async function afterCuts(deps: InterviewMediaDeps, cuts: CutsOutcome): Promise<void> {
  if (cuts.removeAfterCommit) await removeVideoOutputs(deps.storage, cuts.removeAfterCommit)
  if (cuts.changed) deps.wakeJobs?.()
}

/** Refuses passages that start after the video ends; ends a little past it are cut to the end. */
function fitToVideo(passages: Passage[], durationSeconds: number): Passage[] {
  const problems: string[] = []
  const fitted = passages.map((p, i) => {
    if (p.endSeconds <= durationSeconds) return p
    if (p.endSeconds <= durationSeconds + END_TOLERANCE_SECONDS && p.startSeconds < durationSeconds)
      return { ...p, endSeconds: durationSeconds }
    problems.push(
      `Passage ${i + 1} (from ${formatTimecode(p.startSeconds)}) runs to ${formatTimecode(p.endSeconds)}, past the end of the video at ${formatTimecode(durationSeconds)}.`,
    )
    return p
  })
  if (problems.length)
    throw new InvalidInput(
      'This transcript runs past the end of the interview’s video; nothing was stored.',
      problems.slice(0, 20),
    )
  return fitted
}

/**
 * Replaces the transcript with the file's passages. A file that does not read is refused whole,
 * each problem with its line, and nothing is stored; withheld spans stay withheld and notes move
 * with their passages (see `replacePassages`).
 */
export async function fillTranscript(
  deps: InterviewMediaDeps,
  actor: Actor,
  id: number,
  upload: TranscriptUpload,
): Promise<StoredPassage[]> {
  const outcome = await runAction(deps, actor, async (trx, audit) => {
    const interview = await editableInterview(trx, actor, id, 'fill the transcript of this interview')
    const video = await findVideoByInterview(trx, id)
    const duration = video?.durationSeconds ?? undefined
    const format = upload.format ?? detectTranscriptFormat(upload.text, upload.filename)
    const read = readTranscriptFile(upload.text, format, { durationSeconds: duration })
    const stored = await replacePassages(trx, id, duration ? fitToVideo(read, duration) : read)
    const cuts = await syncCuts(trx, id, stored)
    await recordChange(trx, audit, actor, id, 'transcript-filled', {
      format,
      filename: upload.filename.slice(0, 200),
      passages: stored.length,
      withheld: stored.filter(p => p.withheldReason).length,
      recut: cuts.changed,
    })
    return { result: { stored, cuts }, tags: await tagsOf(trx, interview) }
  })
  await afterCuts(deps, outcome.cuts)
  return outcome.stored
}

/** Positions as given, checked against the transcript: each once, each a passage. */
function checkPositions(positions: readonly number[], passages: readonly StoredPassage[]): number[] {
  const unique = [...new Set(positions)]
  if (unique.length === 0) throw new InvalidInput('Choose at least one passage.')
  const unknown = unique.filter(p => !Number.isInteger(p) || p < 0 || p >= passages.length)
  if (unknown.length)
    throw new InvalidInput(
      `The transcript has ${passages.length} passages; there is no passage ${unknown.map(p => p + 1).join(', ')}.`,
    )
  return unique.sort((a, b) => a - b)
}

/** Withholds (a reason) or releases (null) passages; an interview with a video is recut. */
async function changeWithheld(
  deps: InterviewMediaDeps,
  actor: Actor,
  id: number,
  positions: readonly number[],
  reason: WithheldReason | null,
): Promise<boolean> {
  if (reason !== null && !(WITHHELD_REASONS as readonly string[]).includes(reason))
    throw new InvalidInput(`Choose why the passages are withheld: ${WITHHELD_REASONS.join(', ')}.`)
  const outcome = await runAction(deps, actor, async (trx, audit) => {
    const interview = await editableInterview(
      trx,
      actor,
      id,
      reason ? 'withhold passages of this interview' : 'release withheld passages of this interview',
    )
    const chosen = checkPositions(positions, await listPassages(trx, id))
    const none = { changed: false, cuts: { changed: false, removeAfterCommit: null } }
    if (!(await setWithheld(trx, id, chosen, reason))) return { result: none, tags: [] }
    const cuts = await syncCuts(trx, id, await listPassages(trx, id))
    const passages = chosen.map(p => p + 1)
    await recordChange(trx, audit, actor, id, reason ? 'passages-withheld' : 'passages-released', {
      passages,
      ...(reason ? { reason } : {}),
      status: interview.status,
      recut: cuts.changed,
    })
    return { result: { changed: true, cuts }, tags: await tagsOf(trx, interview) }
  })
  await afterCuts(deps, outcome.cuts)
  return outcome.changed
}

/** Withholds the passages at these positions (0, 1 …) for a reason; answers whether anything changed. Allowed after publishing, and audited. */
export const withholdPassages = (
  deps: InterviewMediaDeps,
  actor: Actor,
  id: number,
  positions: readonly number[],
  reason: WithheldReason,
) => changeWithheld(deps, actor, id, positions, reason)

/** Lets readers see and hear the passages at these positions again; answers whether anything changed. */
export const releasePassages = (deps: InterviewMediaDeps, actor: Actor, id: number, positions: readonly number[]) =>
  changeWithheld(deps, actor, id, positions, null)

/** A note as posted: its kind, words and optional http(s) link. */
export interface NoteInput {
  kind: string
  body: string
  linkUrl: string
}

/** Checks a note; gives it to store, or refuses with each problem. */
export function checkNote(input: NoteInput): NoteFields {
  const problems: string[] = []
  const kind = (NOTE_KINDS as readonly string[]).includes(input.kind) ? (input.kind as NoteKind) : undefined
  if (!kind) problems.push(`Choose what the note is: ${NOTE_KINDS.join(', ')}.`)
  const body = input.body.trim()
  if (!body) problems.push('A note cannot be empty.')
  if (body.length > NOTE_LIMITS.body)
    problems.push(
      `A note is limited to ${NOTE_LIMITS.body.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}.`,
    )
  let linkUrl: string | null = null
  if (input.linkUrl.trim()) {
    const checked = checkLink(input.linkUrl.trim())
    if ('problem' in checked) problems.push(`The link: ${checked.problem}`)
    else linkUrl = checked.href
  }
  if (problems.length || !kind) throw new InvalidInput(problems[0] ?? 'The note cannot be saved.', problems)
  return { kind, body, linkUrl }
}

/** Adds a note beside the passage at `position`. */
export async function addNote(
  deps: ActionDeps,
  actor: Actor,
  id: number,
  position: number,
  input: NoteInput,
): Promise<PassageNote> {
  const note = checkNote(input)
  return runAction(deps, actor, async (trx, audit) => {
    const interview = await editableInterview(trx, actor, id, 'add notes to this interview')
    const passage = (await listPassages(trx, id))[position]
    if (!passage) throw new InvalidInput(`There is no passage ${position + 1} to note.`)
    const saved = await insertNote(trx, id, passage.id, note, actor.accountId)
    await recordChange(trx, audit, actor, id, 'note-added', { passage: position + 1, kind: note.kind })
    return { result: saved, tags: await tagsOf(trx, interview) }
  })
}

/** Replaces a note's kind, words and link; the revision history keeps what it said before. */
export async function editNote(
  deps: ActionDeps,
  actor: Actor,
  id: number,
  noteId: number,
  input: NoteInput,
): Promise<void> {
  const note = checkNote(input)
  return runAction(deps, actor, async (trx, audit) => {
    const interview = await editableInterview(trx, actor, id, 'edit notes of this interview')
    if (!(await updateNote(trx, id, noteId, note))) throw new NotFound('note', noteId)
    await recordChange(trx, audit, actor, id, 'note-edited', { note: noteId, kind: note.kind })
    return { result: undefined, tags: await tagsOf(trx, interview) }
  })
}

/** Removes a note; the revision history keeps what it said. */
export function removeNote(deps: ActionDeps, actor: Actor, id: number, noteId: number): Promise<void> {
  return runAction(deps, actor, async (trx, audit) => {
    const interview = await editableInterview(trx, actor, id, 'remove notes of this interview')
    if (!(await deleteNote(trx, id, noteId))) throw new NotFound('note', noteId)
    await recordChange(trx, audit, actor, id, 'note-removed', { note: noteId })
    return { result: undefined, tags: await tagsOf(trx, interview) }
  })
}
