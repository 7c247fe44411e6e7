// The shape of a body document: typed nodes, ProseMirror-style. Every document the rest of the
// platform sees has been through validateBody, so these types can be trusted as written.

/** Bold text. */
export interface BoldMark {
  type: 'bold'
}
/** Italic text. */
export interface ItalicMark {
  type: 'italic'
}
/** A link; `href` is http(s), mailto, a path on this site or a #fragment. */
export interface LinkMark {
  type: 'link'
  attrs: { href: string; title?: string }
}
/** Formatting carried by a text node. */
export type Mark = BoldMark | ItalicMark | LinkMark

/** A run of text with its marks, at most one of each type. */
export interface TextNode {
  type: 'text'
  text: string
  marks?: Mark[]
}
/** A line break inside a paragraph. */
export interface HardBreakNode {
  type: 'hardBreak'
}
/** What sits inside paragraphs, headings and pull quotes. */
export type InlineNode = TextNode | HardBreakNode

/** A paragraph of prose. */
export interface ParagraphNode {
  type: 'paragraph'
  content?: InlineNode[]
}
/** A section heading; level 1 belongs to the page title, so bodies start at 2. */
export interface HeadingNode {
  type: 'heading'
  attrs: { level: 2 | 3 | 4 }
  content?: InlineNode[]
}
/** A bulleted list. */
export interface BulletListNode {
  type: 'bulletList'
  content: ListItemNode[]
}
/** A numbered list, optionally starting somewhere other than 1. */
export interface OrderedListNode {
  type: 'orderedList'
  attrs?: { start?: number }
  content: ListItemNode[]
}
/** What a list item or blockquote may hold. */
export type ListChildNode = ParagraphNode | BulletListNode | OrderedListNode
/** One entry of a list; only ever found directly inside a list. */
export interface ListItemNode {
  type: 'listItem'
  content: ListChildNode[]
}
/** The moment of an interview a quote comes from; its attribution links there. */
export interface QuoteSource {
  interviewId: number
  startSeconds: number
}
/** A quoted passage, optionally naming the interview moment it comes from. */
export interface BlockquoteNode {
  type: 'blockquote'
  attrs?: { source: QuoteSource }
  content: ListChildNode[]
}
/** A pull quote: a line lifted out and set large, with an optional attribution and interview moment. */
export interface PullQuoteNode {
  type: 'pullQuote'
  attrs: { attribution?: string; source?: QuoteSource }
  content: InlineNode[]
}
/** A stored image by id; alt, caption and credit here override the stored image's. */
export interface ImageNode {
  type: 'image'
  attrs: { imageId: number; alt?: string; caption?: string; credit?: string }
}
/** An excerpt of a documentary, by reference. */
export interface ExcerptNode {
  type: 'excerpt'
  attrs: { excerptId: number }
}
/**
 * A span of an interview's video, by reference: it plays only startSeconds..endSeconds. Times
 * are seconds to the millisecond, taken from the transcript's passages, never typed.
 */
export interface InterviewExcerptNode {
  type: 'interviewExcerpt'
  attrs: { interviewId: number; startSeconds: number; endSeconds: number }
}
/** A documentary card pointing readers at a documentary's page. */
export interface DocumentaryCardNode {
  type: 'documentaryCard'
  attrs: { documentaryId: number }
}
/** A thematic break. */
export interface HorizontalRuleNode {
  type: 'horizontalRule'
}

/** A node that may sit directly in the document. */
export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BulletListNode
  | OrderedListNode
  | BlockquoteNode
  | PullQuoteNode
  | ImageNode
  | ExcerptNode
  | InterviewExcerptNode
  | DocumentaryCardNode
  | HorizontalRuleNode

/** Every block type the document itself may hold, for checks that need them as data. */
export const BLOCK_TYPES: readonly BlockNode['type'][] = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'blockquote',
  'pullQuote',
  'image',
  'excerpt',
  'interviewExcerpt',
  'documentaryCard',
  'horizontalRule',
]

/** The body of a story or static page. */
export interface BodyDocument {
  type: 'doc'
  content: BlockNode[]
}

/** Everything a body refers to by id, deduplicated, in document order. */
export interface BodyReferences {
  imageIds: number[]
  excerptIds: number[]
  documentaryIds: number[]
  interviewIds: number[]
}

/** Limits on one body document; the editor, the renderer and the feeds rely on them. */
export const BODY_LIMITS = {
  /** Serialized size of the whole document, in UTF-8 bytes. */
  bytes: 200_000,
  /** Levels of nodes inside nodes, counting the document's own children as level 1. */
  depth: 12,
  nodes: 5_000,
  /** All text nodes together, in characters. */
  textChars: 150_000,
  textNodeChars: 20_000,
  hrefChars: 2_000,
  linkTitleChars: 500,
  altChars: 500,
  captionChars: 1_000,
  creditChars: 200,
  attributionChars: 200,
  /** The latest moment an interview time may name (24 hours), in seconds. */
  interviewSeconds: 86_400,
  /** Problems reported before validation gives up. */
  errors: 20,
} as const
