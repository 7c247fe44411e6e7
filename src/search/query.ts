// Turns what a reader typed into a search we control. Nothing of the input reaches the engine's
// query syntax: words are cut out of it (letters and digits only), so FTS5 operators (NEAR, :,
// ^, -, parentheses), tsquery operators, SQL and emoji are separators, never syntax.

/** One thing every result must contain: a word, or a phrase of words in order. */
export interface SearchTerm {
  words: string[]
  /** The last word may be the start of a longer one ("investig*", or the word being typed). */
  prefix: boolean
}

/** A parsed query: empty when the input held no words. */
export interface ParsedQuery {
  terms: SearchTerm[]
}

/** Limits that keep any input cheap: longer input is cut, not refused. */
export const QUERY_LIMITS = { inputChars: 200, terms: 12, words: 24, wordChars: 64, prefixMinChars: 2 } as const

const WORD = /[\p{L}\p{N}]+/gu

/** Lower case without accents: "Café" and "cafe" are the same word to search. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
}

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map(w => w.slice(0, QUERY_LIMITS.wordChars))
}

/**
 * Parses reader input: plain words (all must match), "quoted phrases", `word*` prefixes, and,
 * with `prefixLast`, the last word as a prefix while it is still being typed. An unbalanced
 * quote is treated as if it were not there.
 */
export function parseSearchQuery(input: string, options: { prefixLast?: boolean | undefined } = {}): ParsedQuery {
  const text = foldText(input.slice(0, QUERY_LIMITS.inputChars * 2)).slice(0, QUERY_LIMITS.inputChars)
  const pieces = text.split('"')
  // With an odd number of quotes the last opening one is unmatched: its text counts as plain words.
  const balanced = pieces.length % 2 === 1
  const terms: SearchTerm[] = []
  let wordCount = 0
  const push = (words: string[], prefix: boolean) => {
    if (words.length === 0 || terms.length >= QUERY_LIMITS.terms) return
    const room = QUERY_LIMITS.words - wordCount
    if (room <= 0) return
    const kept = words.slice(0, room)
    wordCount += kept.length
    terms.push({
      words: kept,
      prefix: prefix && kept.length === words.length && (kept.at(-1)?.length ?? 0) >= QUERY_LIMITS.prefixMinChars,
    })
  }
  for (const [i, piece] of pieces.entries()) {
    const quoted = i % 2 === 1 && (balanced || i < pieces.length - 1)
    if (quoted) {
      push(wordsOf(piece), false)
      continue
    }
    // Outside quotes every word is a term of its own ("title:aquifer" is two words, not syntax);
    // a chunk ending in * makes its last word a prefix.
    for (const chunk of piece.split(/\s+/)) {
      const words = wordsOf(chunk)
      for (const [j, word] of words.entries()) push([word], j === words.length - 1 && chunk.endsWith('*'))
    }
  }
  const last = terms.at(-1)
  const stillTyping = options.prefixLast && /[\p{L}\p{N}]$/u.test(text)
  if (last && stillTyping && last.words.length === 1 && (last.words[0]?.length ?? 0) >= QUERY_LIMITS.prefixMinChars)
    last.prefix = true
  return { terms }
}

/** The query as FTS5 syntax: every word inside double quotes, which words can never contain. */
export function toFts5Query(query: ParsedQuery): string {
  return query.terms.map(t => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ')
}

/**
 * The query as FTS5 syntax for scoring on SQLite: each phrase as a NEAR group of its words, which
 * matches them side by side in any order (a superset of the phrase's rows, so the exact query
 * still decides what matches). bm25 then counts each word's documents for its IDF instead of
 * every match of the phrase in the whole table, which for a phrase of two common words cost
 * about four times as much; within one group every word is counted at the same places, so the
 * phrase's matches are ordered as they would be.
 */
export function toFts5NearQuery(query: ParsedQuery): string {
  return query.terms
    .map(t => {
      if (t.words.length === 1) return `"${t.words[0]}"${t.prefix ? '*' : ''}`
      const words = t.words.map((w, i) => `"${w}"${t.prefix && i === t.words.length - 1 ? '*' : ''}`)
      // NEAR's distance is the tokens between the first word and the last: a phrase of n words has n - 2.
      return `NEAR(${words.join(' ')}, ${t.words.length - 2})`
    })
    .join(' AND ')
}

/** The query as to_tsquery syntax: phrases joined by <->, prefixes marked :*, terms by &. */
export function toTsQuery(query: ParsedQuery): string {
  return query.terms
    .map(t => {
      const words = t.words.map((w, i) => (t.prefix && i === t.words.length - 1 ? `${w}:*` : w))
      return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]
    })
    .join(' & ')
}

/** The words of a query, for telling the reader what was searched. */
export function describeQuery(query: ParsedQuery): string {
  return query.terms
    .map(t => (t.words.length > 1 ? `"${t.words.join(' ')}"` : (t.words[0] ?? '')) + (t.prefix ? '…' : ''))
    .join(' ')
}
