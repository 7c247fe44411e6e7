// The body part's only door: body documents (the JSON bodies of stories and static pages),
// how to validate them, what they refer to, and how they render.
export type {
  BlockNode,
  BlockquoteNode,
  BodyDocument,
  BodyReferences,
  BoldMark,
  BulletListNode,
  DocumentaryCardNode,
  ExcerptNode,
  HardBreakNode,
  InterviewExcerptNode,
  QuoteSource,
  HeadingNode,
  ImageNode,
  InlineNode,
  ItalicMark,
  LinkMark,
  ListChildNode,
  ListItemNode,
  Mark,
  OrderedListNode,
  ParagraphNode,
  PullQuoteNode,
  HorizontalRuleNode,
  TextNode,
} from './schema.js'
export { BODY_LIMITS } from './schema.js'
export type {
  BodyRenderContext,
  RenderDocumentaryCard,
  RenderExcerpt,
  RenderImage,
  RenderInterview,
  RenderInterviewVideo,
  RenderPassage,
} from './render-context.js'
export type { BodyValidation } from './validate.js'
export { emptyBody, parseBody, readStoredBody, validateBody } from './validate.js'
export { sharedStoredBody } from './shared-body.js'
export { bodyReferences, bodyToPlainText, bodyWordCount } from './text.js'
export {
  referringBlocks,
  referencedIds,
  missingReferenceProblems,
  type ReferringBlock,
  type ReferenceKind,
  type MissingIds,
} from './references.js'
export {
  interviewReferences,
  interviewReferenceProblems,
  type InterviewFacts,
  type InterviewReference,
} from './references-interview.js'
export { renderBody } from './render.js'
export { formatTimecode } from './timecode.js'
export { escapeHtml } from './escape.js'
