// What can be learned from a body document without rendering it: the things it refers to,
// its plain text (feed descriptions, search) and its length in words.
import { inlineText } from './render-inline.js'
import type { BlockNode, BodyDocument, BodyReferences, ListChildNode } from './schema.js'
import { keptForFrozen } from './frozen-memo.js'

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

/**
 * The body's prose as plain text: one paragraph (or heading, list item line, pull quote) per
 * blank-line-separated block. Worked out once for a shared stored body (see frozen-memo.ts).
 */
export const bodyToPlainText = keptForFrozen((doc: BodyDocument): string => {
  const paragraphs: string[] = []
  collectParagraphs(doc.content, paragraphs)
  return paragraphs.join('\n\n')
})

/** How many words a reader reads in the body: space-separated runs holding a letter or digit; once for a shared body. */
export const bodyWordCount = keptForFrozen((doc: BodyDocument): number => {
  const paragraphs: string[] = []
  collectParagraphs(doc.content, paragraphs)
  let count = 0
  for (const text of paragraphs) count += wordsIn(text)
  return count
})

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const SPACE = /\s/

/**
 * Runs of non-space (as `\S` means it) holding a letter or digit; a lone dash or bullet is
 * punctuation, not a word. One pass over the characters: every story page counts its body for
 * its JSON-LD, and matching each run with two regular expressions cost a tenth of the render.
 */
function wordsIn(text: string): number {
  let count = 0
  let inRun = false
  let counted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        inRun = false
        continue
      }
      if (!inRun) {
        inRun = true
        counted = false
      }
      if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
        counted = true
        count += 1
      }
      continue
    }
    const cp = text.codePointAt(i) ?? c
    const char = String.fromCodePoint(cp)
    if (cp > 0xffff) i += 1
    if (SPACE.test(char)) {
      inRun = false
      continue
    }
    if (!inRun) {
      inRun = true
      counted = false
    }
    if (!counted && LETTER_OR_DIGIT.test(char)) {
      counted = true
      count += 1
    }
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
