// An episode's transcript as plain text, one row an episode, beside the key of its WebVTT file
// on the episode: the search index reads what was said from here, in the transaction that
// changes it (podcasts/search.ts). A table of its own keeps the text out of every episode list.
import type { Kysely, Migration } from 'kysely'

export function episodeTranscripts(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('podcast_transcripts')
        .addColumn('episode_id', 'integer', c => c.primaryKey().references('podcast_episodes.id').onDelete('cascade'))
        .addColumn('text', 'text', c => c.notNull())
        .execute()
    },
  }
}
