// Films of documentaries: the master, its transcode state and outputs, captions and chapters (videos/).
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function videos(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('videos'), dialect)
        .addColumn('documentary_id', 'integer', c =>
          c.notNull().unique().references('documentaries.id').onDelete('cascade'),
        )
        .addColumn('master_key', 'text', c => c.notNull())
        .addColumn('status', 'text', c => c.notNull().defaultTo('queued'))
        .addColumn('progress', 'real', c => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('duration_seconds', 'real')
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('output_prefix', 'text')
        .addColumn('renditions', 'text', c => c.notNull().defaultTo('[]'))
        .addColumn('poster_key', 'text')
        .addColumn('mp4_key', 'text')
        .addColumn('thumbnails_key', 'text')
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()

      await withId(db.schema.createTable('video_captions'), dialect)
        .addColumn('video_id', 'integer', c => c.notNull().references('videos.id').onDelete('cascade'))
        .addColumn('lang', 'text', c => c.notNull())
        .addColumn('label', 'text', c => c.notNull())
        .addColumn('storage_key', 'text', c => c.notNull())
        .addUniqueConstraint('video_captions_video_lang', ['video_id', 'lang'])
        .execute()

      await withId(db.schema.createTable('video_chapters'), dialect)
        .addColumn('video_id', 'integer', c => c.notNull().references('videos.id').onDelete('cascade'))
        .addColumn('start_seconds', 'real', c => c.notNull())
        .addColumn('title', 'text', c => c.notNull())
        .execute()
      await db.schema
        .createIndex('video_chapters_video')
        .on('video_chapters')
        .columns(['video_id', 'start_seconds'])
        .execute()
    },
  }
}
