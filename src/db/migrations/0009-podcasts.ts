// Podcasts: shows, their episodes (with the audio pipeline's state and outputs) and chapters (podcasts/).
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function podcasts(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('podcast_shows'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('description', 'text', c => c.notNull())
        .addColumn('artwork_id', 'integer', c => c.references('images.id').onDelete('set null'))
        .addColumn('category', 'text', c => c.notNull())
        .addColumn('subcategory', 'text')
        .addColumn('explicit', 'integer', c => c.notNull().defaultTo(0))
        .addColumn('owner_name', 'text', c => c.notNull())
        .addColumn('owner_email', 'text', c => c.notNull())
        .addColumn('author', 'text', c => c.notNull())
        .addColumn('language', 'text', c => c.notNull())
        .addColumn('show_type', 'text', c => c.notNull().defaultTo('episodic'))
        .addColumn('copyright', 'text', c => c.notNull().defaultTo(''))
        // Computed once from the first feed URL and never again: apps follow the show by it.
        .addColumn('podcast_guid', 'text', c => c.notNull().unique())
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()

      await withId(db.schema.createTable('podcast_episodes'), dialect)
        .addColumn('show_id', 'integer', c => c.notNull().references('podcast_shows.id').onDelete('cascade'))
        .addColumn('slug', 'text', c => c.notNull())
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('number', 'integer')
        .addColumn('season', 'integer')
        .addColumn('episode_type', 'text', c => c.notNull().defaultTo('full'))
        .addColumn('status', 'text', c => c.notNull().defaultTo('draft'))
        .addColumn('published_at', ts)
        .addColumn('summary', 'text', c => c.notNull().defaultTo(''))
        .addColumn('show_notes', 'text', c => c.notNull())
        // Made once at creation; no edit ever changes it (podcast apps key downloads on it).
        .addColumn('guid', 'text', c => c.notNull().unique())
        .addColumn('audio_master_key', 'text')
        .addColumn('audio_status', 'text', c => c.notNull().defaultTo('none'))
        .addColumn('audio_error', 'text')
        .addColumn('audio_prefix', 'text')
        .addColumn('duration_seconds', 'real')
        .addColumn('mp3_key', 'text')
        .addColumn('mp3_bytes', 'bigint')
        .addColumn('m4a_key', 'text')
        .addColumn('m4a_bytes', 'bigint')
        .addColumn('transcript_key', 'text')
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .addUniqueConstraint('podcast_episodes_show_slug', ['show_id', 'slug'])
        .execute()
      await db.schema
        .createIndex('podcast_episodes_show_published')
        .on('podcast_episodes')
        .columns(['show_id', 'status', 'published_at'])
        .execute()

      await withId(db.schema.createTable('podcast_chapters'), dialect)
        .addColumn('episode_id', 'integer', c => c.notNull().references('podcast_episodes.id').onDelete('cascade'))
        .addColumn('start_seconds', 'real', c => c.notNull())
        .addColumn('title', 'text', c => c.notNull())
        .execute()
      await db.schema
        .createIndex('podcast_chapters_episode')
        .on('podcast_chapters')
        .columns(['episode_id', 'start_seconds'])
        .execute()
    },
  }
}
