// The index on SQLite: an FTS5 table of text (porter stemming over unicode61, accents folded,
// prefix indexes) beside a small table of what results show, by the same rowid.
//
// The rowid carries the kind and the publication day: kind · 2^50 + day · 2^34 + owner id. FTS5
// walks matches in rowid order, so within a kind "newest first" is the order it reads in: the
// counts and the ranking both stop after COUNT_LIMIT + 1 matches instead of visiting every match
// of a common word, "stories only" is a rowid range, and the recency factor is computed from
// the rowid without reading a row.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/index.js'
import { offsetOf } from '../platform/pagination.js'
import { toFts5NearQuery, toFts5Query, type ParsedQuery } from './query.js'
import { SEARCH_KINDS, type SearchKind } from './schema.js'
import {
  COUNT_LIMIT,
  RANKED_PER_KIND,
  MARK_END,
  MARK_START,
  RECENCY_DAYS,
  UNDATED_FACTOR,
  type CleanDocument,
  type EngineHit,
  type EngineRequest,
  type EngineResults,
} from './engine.js'

const KIND_UNIT = 2 ** 50
const DAY_UNIT = 2 ** 34
const DAY_MS = 86_400_000

/** Days since 1970 of an instant (0 for undated people and topics), kept within the rowid's 16 bits. */
function dayOf(iso: string | null): number {
  if (iso === null) return 0
  const day = Math.floor(Date.parse(iso) / DAY_MS)
  return Number.isFinite(day) ? Math.min(Math.max(day, 1), 0xffff) : 0
}

/**
 * Rowids are bound as BigInt: better-sqlite3 binds other numbers as REAL, and FTS5 then neither
 * seeks a rowid range nor looks a rowid up, but scans (milliseconds instead of microseconds).
 */
const rowid = (n: number) => BigInt(n)

function rowidOf(doc: Pick<CleanDocument, 'kind' | 'ownerId' | 'publishedAt'>): bigint {
  return rowid((SEARCH_KINDS.indexOf(doc.kind) + 1) * KIND_UNIT + dayOf(doc.publishedAt) * DAY_UNIT + doc.ownerId)
}

function kindRange(kind: SearchKind): [bigint, bigint] {
  const low = (SEARCH_KINDS.indexOf(kind) + 1) * KIND_UNIT
  return [rowid(low), rowid(low + KIND_UNIT - 1)]
}

/** A topic as a token of the (unweighted) tags column. */
const topicToken = (id: number) => `zztopic${id}`

// bm25 weights in column order: title, summary, body, tags. bm25 is negative: lower is better.
const BM25 = sql`bm25(search_text, 20.0, 5.0, 1.0, 0.0)`

export async function indexDocument(db: Db, doc: CleanDocument): Promise<void> {
  await removeDocument(db, doc.kind, doc.ownerId)
  const id = rowidOf(doc)
  await sql`insert into search_text (rowid, title, summary, body, tags)
    values (${id}, ${doc.title}, ${doc.summary}, ${doc.body}, ${doc.topicIds.map(topicToken).join(' ')})`.execute(db)
  await sql`insert into search_documents (id, kind, owner_id, url, published_at, topic_ids, image_url)
    values (${id}, ${doc.kind}, ${doc.ownerId}, ${doc.url}, ${doc.publishedAt}, ${doc.topicIds.join(',')}, ${doc.imageUrl})`.execute(
    db,
  )
}

export async function removeDocument(db: Db, kind: SearchKind, ownerId: number): Promise<void> {
  // The rowid depends on the date the document had; its row in search_documents remembers it.
  const rows = (
    await sql<{ id: number }>`select id from search_documents where kind = ${kind} and owner_id = ${ownerId}`.execute(
      db,
    )
  ).rows
  for (const { id } of rows) {
    await sql`delete from search_text where rowid = ${rowid(id)}`.execute(db)
    await sql`delete from search_documents where id = ${rowid(id)}`.execute(db)
  }
}

export async function clearIndex(db: Db): Promise<void> {
  await sql`delete from search_text`.execute(db)
  await sql`delete from search_documents`.execute(db)
}

export async function isEmpty(db: Db): Promise<boolean> {
  return (await sql`select 1 from search_documents limit 1`.execute(db)).rows.length === 0
}

type Candidate = { id: number; score: number }
type DetailRow = {
  id: number
  kind: SearchKind
  owner_id: number
  url: string
  published_at: string | null
  image_url: string | null
  title: string
  summary: string
  title_marked: string | null
  summary_marked: string | null
  body_marked: string | null
}

type Scoring = { db: Db; visible: RawBuilder<unknown>; score: RawBuilder<unknown> }

