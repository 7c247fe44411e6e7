// What changed between two revisions of a story, field by field, for people to read: text
// fields and the body word by word (the body first block by block), the rest as before/after.
// Pure: no queries, no markup. The edit scripts come from jsdiff (`diffArrays`); what a person reads
// (the tokens, how changes are joined, which blocks count as one block changed) is decided here.
import { diffArrays } from 'diff'
import { bodyToPlainText, type BlockNode, type BodyDocument } from '../body/index.js'
import type { StorySection } from './schema.js'

/** The fields of a revision the diff compares. */
export interface RevisionLike {
  title: string
  slug: string
  dek: string
  section: StorySection
  body: BodyDocument
  heroImageId: number | null
  authorIds: number[]
  topicIds: number[]
  documentaryIds: number[]
}

/** A run of text that both sides share, or that only the later (added) or earlier (removed) has. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** One block of the body: unchanged, new, gone, or changed (with its words compared). */
export interface BlockDiff {
  kind: 'same' | 'added' | 'removed' | 'changed'
  segments: DiffSegment[]
}

/** A changed field, described for people. */
export type FieldDiff =
  | { field: 'title' | 'slug' | 'dek'; label: string; kind: 'text'; segments: DiffSegment[] }
  | { field: 'body'; label: string; kind: 'body'; blocks: BlockDiff[] }
  | {
      field: 'section' | 'heroImageId'
      label: string
      kind: 'value'
      before: string | number | null
      after: string | number | null
    }
  | {
      field: 'authorIds' | 'topicIds' | 'documentaryIds'
      label: string
      kind: 'list'
      before: number[]
      after: number[]
      added: number[]
      removed: number[]
    }

const LABELS = {
  title: 'Headline',
  slug: 'Address',
  dek: 'Dek',
  section: 'Section',
  body: 'Body',
  heroImageId: 'Hero image',
  authorIds: 'Byline',
  topicIds: 'Topics',
  documentaryIds: 'Related documentaries',
} as const

/** Beyond this many edits within one text, it is shown as wholly removed and wholly added. */
const MAX_EDITS = 500
/** How many later blocks of a changed stretch are tried as the new version of an earlier one. */
const PAIRING_WINDOW = 8

/** Every field that differs between two revisions, in the order the editor shows them. */
export function diffRevisions(before: RevisionLike, after: RevisionLike): FieldDiff[] {
  const diffs: FieldDiff[] = []
  for (const field of ['title', 'slug', 'dek'] as const) {
    if (before[field] !== after[field])
      diffs.push({ field, label: LABELS[field], kind: 'text', segments: diffWords(before[field], after[field]) })
  }
  for (const field of ['section', 'heroImageId'] as const) {
    if (before[field] !== after[field])
      diffs.push({ field, label: LABELS[field], kind: 'value', before: before[field], after: after[field] })
  }
  for (const field of ['authorIds', 'topicIds', 'documentaryIds'] as const) {
    const [was, now] = [before[field], after[field]]
    if (was.length === now.length && was.every((id, i) => id === now[i])) continue
    diffs.push({
      field,
      label: LABELS[field],
      kind: 'list',
      before: was,
      after: now,
      added: now.filter(id => !was.includes(id)),
      removed: was.filter(id => !now.includes(id)),
    })
  }
  const blocks = diffBlocks(before.body, after.body)
  if (blocks.some(b => b.kind !== 'same')) diffs.push({ field: 'body', label: LABELS.body, kind: 'body', blocks })
  return diffs
}

/** Two texts compared word by word; whitespace between two changes joins them. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const changes = diffTokens(tokenize(before), tokenize(after))
  if (changes) return tidy(changes)
  const whole: DiffSegment[] = [
    { kind: 'removed', text: before },
    { kind: 'added', text: after },
  ]
  return whole.filter(segment => segment.text !== '')
}

/**
 * Words (with inner apostrophes), runs of whitespace, and single marks of punctuation. Ours rather
 * than jsdiff's `diffWords`: its tokens are Latin-only words (a Cyrillic word splits at every
 * non-Latin letter), and it compares words ignoring the whitespace around them, so the unchanged
 * runs it returns come from the later text alone and the earlier text can't be rebuilt from them.
 */
function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu) ?? []
}

