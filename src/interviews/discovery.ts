// How readers and machines find interviews: the passage a search result opens at, and the
// published interviews feeds and the sitemap list. Reads only; the search source is search.ts.
import type { Db } from '../db/index.js'
import { foldText, parseSearchQuery, type ParsedQuery } from '../search/index.js'
import { interviewUrl, passageUrl } from './urls.js'

/** A published interview as feeds and the sitemap list it. */
export interface PublishedInterview {
  id: number
  slug: string
  title: string
  summary: string
  personId: number
  personRole: string
  publishedAt: string
  updatedAt: string
}

/** The newest published interviews, newest publication first. */
export async function latestInterviews(db: Db, limit: number): Promise<PublishedInterview[]> {
  const rows = await db
    .selectFrom('interviews')
    .select(['id', 'slug', 'title', 'summary', 'person_id', 'person_role', 'published_at', 'updated_at'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(r => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    personId: r.person_id,
    personRole: r.person_role,
    publishedAt: r.published_at ?? r.updated_at,
    updatedAt: r.updated_at,
  }))
}

/** Every published interview's slug and last change, for the sitemap. */
export async function listPublishedInterviewSlugs(db: Db): Promise<Array<{ slug: string; updatedAt: string }>> {
  const rows = await db
    .selectFrom('interviews')
    .select(['slug', 'updated_at'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .orderBy('id')
    .execute()
  return rows.map(r => ({ slug: r.slug, updatedAt: r.updated_at }))
}

const WORD = /[\p{L}\p{N}]+/gu

// Endings taken off before words are compared, longest first: a light stand-in for the
// engines' stemmers, so "investigated" in a query finds "investigating" in a passage.
const ENDINGS = [
  'ational',
  'ations',
  'ation',
  'ators',
  'ator',
  'ating',
  'ated',
  'ates',
  'ings',
  'ing',
  'ness',
  'ments',
  'ment',
  'ies',
  'ied',
  'ers',
  'er',
  'es',
  'ed',
  'ly',
  'ate',
  's',
  'e',
  'y',
]

function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length)
  }
  return word
}

function wordMatches(queryWord: string, passageWord: string, prefix: boolean): boolean {
  if (prefix) return passageWord.startsWith(queryWord) || passageWord.startsWith(stem(queryWord))
  return passageWord === queryWord || stem(passageWord) === stem(queryWord)
}

/** How many of the query's terms (words, phrases in order, prefixes) the words of one passage hold. */
function termsMatched(query: ParsedQuery, words: readonly string[]): number {
  let matched = 0
  for (const term of query.terms) {
    const last = term.words.length - 1
    const found = words.some((_, at) =>
      term.words.every((w, i) => {
        const word = words[at + i]
        return word !== undefined && wordMatches(w, word, term.prefix && i === last)
      }),
    )
    if (found) matched++
  }
  return matched
}

/**
 * The first passage readers may see that holds every term of the query, else the first that
 * holds the most of them; undefined when none holds any (the interview matched on its title or
 * summary). Withheld passages are never answered: their words are not the reader's to find.
 */
export async function firstMatchingPassage(
  db: Db,
  interviewId: number,
  query: string | ParsedQuery,
): Promise<{ position: number; startSeconds: number } | undefined> {
  const parsed = typeof query === 'string' ? parseSearchQuery(query) : query
  if (parsed.terms.length === 0) return undefined
  const passages = await db
    .selectFrom('interview_passages')
    .select(['position', 'start_ms', 'text'])
    .where('interview_id', '=', interviewId)
    .where('withheld_reason', 'is', null)
    .orderBy('position')
    .execute()
  let best: { position: number; startSeconds: number; matched: number } | undefined
  for (const p of passages) {
    const matched = termsMatched(parsed, foldText(p.text).match(WORD) ?? [])
    if (matched === 0 || (best && matched <= best.matched)) continue
    best = { position: p.position, startSeconds: Number(p.start_ms) / 1000, matched }
    if (matched === parsed.terms.length) break
  }
  return best && { position: best.position, startSeconds: best.startSeconds }
}

/**
 * Where a search result for an interview opens: its page at the passage that matched (`#p-N`),
 * or the page itself when no passage did. The search part is handed this (it cannot import us).
 */
export async function interviewSearchHitUrl(
  db: Db,
  interviewId: number,
  query: ParsedQuery,
): Promise<string | undefined> {
  const row = await db.selectFrom('interviews').select('slug').where('id', '=', interviewId).executeTakeFirst()
  if (!row) return undefined
  const passage = await firstMatchingPassage(db, interviewId, query)
  return passage ? passageUrl(row.slug, passage.position) : interviewUrl(row.slug)
}
