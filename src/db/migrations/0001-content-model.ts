// The reading site's content model: people, topics, documentaries, excerpts, funders,
// stories and their links, corrections, static pages and site settings.
import type { Kysely, Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function contentModel(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('images'), dialect)
        .addColumn('storage_key', 'text', c => c.notNull().unique())
        .addColumn('content_type', 'text', c => c.notNull())
        .addColumn('width', 'integer', c => c.notNull())
        .addColumn('height', 'integer', c => c.notNull())
        .addColumn('alt', 'text', c => c.notNull().defaultTo(''))
        .addColumn('caption', 'text', c => c.notNull().defaultTo(''))
        .addColumn('credit', 'text', c => c.notNull().defaultTo(''))
        .addColumn('created_at', ts, c => c.notNull())
        .execute()

      await withId(db.schema.createTable('people'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('name', 'text', c => c.notNull())
        .addColumn('job_title', 'text', c => c.notNull().defaultTo(''))
        .addColumn('bio', 'text', c => c.notNull().defaultTo(''))
        .addColumn('photo_id', 'integer', c => c.references('images.id'))
        .addColumn('socials', 'text', c => c.notNull().defaultTo('[]'))
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()

      await withId(db.schema.createTable('topics'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('name', 'text', c => c.notNull())
        .addColumn('description', 'text', c => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
        .execute()

      await withId(db.schema.createTable('funders'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('name', 'text', c => c.notNull())
        .addColumn('url', 'text', c => c.notNull().defaultTo(''))
        .addColumn('logo_id', 'integer', c => c.references('images.id'))
        .addColumn('tier', 'text', c => c.notNull())
        .addColumn('description', 'text', c => c.notNull().defaultTo(''))
        .addColumn('site_wide', 'integer', c => c.notNull().defaultTo(0))
        .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
        .execute()

      await withId(db.schema.createTable('documentaries'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('dek', 'text', c => c.notNull().defaultTo(''))
        .addColumn('synopsis', 'text', c => c.notNull().defaultTo(''))
        .addColumn('runtime_seconds', 'integer', c => c.notNull().defaultTo(0))
        .addColumn('release_date', 'text', c => c.notNull())
        .addColumn('poster_id', 'integer', c => c.references('images.id'))
        .addColumn('credits', 'text', c => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', c => c.notNull().defaultTo('draft'))
        .addColumn('published_at', ts)
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()
      await db.schema
        .createIndex('documentaries_published')
        .on('documentaries')
        .columns(['status', 'published_at'])
        .execute()

      await db.schema
        .createTable('documentary_topics')
        .addColumn('documentary_id', 'integer', c => c.notNull().references('documentaries.id').onDelete('cascade'))
        .addColumn('topic_id', 'integer', c => c.notNull().references('topics.id').onDelete('cascade'))
        .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('documentary_topics_pk', ['documentary_id', 'topic_id'])
        .execute()
      await db.schema.createIndex('documentary_topics_topic').on('documentary_topics').column('topic_id').execute()

      await db.schema
        .createTable('documentary_funders')
        .addColumn('documentary_id', 'integer', c => c.notNull().references('documentaries.id').onDelete('cascade'))
        .addColumn('funder_id', 'integer', c => c.notNull().references('funders.id').onDelete('cascade'))
        .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('documentary_funders_pk', ['documentary_id', 'funder_id'])
        .execute()

      await withId(db.schema.createTable('excerpts'), dialect)
        .addColumn('documentary_id', 'integer', c => c.notNull().references('documentaries.id').onDelete('cascade'))
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('caption', 'text', c => c.notNull().defaultTo(''))
        .addColumn('start_seconds', 'real', c => c.notNull())
        .addColumn('end_seconds', 'real', c => c.notNull())
        .addColumn('created_at', ts, c => c.notNull())
        .execute()

      await withId(db.schema.createTable('stories'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('dek', 'text', c => c.notNull().defaultTo(''))
        .addColumn('body', 'text', c => c.notNull())
        .addColumn('section', 'text', c => c.notNull().defaultTo('article'))
        .addColumn('status', 'text', c => c.notNull().defaultTo('draft'))
        .addColumn('published_at', ts)
        .addColumn('updated_at', ts, c => c.notNull())
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('hero_image_id', 'integer', c => c.references('images.id'))
        .execute()
      await db.schema.createIndex('stories_published').on('stories').columns(['status', 'published_at']).execute()

      for (const [table, column, target] of [
        ['story_authors', 'person_id', 'people'],
        ['story_topics', 'topic_id', 'topics'],
        ['story_documentaries', 'documentary_id', 'documentaries'],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn('story_id', 'integer', c => c.notNull().references('stories.id').onDelete('cascade'))
          .addColumn(column, 'integer', c => c.notNull().references(`${target}.id`).onDelete('cascade'))
          .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint(`${table}_pk`, ['story_id', column])
          .execute()
        await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute()
      }

      await withId(db.schema.createTable('corrections'), dialect)
        .addColumn('story_id', 'integer', c => c.notNull().references('stories.id'))
        .addColumn('kind', 'text', c => c.notNull())
        .addColumn('body', 'text', c => c.notNull())
        .addColumn('published_at', ts, c => c.notNull())
        .addColumn('created_at', ts, c => c.notNull())
        .execute()
      await db.schema.createIndex('corrections_story').on('corrections').column('story_id').execute()
      await db.schema.createIndex('corrections_published').on('corrections').column('published_at').execute()

      await withId(db.schema.createTable('pages'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('summary', 'text', c => c.notNull().defaultTo(''))
        .addColumn('body', 'text', c => c.notNull())
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()

      await db.schema
        .createTable('site_settings')
        .addColumn('key', 'text', c => c.primaryKey())
        .addColumn('value', 'text', c => c.notNull())
        .execute()
    },
  }
}