/** A run of tokens that both sides share, or that only one side has. */
interface TokenRun {
  kind: DiffSegment['kind']
  tokens: string[]
}

/**
 * The shortest edit script between two lists (a text's tokens, or a body's blocks), by jsdiff's
 * Myers diff; undefined past MAX_EDITS edits, so a wholly rewritten text stays fast and is shown
 * as removed and added whole.
 */
function diffTokens(a: string[], b: string[]): TokenRun[] | undefined {
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDITS })
  return changes?.map(change => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    tokens: change.value,
  }))
}

/**
 * Makes an edit script readable: whitespace alone between two changes joins them, and each run of
 * changes becomes one removed text followed by one added text.
 */
function tidy(runs: readonly TokenRun[]): DiffSegment[] {
  const out: DiffSegment[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed })
    if (added) out.push({ kind: 'added', text: added })
    removed = ''
    added = ''
  }
  runs.forEach((run, i) => {
    const text = run.tokens.join('')
    const bridging =
      run.kind === 'same' &&
      /^\s+$/.test(text) &&
      (removed || added) &&
      runs[i + 1] !== undefined &&
      runs[i + 1]?.kind !== 'same'
    if (run.kind === 'removed' || bridging) removed += text
    if (run.kind === 'added' || bridging) added += text
    if (run.kind !== 'same' || bridging) return
    flush()
    out.push({ kind: 'same', text })
  })
  flush()
  return out
}

/** What a reader of the diff sees for a block: its prose, or a short note for embeds. */
function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'image':
      return `[Image ${block.attrs.imageId}${block.attrs.caption ? `: ${block.attrs.caption}` : ''}]`
    case 'excerpt':
      return `[Excerpt ${block.attrs.excerptId}]`
    case 'documentaryCard':
      return `[Documentary card ${block.attrs.documentaryId}]`
    case 'horizontalRule':
      return '[Section break]'
    default:
      return bodyToPlainText({ type: 'doc', content: [block] })
  }
}

/** The body compared block by block on plain text, then word by word within changed blocks. */
function diffBlocks(before: BodyDocument, after: BodyDocument): BlockDiff[] {
  const a = before.content.map(blockText).filter(text => text !== '')
  const b = after.content.map(blockText).filter(text => text !== '')
  const runs = diffTokens(a, b) ?? [
    { kind: 'removed', tokens: a },
    { kind: 'added', tokens: b },
  ]
  const out: BlockDiff[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = () => {
    out.push(...pairChangedBlocks(removed, added))
    removed = []
    added = []
  }
  for (const run of runs) {
    if (run.kind === 'removed') removed.push(...run.tokens)
    else if (run.kind === 'added') added.push(...run.tokens)
    else {
      flush()
      out.push(...run.tokens.map((text): BlockDiff => ({ kind: 'same', segments: [{ kind: 'same', text }] })))
    }
  }
  flush()
  return out
}

/**
 * Within a stretch where blocks were removed and added, treats a removed block and a similar
 * added one as one block changed, keeping document order; the others are removed or added whole.
 * This stays ours: jsdiff only knows blocks as equal or not, so an edited paragraph would read as
 * a paragraph removed and another added, with no words to compare within it.
 */
function pairChangedBlocks(removed: readonly string[], added: readonly string[]): BlockDiff[] {
  const out: BlockDiff[] = []
  const addedWords = added.map(wordSet)
  let next = 0
  for (const text of removed) {
    const words = wordSet(text)
    let match = -1
    for (let j = next; j < Math.min(added.length, next + PAIRING_WINDOW) && match < 0; j += 1) {
      if (similarity(words, addedWords[j] as Set<string>) >= 0.5) match = j
    }
    if (match < 0) {
      out.push({ kind: 'removed', segments: [{ kind: 'removed', text }] })
      continue
    }
    for (; next < match; next += 1)
      out.push({ kind: 'added', segments: [{ kind: 'added', text: added[next] as string }] })
    out.push({ kind: 'changed', segments: diffWords(text, added[match] as string) })
    next = match + 1
  }
  for (; next < added.length; next += 1)
    out.push({ kind: 'added', segments: [{ kind: 'added', text: added[next] as string }] })
  return out
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
}

/** Dice coefficient of two word sets: 1 for the same words, 0 for none in common. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const word of a) if (b.has(word)) shared += 1
  return (2 * shared) / (a.size + b.size)
}
