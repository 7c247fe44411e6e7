// A film's new master no longer takes the published film down while it is checked and
// transcoded: the row now says which attempt folder readers play (`live_prefix`) and which
// master it was made from (`live_master_key`), apart from the attempt in progress
// (`output_prefix`, `master_key`). `master_refused` marks a master refused for what it holds
// (cut short, damaged), which retrying cannot mend. Films ready before this keep playing.
import type { Kysely, Migration } from 'kysely'
import { sql } from 'kysely'

export function videoLiveOutputs(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('videos').addColumn('live_prefix', 'text').execute()
      await db.schema.alterTable('videos').addColumn('live_master_key', 'text').execute()
      await db.schema
        .alterTable('videos')
        .addColumn('master_refused', 'integer', c => c.notNull().defaultTo(0))
        .execute()
      await sql`update videos set live_prefix = output_prefix, live_master_key = master_key where status = 'ready' and output_prefix is not null`.execute(
        db,
      )
    },
  }
}
