// The things a body document refers to, block by block, and the problems a person is shown when
// some of them do not exist. Whether they exist is asked of the owners' stores by the caller
// (it needs the database); this file only collects the ids and words the messages.
import type { BodyDocument } from './schema.js'

/** What a block can refer to, as messages name it. */
export type ReferenceKind = 'image' | 'excerpt' | 'documentary'

/** One block that refers to something stored: its 1-based position among the top-level blocks. */
export interface ReferringBlock {
  block: number
  kind: ReferenceKind
  id: number
}

/** The ids of one kind found missing by the stores. */
export type MissingIds = Record<ReferenceKind, ReadonlySet<number>>

const BLOCK_NAMES: Record<ReferenceKind, string> = {
  image: 'image',
  excerpt: 'video excerpt',
  documentary: 'documentary card',
}

/** Every block that refers to an image, excerpt or documentary, in document order. */
export function referringBlocks(doc: BodyDocument): ReferringBlock[] {
  const found: ReferringBlock[] = []
  // Only top-level blocks can refer to things: lists and blockquotes hold prose alone.
  doc.content.forEach((node, index) => {
    const block = index + 1
    if (node.type === 'image') found.push({ block, kind: 'image', id: node.attrs.imageId })
    else if (node.type === 'excerpt') found.push({ block, kind: 'excerpt', id: node.attrs.excerptId })
    else if (node.type === 'documentaryCard') found.push({ block, kind: 'documentary', id: node.attrs.documentaryId })
  })
  return found
}

/** The distinct ids of each kind the blocks refer to: what to ask the stores about. */
export function referencedIds(blocks: readonly ReferringBlock[]): Record<ReferenceKind, number[]> {
  const ids = (kind: ReferenceKind) => [...new Set(blocks.filter(b => b.kind === kind).map(b => b.id))]
  return { image: ids('image'), excerpt: ids('excerpt'), documentary: ids('documentary') }
}

/** One sentence per block whose reference is missing: "Block 3 (video excerpt) refers to excerpt 999, which does not exist." */
export function missingReferenceProblems(blocks: readonly ReferringBlock[], missing: MissingIds): string[] {
  return blocks
    .filter(b => missing[b.kind].has(b.id))
    .map(b => `Block ${b.block} (${BLOCK_NAMES[b.kind]}) refers to ${b.kind} ${b.id}, which does not exist.`)
}
