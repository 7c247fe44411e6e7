// What the search index knows about episodes: title, summary, show notes and transcript of each
// published one, so a listener who remembers a line finds the episode it was said in. Every store write that can change that (an episode saved, published on schedule, its
// show's address changed) calls a sync here in its own transaction.
import type { Db } from '../db/index.js'
import { bodyToPlainText, readStoredBody } from '../body/index.js'
import { indexSearchDocument, removeSearchDocument, type SearchDocument } from '../search/index.js'
import type { EpisodeStatus } from './schema.js'
import { episodeUrl } from './urls.js'

type Row = {
  id: number
  slug: string
  title: string
  summary: string
  show_notes: string
  transcript: string | null
  status: EpisodeStatus
  published_at: string | null
  show_slug: string
}

function toDocument(row: Row): SearchDocument {
  return {
    kind: 'episode',
    ownerId: row.id,
    title: row.title,
    summary: row.summary,
    body: [bodyToPlainText(readStoredBody(row.show_notes)), row.transcript ?? ''].filter(Boolean).join('\n'),
    url: episodeUrl(row.show_slug, row.slug),
    publishedAt: row.published_at,
    topicIds: [],
  }
}

// Dated in the future, a published episode is indexed too: search hides it until its time comes.
const isPublic = (row: Pick<Row, 'status' | 'published_at'>) => row.status === 'published' && row.published_at !== null

function episodeRows(db: Db) {
  return db
    .selectFrom('podcast_episodes')
    .innerJoin('podcast_shows', 'podcast_shows.id', 'podcast_episodes.show_id')
    .leftJoin('podcast_transcripts', 'podcast_transcripts.episode_id', 'podcast_episodes.id')
    .select([
      'podcast_episodes.id',
      'podcast_episodes.slug',
      'podcast_episodes.title',
      'podcast_episodes.summary',
      'podcast_episodes.show_notes',
      'podcast_transcripts.text as transcript',
      'podcast_episodes.status',
      'podcast_episodes.published_at',
      'podcast_shows.slug as show_slug',
    ])
}

/** Puts an episode in the index if readers may hear it, else takes it out; call inside the write's transaction. */
export async function syncEpisodeSearch(db: Db, episodeId: number): Promise<void> {
  const row = await episodeRows(db).where('podcast_episodes.id', '=', episodeId).executeTakeFirst()
  if (!row || !isPublic(row)) return removeSearchDocument(db, 'episode', episodeId)
  await indexSearchDocument(db, toDocument(row))
}

/** Re-indexes a show's published episodes (their addresses carry the show's slug). */
export async function syncShowEpisodesSearch(db: Db, showId: number): Promise<void> {
  const rows = await episodeRows(db)
    .where('podcast_episodes.show_id', '=', showId)
    .where('podcast_episodes.status', '=', 'published')
    .execute()
  for (const row of rows) if (isPublic(row)) await indexSearchDocument(db, toDocument(row))
}

/** Published episodes as search documents, a batch at a time: the episodes' source for a rebuild. */
export async function listEpisodeSearchDocuments(
  db: Db,
  page: { afterId: number; limit: number },
): Promise<SearchDocument[]> {
  const rows = await episodeRows(db)
    .where('podcast_episodes.status', '=', 'published')
    .where('podcast_episodes.published_at', 'is not', null)
    .where('podcast_episodes.id', '>', page.afterId)
    .orderBy('podcast_episodes.id')
    .limit(page.limit)
    .execute()
  return rows.map(toDocument)
}