async function rowidsOf(db: Db, where: RawBuilder<unknown>, limit: number): Promise<number[]> {
  return (
    await sql<{ id: number }>`select rowid as id from search_text where ${where} limit ${limit}`.execute(db)
  ).rows.map(r => r.id)
}

/**
 * Scores a query's matches (rowids found with the exact query) by a cheaper form of it whose
 * matches include them (the NEAR form of its phrases, or its words without the common ones), over
 * the rowid range they span, keeping only them. A match the cheaper form missed (it never should)
 * keeps its place, scored last.
 */
async function scoreAs(scoring: Scoring, cheaper: string, ids: number[]): Promise<Candidate[]> {
  if (ids.length === 0) return []
  const low = Math.min(...ids)
  const high = Math.max(...ids)
  const rows = (
    await sql<Candidate>`select rowid as id, ${scoring.score} as score from search_text
      where search_text match ${cheaper} and rowid between ${rowid(low)} and ${rowid(high)} ${scoring.visible}`.execute(
      scoring.db,
    )
  ).rows
  const scores = new Map(rows.map(r => [r.id, r.score]))
  return ids.map(id => ({ id, score: scores.get(id) ?? 0 }))
}

/** How many of the newest stories a query's words are counted in, to tell the common ones. */
const SAMPLE = 1000

/**
 * How many of the newest SAMPLE stories match each of `forms`, in one statement (a search is many
 * small statements already); undefined on a site with fewer stories, where every search is cheap.
 */
async function sampleCounts(db: Db, forms: string[]): Promise<number[] | undefined> {
  const [low, high] = kindRange('story')
  const row = (
    await sql<Record<string, number>>`select ${sql.join(
      forms.map(
        (form, i) =>
          sql`(select count(*) from search_text where search_text match ${form} and rowid between edge.id and ${high}) as ${sql.id(`n${i}`)}`,
      ),
    )} from (select id from search_documents where id between ${low} and ${high}
      order by id desc limit 1 offset ${SAMPLE - 1}) as edge`.execute(db)
  ).rows[0]
  return row ? forms.map((_, i) => Number(row[`n${i}`] ?? 0)) : undefined
}

/**
 * The query's words without those in at least half the archive, for scoring. bm25 gives such a
 * word its IDF floor (1e-6), so it adds nothing beside a rarer word, yet counting it walks its
 * whole doclist (about 2 ms each at 100,000 stories). Shares are counted among the newest
 * SAMPLE stories (the archive's bulk). When every word is that common, the rarest one scores.
 * Undefined when nothing is left out.
 */
async function withoutCommonWords(db: Db, query: ParsedQuery, topic: string): Promise<string | undefined> {
  if (query.terms.length < 2) return undefined
  const terms = query.terms.map(t => toFts5Query({ terms: [t] }))
  const counts = await sampleCounts(db, terms)
  if (!counts) return undefined
  const words = terms.map((term, i) => ({ term, n: counts[i] ?? 0 }))
  const kept = words.filter(w => w.n < SAMPLE / 2)
  if (kept.length === words.length) return undefined
  const scoring = kept.length > 0 ? kept : [words.reduce((a, b) => (b.n < a.n ? b : a))]
  return scoring.map(w => w.term).join(' AND ') + topic
}

/**
 * A phrase query found at most this many times among the newest SAMPLE stories is expected to
 * have no more matches than are ranked (0.3% of an archive of 100,000 is 300), and is scored as
 * it is found, in one walk.
 */
const FEW_IN_SAMPLE = 3

