// What changed between two revisions of a story, field by field, for people to read: text
// fields and the body word by word (the body first block by block), the rest as before/after.
// Pure: no queries, no markup.
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
  | { field: 'section' | 'heroImageId'; label: string; kind: 'value'; before: string | number | null; after: string | number | null }
  | { field: 'authorIds' | 'topicIds' | 'documentaryIds'; label: string; kind: 'list'; before: number[]; after: number[]; added: number[]; removed: number[] }

const LABELS = {
  title: 'Headline', slug: 'Address', dek: 'Dek', section: 'Section', body: 'Body', heroImageId: 'Hero image',
  authorIds: 'Byline', topicIds: 'Topics', documentaryIds: 'Related documentaries',
} as const

/** Beyond this many edits within one text, it is shown as wholly removed and wholly added. */
const MAX_EDITS = 500
/** How many later blocks of a changed stretch are tried as the new version of an earlier one. */
const PAIRING_WINDOW = 8

/** Every field that differs between two revisions, in the order the editor shows them. */
export function diffRevisions(before: RevisionLike, after: RevisionLike): FieldDiff[] {
  const diffs: FieldDiff[] = []
  for (const field of ['title', 'slug', 'dek'] as const) {
    if (before[field] !== after[field]) diffs.push({ field, label: LABELS[field], kind: 'text', segments: diffWords(before[field], after[field]) })
  }
  for (const field of ['section', 'heroImageId'] as const) {
    if (before[field] !== after[field]) diffs.push({ field, label: LABELS[field], kind: 'value', before: before[field], after: after[field] })
  }
  for (const field of ['authorIds', 'topicIds', 'documentaryIds'] as const) {
    const [was, now] = [before[field], after[field]]
    if (was.length === now.length && was.every((id, i) => id === now[i])) continue
    diffs.push({ field, label: LABELS[field], kind: 'list', before: was, after: now, added: now.filter((id) => !was.includes(id)), removed: was.filter((id) => !now.includes(id)) })
  }
  const blocks = diffBlocks(before.body, after.body)
  if (blocks.some((b) => b.kind !== 'same')) diffs.push({ field: 'body', label: LABELS.body, kind: 'body', blocks })
  return diffs
}

/** Two texts compared word by word; whitespace between two changes joins them. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokenize(before)
  const b = tokenize(after)
  const ops = diffSequences(a, b)
  if (ops) return tidy(ops)
  const whole: DiffSegment[] = [{ kind: 'removed', text: before }, { kind: 'added', text: after }]
  return whole.filter((segment) => segment.text !== '')
}

/** Words (with inner apostrophes), runs of whitespace, and single marks of punctuation. */
function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu) ?? []
}

/**
 * Myers' diff of two token lists: O((N+M)·D) time for D edits, after trimming what both share at
 * the ends. Undefined when there are more than MAX_EDITS edits, so huge rewrites stay fast.
 */
function diffSequences(a: readonly string[], b: readonly string[]): DiffSegment[] | undefined {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA -= 1; endB -= 1 }
  const middle = myers(a.slice(start, endA), b.slice(start, endB))
  if (!middle) return undefined
  const same = (tokens: readonly string[]) => tokens.map((text) => ({ kind: 'same' as const, text }))
  return [...same(a.slice(0, start)), ...middle, ...same(a.slice(endA))]
}

/** The shortest edit script between two token lists, or undefined past MAX_EDITS edits. */
function myers(a: readonly string[], b: readonly string[]): DiffSegment[] | undefined {
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0) return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))]
  // Tokens as numbers: the inner loop compares integers rather than strings.
  const ids = new Map<string, number>()
  const intern = (tokens: readonly string[]) => Int32Array.from(tokens, (t) => { let id = ids.get(t); if (id === undefined) { id = ids.size; ids.set(t, id) } return id })
  const ia = intern(a)
  const ib = intern(b)
  // Every token one side has more often than the other costs an edit: too many, and no path can fit.
  const surplus = new Int32Array(ids.size)
  for (const id of ia) surplus[id] = (surplus[id] ?? 0) + 1
  for (const id of ib) surplus[id] = (surplus[id] ?? 0) - 1
  if (surplus.reduce((sum, count) => sum + Math.abs(count), 0) > MAX_EDITS) return undefined
  const limit = Math.min(n + m, MAX_EDITS)
  const offset = limit + 1
  const v = new Int32Array(2 * limit + 3)
  // The furthest x on each diagonal after each number of edits, kept to walk the path back.
  const trace: Int32Array[] = []
  for (let d = 0; d <= limit; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && ia[x] === ib[y]) { x += 1; y += 1 }
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(a, b, trace, d)
    }
  }
  return undefined
}

