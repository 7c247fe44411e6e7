// Indexes on columns that are looked up by, but were created without one: each such lookup read
// its whole table. The story page counted a correction's revisions by scanning every correction's
// revisions; a documentary's excerpts scanned every excerpt; and erasing a subscriber, deleting a
// story or a funder scanned every row that could point at it (SQLite checks each foreign key that
// way, and a cascade finds its rows that way on either engine). And a topic's stories by id, for a
// story's related list, which reads only each topic's newest (stories/published-list-store.ts):
// that index serves every lookup the topic-only one did, so it replaces it.
import type { Kysely, Migration } from 'kysely'

const INDEXES: readonly (readonly [name: string, table: string, column: string])[] = [
  ['correction_revisions_correction', 'correction_revisions', 'correction_id'],
  ['excerpts_documentary', 'excerpts', 'documentary_id'],
  ['newsletter_deliveries_subscriber', 'newsletter_deliveries', 'subscriber_id'],
  ['story_redirects_story', 'story_redirects', 'story_id'],
  ['documentary_funders_funder', 'documentary_funders', 'funder_id'],
]

export function lookupIndexes(): Migration {
  return {
    async up(db: Kysely<any>) {
      for (const [name, table, column] of INDEXES) await db.schema.createIndex(name).on(table).column(column).execute()
      await db.schema
        .createIndex('story_topics_topic_story')
        .on('story_topics')
        .columns(['topic_id', 'story_id'])
        .execute()
      await db.schema.dropIndex('story_topics_topic_id').execute()
    },
  }
}
