// What can be learned from a body document without rendering it: the things it refers to,
// its plain text (feed descriptions, search) and its length in words.
import { inlineText } from './render-inline.js'
import type { BlockNode, BodyDocument, BodyReferences, ListChildNode } from './schema.js'

type AnyBlock = BlockNode | ListChildNode

/** The ids a body refers to, deduplicated in document order, so a page loads them in a fixed number of queries. */
export function bodyReferences(doc: BodyDocument): BodyReferences {
  const images = new Set<number>()
  const excerpts = new Set<number>()
  const documentaries = new Set<number>()
  const interviews = new Set<number>()
  // Only top-level blocks can refer to things: lists and blockquotes hold prose alone.
  for (const node of doc.content) {
    if (node.type === 'image') images.add(node.attrs.imageId)
    else if (node.type === 'excerpt') excerpts.add(node.attrs.excerptId)
    else if (node.type === 'documentaryCard') documentaries.add(node.attrs.documentaryId)
    else if (node.type === 'interviewExcerpt') interviews.add(node.attrs.interviewId)
    else if ((node.type === 'pullQuote' || node.type === 'blockquote') && node.attrs?.source)
      interviews.add(node.attrs.source.interviewId)
  }
  return {
    imageIds: [...images],
    excerptIds: [...excerpts],
    documentaryIds: [...documentaries],
    interviewIds: [...interviews],
  }
}

/** The body's prose as plain text: one paragraph (or heading, list item line, pull quote) per blank-line-separated block. */
export function bodyToPlainText(doc: BodyDocument): string {
  const paragraphs: string[] = []
  collectParagraphs(doc.content, paragraphs)
  return paragraphs.join('\n\n')
}

/** How many words a reader reads in the body: space-separated runs holding a letter or digit. */
export function bodyWordCount(doc: BodyDocument): number {
  let count = 0
  for (const match of bodyToPlainText(doc).matchAll(/\S+/g)) {
    // A lone dash or bullet is punctuation, not a word.
    if (/[\p{L}\p{N}]/u.test(match[0])) count += 1
  }
  return count
}

function collectParagraphs(nodes: readonly AnyBlock[], out: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'pullQuote': {
        const text = inlineText(node.content).trim()
        if (text !== '') out.push(text)
        break
      }
      case 'bulletList':
      case 'orderedList':
        for (const item of node.content) collectParagraphs(item.content, out)
        break
      case 'blockquote':
        collectParagraphs(node.content, out)
        break
      // Images, excerpts (of films and interviews), cards and rules carry no prose of the body's own.
      default:
        break
    }
  }
}
