// Which compression a client takes, read from Accept-Encoding with its q-values honoured
// (`br;q=0` means "never brotli"), by Fastify's own negotiator, the one @fastify/compress uses.
import { negotiate } from '@fastify/accept-negotiator'

/** The encodings we make, in the order we prefer them when the client likes both equally. */
export type ContentEncoding = 'br' | 'gzip'
const SUPPORTED: ContentEncoding[] = ['br', 'gzip']

// Browsers send a handful of distinct headers, so answers are remembered; the memo is emptied
// when it fills, so made-up headers cannot grow it without bound.
const MEMO_LIMIT = 256
const memo = new Map<string, ContentEncoding | undefined>()

/** The encoding to answer `header` with, or undefined for the body as it is. */
export function chooseEncoding(header: string | undefined): ContentEncoding | undefined {
  if (!header) return undefined
  if (memo.has(header)) return memo.get(header)
  const chosen = (negotiate(header, SUPPORTED) ?? undefined) as ContentEncoding | undefined
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(header, chosen)
  return chosen
}