export async function search(db: Db, request: EngineRequest): Promise<EngineResults> {
  const topic = request.topicId !== undefined ? ` AND "${topicToken(request.topicId)}"` : ''
  const match = toFts5Query(request.query) + topic
  // Published items dated in the future are in the index but hidden until their time: few or none.
  const embargoed = (
    await sql<{ id: number }>`select id from search_documents where published_at > ${request.now}`.execute(db)
  ).rows.map(r => r.id)
  const visible: RawBuilder<unknown> = embargoed.length
    ? sql`and rowid not in (${sql.join(embargoed.map(rowid))})`
    : sql``
  const inKind = (kind: SearchKind) =>
    sql`search_text match ${match} and rowid between ${kindRange(kind)[0]} and ${kindRange(kind)[1]} ${visible}`
  const today = Math.floor(Date.parse(request.now) / DAY_MS)
  const day = sql`((rowid / ${sql.lit(DAY_UNIT)}) % 65536)`
  const recency = sql`(case when ${day} = 0 then ${sql.lit(UNDATED_FACTOR)} else 1.0 / (1.0 + max(0, ${today} - ${day}) / ${sql.lit(RECENCY_DAYS)}.0) end)`
  const near = toFts5NearQuery(request.query) + topic
  const scoring: Scoring = { db, visible, score: sql`${BM25} * ${recency}` }

  // Per kind: the count (up to the limit, reading no positions), then its newest matches, scored.
  // A kind with no more matches than the ranked ones has them all scored in the order FTS5 keeps
  // them: walking a doclist backwards costs more than forwards, which for a rare phrase of common
  // words (every match a check of positions) is most of a search. A query whose scoring can be
  // cheaper than its match (a phrase with more matches than are ranked, common words) has its
  // matches' rowids found first, then scored by the cheaper form over the range they span.
  const counts: Partial<Record<SearchKind, number>> = {}
  const candidates: Candidate[] = []
  const phrase = near !== match
  const cheaper = phrase ? near : await withoutCommonWords(db, request.query, topic)
  // A phrase expected to be rare is scored exactly in the walk that finds it: finding its rowids
  // first walked it once more (3 ms of a rare phrase of common words' 12 at 100,000 stories).
  const rarePhrase = phrase && ((await sampleCounts(db, [match]))?.[0] ?? 0) <= FEW_IN_SAMPLE
  for (const kind of SEARCH_KINDS) {
    const scored = !request.kind || kind === request.kind
    if (!scored || cheaper === undefined) {
      const row = (
        await sql<{
          n: number
        }>`select count(*) as n from (select 1 from search_text where ${inKind(kind)} limit ${COUNT_LIMIT + 1})`.execute(
          db,
        )
      ).rows[0]
      counts[kind] = Number(row?.n ?? 0)
    }
    if (!scored || counts[kind] === 0) continue
    if (rarePhrase && counts[kind] === undefined) {
      const rows = (
        await sql<Candidate>`select rowid as id, ${scoring.score} as score from search_text
        where ${inKind(kind)} limit ${sql.lit(RANKED_PER_KIND + 1)}`.execute(db)
      ).rows
      if (rows.length <= RANKED_PER_KIND) {
        counts[kind] = rows.length
        candidates.push(...rows)
        continue
      }
    }
    const ids = counts[kind] === undefined ? await rowidsOf(db, sql`${inKind(kind)}`, COUNT_LIMIT + 1) : []
    counts[kind] ??= ids.length
    const many = counts[kind] > RANKED_PER_KIND
    if (cheaper !== undefined && (many || !phrase) && counts[kind] > 0) {
      const ranked = many ? await rowidsOf(db, sql`${inKind(kind)} order by rowid desc`, RANKED_PER_KIND) : ids
      candidates.push(...(await scoreAs(scoring, cheaper, ranked)))
      continue
    }
    if (counts[kind] === 0) continue
    const newest = many ? sql`order by rowid desc limit ${RANKED_PER_KIND}` : sql``
    const rows = (
      await sql<Candidate>`select rowid as id, ${scoring.score} as score from search_text
      where ${inKind(kind)} ${newest}`.execute(db)
    ).rows
    candidates.push(...rows)
  }
  candidates.sort((a, b) => a.score - b.score || b.id - a.id)
  const start = offsetOf(request.page, request.pageSize)
  const ids = candidates.slice(start, start + request.pageSize).map(c => c.id)
  if (ids.length === 0) return { counts, hits: [] }

  // Titles and snippets for the page's rows only.
  const details =
    await sql<DetailRow>`select search_text.rowid as id, m.kind, m.owner_id, m.url, m.published_at, m.image_url,
      search_text.title, search_text.summary,
      highlight(search_text, 0, ${MARK_START}, ${MARK_END}) as title_marked,
      snippet(search_text, 1, ${MARK_START}, ${MARK_END}, '…', 32) as summary_marked,
      snippet(search_text, 2, ${MARK_START}, ${MARK_END}, '…', 32) as body_marked
    from search_text join search_documents m on m.id = search_text.rowid
    where search_text match ${match} and search_text.rowid in (${sql.join(ids.map(rowid))})`.execute(db)
  const byId = new Map(details.rows.map(r => [Number(r.id), r]))
  const hits = ids.flatMap((id): EngineHit[] => {
    const r = byId.get(id)
    return r
      ? [
          {
            kind: r.kind,
            ownerId: Number(r.owner_id),
            url: r.url,
            publishedAt: r.published_at,
            imageUrl: r.image_url,
            title: r.title,
            summary: r.summary,
            titleMarked: r.title_marked,
            summaryMarked: r.summary_marked,
            bodyMarked: r.body_marked,
          },
        ]
      : []
  })
  return { counts, hits }
}