/** Walks the recorded frontiers back from the end, emitting the edit script in order. */
function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], edits: number): DiffSegment[] {
  const out: DiffSegment[] = []
  let x = a.length
  let y = b.length
  for (let d = edits; d > 0; d -= 1) {
    // trace[d] holds diagonals -d-1 .. d+1 of the frontier before step d.
    const frontier = trace[d] as Int32Array
    const at = (k: number) => frontier[k + d + 1] ?? 0
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) { x -= 1; y -= 1; out.push({ kind: 'same', text: a[x] as string }) }
    if (down) { y -= 1; out.push({ kind: 'added', text: b[y] as string }) } else { x -= 1; out.push({ kind: 'removed', text: a[x] as string }) }
  }
  while (x > 0 && y > 0) { x -= 1; y -= 1; out.push({ kind: 'same', text: a[x] as string }) }
  return out.reverse()
}

/**
 * Makes an edit script readable: whitespace alone between two changes joins them, and each run of
 * changes becomes one removed text followed by one added text.
 */
function tidy(ops: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed })
    if (added) out.push({ kind: 'added', text: added })
    removed = ''
    added = ''
  }
  ops.forEach((op, i) => {
    const bridging = op.kind === 'same' && /^\s+$/.test(op.text) && (removed || added) && ops[i + 1] !== undefined && ops[i + 1]?.kind !== 'same'
    if (op.kind === 'removed' || bridging) removed += op.text
    if (op.kind === 'added' || bridging) added += op.text
    if (op.kind !== 'same' || bridging) return
    flush()
    const last = out[out.length - 1]
    if (last?.kind === 'same') last.text += op.text
    else out.push({ kind: 'same', text: op.text })
  })
  flush()
  return out
}

/** What a reader of the diff sees for a block: its prose, or a short note for embeds. */
function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'image': return `[Image ${block.attrs.imageId}${block.attrs.caption ? `: ${block.attrs.caption}` : ''}]`
    case 'excerpt': return `[Excerpt ${block.attrs.excerptId}]`
    case 'documentaryCard': return `[Documentary card ${block.attrs.documentaryId}]`
    case 'horizontalRule': return '[Section break]'
    default: return bodyToPlainText({ type: 'doc', content: [block] })
  }
}

/** The body compared block by block on plain text, then word by word within changed blocks. */
function diffBlocks(before: BodyDocument, after: BodyDocument): BlockDiff[] {
  const a = before.content.map(blockText).filter((text) => text !== '')
  const b = after.content.map(blockText).filter((text) => text !== '')
  const ops = diffSequences(a, b) ?? [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))]
  const out: BlockDiff[] = []
  let removed: string[] = []
  let added: string[] = []
  const flush = () => {
    out.push(...pairChangedBlocks(removed, added))
    removed = []
    added = []
  }
  for (const op of ops) {
    if (op.kind === 'removed') removed.push(op.text)
    else if (op.kind === 'added') added.push(op.text)
    else { flush(); out.push({ kind: 'same', segments: [{ kind: 'same', text: op.text }] }) }
  }
  flush()
  return out
}

/**
 * Within a stretch where blocks were removed and added, treats a removed block and a similar
 * added one as one block changed, keeping document order; the others are removed or added whole.
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
    if (match < 0) { out.push({ kind: 'removed', segments: [{ kind: 'removed', text }] }); continue }
    for (; next < match; next += 1) out.push({ kind: 'added', segments: [{ kind: 'added', text: added[next] as string }] })
    out.push({ kind: 'changed', segments: diffWords(text, added[match] as string) })
    next = match + 1
  }
  for (; next < added.length; next += 1) out.push({ kind: 'added', segments: [{ kind: 'added', text: added[next] as string }] })
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
