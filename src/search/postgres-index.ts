// The index on PostgreSQL: one row per document with a tsvector weighted title A, summary B,
// body C (english stemming), a GIN index and an index of each kind newest first; ts_rank for
// relevance over each kind's newest matches, ts_headline for the page's snippets.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/index.js'
import { offsetOf } from '../platform/pagination.js'
import { foldText, toTsQuery } from './query.js'
import { SEARCH_KINDS, type SearchKind } from './schema.js'
import {
  COUNT_LIMIT,
  MARK_END,
  MARK_START,
  RANKED_PER_KIND,
  RECENCY_DAYS,
  UNDATED_FACTOR,
  type CleanDocument,
  type EngineRequest,
  type EngineResults,
} from './engine.js'

/**
 * Text for PostgreSQL's parser: folded (it has no accent folding of its own without an
 * extension), and without angle brackets, which it would read as tags and drop the words inside.
 */
function vectorText(text: string): string {
  return foldText(text).replace(/[<>]/g, ' ')
}

const topicList = (ids: readonly number[]) => (ids.length ? `,${ids.join(',')},` : '')

export async function indexDocument(db: Db, doc: CleanDocument): Promise<void> {
  const vector = sql`setweight(to_tsvector('english', ${vectorText(doc.title)}), 'A')
    || setweight(to_tsvector('english', ${vectorText(doc.summary)}), 'B')
    || setweight(to_tsvector('english', ${vectorText(doc.body)}), 'C')`
  await sql`insert into search_documents (kind, owner_id, title, summary, body, url, published_at, topic_ids, image_url, document)
    values (${doc.kind}, ${doc.ownerId}, ${doc.title}, ${doc.summary}, ${doc.body}, ${doc.url}, ${doc.publishedAt}, ${topicList(doc.topicIds)}, ${doc.imageUrl}, ${vector})
    on conflict (kind, owner_id) do update set title = excluded.title, summary = excluded.summary, body = excluded.body,
      url = excluded.url, published_at = excluded.published_at, topic_ids = excluded.topic_ids, image_url = excluded.image_url,
      document = excluded.document`.execute(db)
}

export async function removeDocument(db: Db, kind: SearchKind, ownerId: number): Promise<void> {
  await sql`delete from search_documents where kind = ${kind} and owner_id = ${ownerId}`.execute(db)
}

export async function clearIndex(db: Db): Promise<void> {
  await sql`delete from search_documents`.execute(db)
}

export async function isEmpty(db: Db): Promise<boolean> {
  return (await sql`select 1 from search_documents limit 1`.execute(db)).rows.length === 0
}

type Row = {
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

export async function search(db: Db, request: EngineRequest): Promise<EngineResults> {
  const q = sql`to_tsquery('english', ${toTsQuery(request.query)})`
  const now = sql`cast(${request.now} as timestamptz)`
  const topic: RawBuilder<unknown> =
    request.topicId !== undefined ? sql`and topic_ids like ${`%,${request.topicId},%`}` : sql``
  const where = (kind: SearchKind) =>
    sql`kind = ${kind} and document @@ ${q} and (published_at is null or published_at <= ${now}) ${topic}`
  // Newest first, as search_documents_recent hands them over: for a word in most of the archive
  // the scan stops after a few hundred rows; for a rare word the planner takes the GIN index.
  const newest = sql`order by published_at desc nulls last, owner_id desc`

  // Per kind, counted up to one past the limit, as on SQLite.
  const countRows = (
    await sql<{ kind: SearchKind; n: number }>`${sql.join(
      SEARCH_KINDS.map(
        kind =>
          sql`(select ${kind} as kind, count(*) as n from (select 1 from search_documents where ${where(kind)} ${newest} limit ${COUNT_LIMIT + 1}) c)`,
      ),
      sql` union all `,
    )}`.execute(db)
  ).rows
  const counts = Object.fromEntries(countRows.map(r => [r.kind, Number(r.n)])) as Partial<Record<SearchKind, number>>
  const kinds = SEARCH_KINDS.filter(kind => (counts[kind] ?? 0) > 0 && (!request.kind || kind === request.kind))
  if (kinds.length === 0) return { counts, hits: [] }

  const age = sql`extract(epoch from (${now} - published_at)) / 86400.0`
  const recency = sql`coalesce(1.0 / (1.0 + greatest(0.0, ${age}) / ${sql.lit(RECENCY_DAYS)}), ${sql.lit(UNDATED_FACTOR)})`
  const score = sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', document, ${q}, 1) * ${recency}`
  // Each kind's newest matches only are ranked (RANKED_PER_KIND, as on SQLite): ranking reads
  // every matched document's vector, which for a common word would mean most of the archive.
  // The newest are picked by key alone, then read and ranked: rows found through the GIN index
  // are neither all ranked nor all carried through the sort.
  const candidates = sql.join(
    kinds.map(
      kind => sql`(select d.kind, d.owner_id, d.url, d.published_at, d.image_url, d.title, d.summary, d.body, ${score} as score
    from (select kind, owner_id from search_documents where ${where(kind)} ${newest} limit ${RANKED_PER_KIND}) n
    join search_documents d on d.kind = n.kind and d.owner_id = n.owner_id)`,
    ),
    sql` union all `,
  )
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=16, MaxFragments=2, FragmentDelimiter=" … "`
  // Headlines are made for the page's rows only, after ranking and the limit.
  const { rows } = await sql<Row>`with top as (
      select * from (${candidates}) c
      order by score desc, published_at desc nulls last, kind, owner_id
      limit ${request.pageSize} offset ${offsetOf(request.page, request.pageSize)}
    )
    select kind, owner_id, url, published_at, image_url, title, summary,
      ts_headline('english', title, ${q}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`}) as title_marked,
      ts_headline('english', summary, ${q}, ${options}) as summary_marked,
      ts_headline('english', body, ${q}, ${options}) as body_marked
    from top order by score desc, published_at desc nulls last, kind, owner_id`.execute(db)
  return {
    counts,
    hits: rows.map(r => ({
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
    })),
  }
}
