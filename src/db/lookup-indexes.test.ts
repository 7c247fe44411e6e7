// The lookup indexes of migration 0019, on the test database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): a story's corrections count their revisions through one, not by reading
// every revision.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { testDatabase, testDialect } from '../../test/helpers.js'

const EXPECTED = [
  'correction_revisions_correction',
  'excerpts_documentary',
  'newsletter_deliveries_subscriber',
  'story_redirects_story',
  'documentary_funders_funder',
  'story_topics_topic_story',
]

describe('lookup indexes', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('exist after migrating', async () => {
    const names =
      database.dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(database.db)).rows
        : (
            await sql<{
              name: string
            }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(database.db)
          ).rows
    const present = new Set(names.map(r => r.name))
    for (const name of EXPECTED) assert.ok(present.has(name), `index ${name} is missing`)
    assert.ok(!present.has('story_topics_topic_id'), 'the topic-only index of story_topics is replaced')
  })

  it('serve the count of a correction’s revisions on SQLite', {
    skip: testDialect !== 'sqlite',
  }, async () => {
    const plan = await sql<{
      detail: string
    }>`explain query plan select count(*) from correction_revisions where correction_id = ${1}`.execute(database.db)
    assert.match(plan.rows.map(r => r.detail).join('\n'), /USING COVERING INDEX correction_revisions_correction/)
  })
})
