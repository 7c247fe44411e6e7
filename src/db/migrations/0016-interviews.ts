// The interview archive (interviews/): an interview with one person by staff interviewers, its
// transcript as passages (some withheld), notes on passages, the documentaries and topics it
// belongs to, the moments of a film that use it, and a revision for each change an editor makes.
// A video now belongs to a documentary or to an interview, and carries the spans its transcode
// must cut (`cuts`): SQLite cannot drop NOT NULL from `documentary_id`, so there the table is
// rebuilt the way SQLite's own manual describes (new table, copy, swap, with foreign keys off so
// the captions and chapters that point at videos are kept).
import type { Kysely, Migration } from 'kysely'
import { sql } from 'kysely'
import type { Dialect } from '../dialect.js'
import { timestampType, withId } from './columns.js'

export function interviews(dialect: Dialect): Migration {
  const ts = timestampType(dialect)
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('interviews'), dialect)
        .addColumn('slug', 'text', c => c.notNull().unique())
        .addColumn('title', 'text', c => c.notNull())
        .addColumn('person_id', 'integer', c => c.notNull().references('people.id').onDelete('restrict'))
        .addColumn('person_role', 'text', c => c.notNull().defaultTo(''))
        .addColumn('recorded_on', 'text')
        .addColumn('place', 'text', c => c.notNull().defaultTo(''))
        .addColumn('summary', 'text', c => c.notNull().defaultTo(''))
        .addColumn('status', 'text', c => c.notNull().defaultTo('draft'))
        .addColumn('cleared_by', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('cleared_at', ts)
        // Who made it: an author reaches the interviews they made (or were an interviewer on).
        .addColumn('owner_account_id', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('published_at', ts)
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()
      await db.schema.createIndex('interviews_person').on('interviews').column('person_id').execute()
      await db.schema
        .createIndex('interviews_status_published')
        .on('interviews')
        .columns(['status', 'published_at'])
        .execute()

      await withId(db.schema.createTable('interview_passages'), dialect)
        .addColumn('interview_id', 'integer', c => c.notNull().references('interviews.id').onDelete('cascade'))
        .addColumn('position', 'integer', c => c.notNull())
        .addColumn('speaker', 'text', c => c.notNull().defaultTo(''))
        .addColumn('start_ms', 'integer', c => c.notNull())
        .addColumn('end_ms', 'integer', c => c.notNull())
        .addColumn('text', 'text', c => c.notNull())
        .addColumn('withheld_reason', 'text')
        .addUniqueConstraint('interview_passages_position', ['interview_id', 'position'])
        .execute()

      await withId(db.schema.createTable('interview_notes'), dialect)
        .addColumn('interview_id', 'integer', c => c.notNull().references('interviews.id').onDelete('cascade'))
        .addColumn('passage_id', 'integer', c => c.notNull().references('interview_passages.id').onDelete('cascade'))
        .addColumn('kind', 'text', c => c.notNull().defaultTo('note'))
        .addColumn('body', 'text', c => c.notNull())
        .addColumn('link_url', 'text')
        .addColumn('created_by', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('created_at', ts, c => c.notNull())
        .addColumn('updated_at', ts, c => c.notNull())
        .execute()
      await db.schema.createIndex('interview_notes_passage').on('interview_notes').column('passage_id').execute()

      for (const [table, column, target] of [
        ['interview_documentaries', 'documentary_id', 'documentaries.id'],
        ['interview_topics', 'topic_id', 'topics.id'],
        ['interview_interviewers', 'person_id', 'people.id'],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn('interview_id', 'integer', c => c.notNull().references('interviews.id').onDelete('cascade'))
          .addColumn(column, 'integer', c => c.notNull().references(target).onDelete('cascade'))
          .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint(`${table}_pkey`, ['interview_id', column])
          .execute()
        await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute()
      }

      // A moment of a documentary's film that uses this interview: linked both ways.
      await withId(db.schema.createTable('interview_film_moments'), dialect)
        .addColumn('interview_id', 'integer', c => c.notNull().references('interviews.id').onDelete('cascade'))
        .addColumn('documentary_id', 'integer', c => c.notNull().references('documentaries.id').onDelete('cascade'))
        .addColumn('film_start_ms', 'integer', c => c.notNull())
        .addColumn('film_end_ms', 'integer', c => c.notNull())
        .addColumn('interview_start_ms', 'integer', c => c.notNull())
        .addColumn('interview_end_ms', 'integer', c => c.notNull())
        .addColumn('label', 'text', c => c.notNull().defaultTo(''))
        .execute()
      await db.schema
        .createIndex('interview_film_moments_interview')
        .on('interview_film_moments')
        .column('interview_id')
        .execute()
      await db.schema
        .createIndex('interview_film_moments_documentary')
        .on('interview_film_moments')
        .column('documentary_id')
        .execute()

      // One row per change an editor makes: what was done, by whom, and the interview as it then stood.
      await withId(db.schema.createTable('interview_revisions'), dialect)
        .addColumn('interview_id', 'integer', c => c.notNull().references('interviews.id').onDelete('cascade'))
        .addColumn('account_id', 'integer', c => c.references('accounts.id').onDelete('set null'))
        .addColumn('action', 'text', c => c.notNull())
        .addColumn('snapshot', 'text', c => c.notNull())
        .addColumn('created_at', ts, c => c.notNull())
        .execute()
      await db.schema
        .createIndex('interview_revisions_interview')
        .on('interview_revisions')
        .columns(['interview_id', 'id'])
        .execute()

      await videosForAnyOwner(db, dialect)
    },
  }
}

/** Videos belong to a documentary or an interview, and carry the spans their transcode cuts. */
async function videosForAnyOwner(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table videos alter column documentary_id drop not null`.execute(db)
    await db.schema
      .alterTable('videos')
      .addColumn('interview_id', 'integer', c => c.unique().references('interviews.id').onDelete('cascade'))
      .execute()
    await db.schema
      .alterTable('videos')
      .addColumn('cuts', 'text', c => c.notNull().defaultTo('[]'))
      .execute()
    await sql`alter table videos add constraint videos_owner check (documentary_id is not null or interview_id is not null)`.execute(
      db,
    )
    return
  }
  // SQLite: foreign keys off for the swap (a pragma, so outside any transaction; Kysely runs
  // SQLite migrations without one), checked before they are turned back on.
  await sql`pragma foreign_keys = off`.execute(db)
  try {
    await sql`create table videos_new (
      id integer primary key autoincrement,
      documentary_id integer unique references documentaries(id) on delete cascade,
      interview_id integer unique references interviews(id) on delete cascade,
      master_key text not null,
      status text not null default 'queued',
      progress real not null default 0,
      error text,
      duration_seconds real,
      width integer,
      height integer,
      output_prefix text,
      renditions text not null default '[]',
      poster_key text,
      mp4_key text,
      thumbnails_key text,
      created_at text not null,
      updated_at text not null,
      live_prefix text,
      live_master_key text,
      master_refused integer not null default 0,
      cuts text not null default '[]',
      check (documentary_id is not null or interview_id is not null)
    )`.execute(db)
    await sql`insert into videos_new (id, documentary_id, master_key, status, progress, error, duration_seconds, width, height,
      output_prefix, renditions, poster_key, mp4_key, thumbnails_key, created_at, updated_at, live_prefix, live_master_key, master_refused)
      select id, documentary_id, master_key, status, progress, error, duration_seconds, width, height,
      output_prefix, renditions, poster_key, mp4_key, thumbnails_key, created_at, updated_at, live_prefix, live_master_key, master_refused
      from videos`.execute(db)
    await sql`drop table videos`.execute(db)
    await sql`alter table videos_new rename to videos`.execute(db)
    const broken = await sql`pragma foreign_key_check`.execute(db)
    if (broken.rows.length > 0) throw new Error(`videos rebuild left ${broken.rows.length} broken references`)
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}
