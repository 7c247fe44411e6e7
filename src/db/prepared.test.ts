// Prepared queries on the test database (SQLite, or PostgreSQL with TEST_DATABASE_URL): each call
// binds its own values into SQL compiled once, lists of any length included.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { sql } from 'kysely'
import { prepared, type Db } from './index.js'

const topicsBySlug = prepared((db: Db, slugs: readonly string[], minPosition: number) =>
  db
    .selectFrom('topics')
    .select(['slug', 'position'])
    .where('slug', 'in', slugs)
    .where('position', '>=', minPosition)
    .where('description', '=', 'kept')
    .orderBy('position'),
)

const firstTopics = prepared(
  (db: Db, minPosition: number, limit: number) =>
    db
      .selectFrom('topics')
      .select('slug')
      .where('position', '>=', minPosition)
      .orderBy('position')
      .limit(sql.lit(limit)),
  { inline: [1] },
)

const sameValueTwice = prepared((db: Db, position: number) =>
  db.selectFrom('topics').select('slug').where('position', '>=', position).where('position', '<=', position),
)

describe('prepared queries', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
    await database.db
      .insertInto('topics')
      .values([
        { slug: 'a', name: 'A', description: 'kept', position: 1 },
        { slug: 'b', name: 'B', description: 'kept', position: 2 },
        { slug: 'c', name: 'C', description: 'kept', position: 3 },
        { slug: 'd', name: 'D', description: 'other', position: 4 },
      ])
      .execute()
  })
  after(() => database.dispose())

  it('binds each call its own values, keeping the constants the query was built with', async () => {
    const db = database.db
    assert.deepEqual(await topicsBySlug(db, ['a', 'b', 'd'], 0), [
      { slug: 'a', position: 1 },
      { slug: 'b', position: 2 },
    ])
    assert.deepEqual(await topicsBySlug(db, ['a', 'b', 'c'], 2), [
      { slug: 'b', position: 2 },
      { slug: 'c', position: 3 },
    ])
  })

  it('answers lists of every length, and a value the query uses twice', async () => {
    const db = database.db
    assert.deepEqual(
      (await topicsBySlug(db, ['c'], 0)).map(r => r.slug),
      ['c'],
    )
    assert.deepEqual(
      (await topicsBySlug(db, ['c', 'b', 'a', 'z'], 0)).map(r => r.slug),
      ['a', 'b', 'c'],
    )
    assert.deepEqual(await sameValueTwice(db, 3), [{ slug: 'c' }])
  })

  it('writes an inline argument into the SQL, compiling once per value', async () => {
    const db = database.db
    assert.deepEqual(await firstTopics(db, 2, 1), [{ slug: 'b' }])
    assert.deepEqual(await firstTopics(db, 1, 3), [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }])
    assert.deepEqual(await firstTopics(db, 3, 1), [{ slug: 'c' }])
  })

  it('runs inside a transaction, seeing its uncommitted rows', async () => {
    const seen = await database.db.transaction().execute(async trx => {
      await trx.insertInto('topics').values({ slug: 'e', name: 'E', description: 'kept', position: 5 }).execute()
      return topicsBySlug(trx, ['e'], 0)
    })
    assert.deepEqual(seen, [{ slug: 'e', position: 5 }])
  })

  it("never reads another transaction's uncommitted rows, outside a transaction or in one of its own", async () => {
    let committed = false
    let inserted = () => {}
    const insertedOne = new Promise<void>(resolve => {
      inserted = resolve
    })
    let release = () => {}
    const held = new Promise<void>(resolve => {
      release = resolve
    })
    const writing = database.db.transaction().execute(async trx => {
      await trx.insertInto('topics').values({ slug: 'f', name: 'F', description: 'kept', position: 6 }).execute()
      inserted()
      await held
      committed = true
    })
    await insertedOne
    // On SQLite both reads wait for the writer's connection; on PostgreSQL they read the last commit.
    const outside = topicsBySlug(database.db, ['f'], 0).then(rows => ({ rows, committed }))
    const inOwn = database.db
      .transaction()
      .execute(trx => topicsBySlug(trx, ['f'], 0))
      .then(rows => ({ rows, committed }))
    await new Promise(resolve => setTimeout(resolve, 50))
    release()
    await writing
    for (const read of await Promise.all([outside, inOwn]))
      assert.deepEqual(read.rows, read.committed ? [{ slug: 'f', position: 6 }] : [])
  })

  it('refuses an empty list on both engines, rather than SQL only SQLite accepts', async () => {
    await assert.rejects(topicsBySlug(database.db, [], 0), /empty list/)
  })

  it('treats a value as a value, never as SQL', async () => {
    assert.deepEqual(await topicsBySlug(database.db, ["a' or '1'='1"], 0), [])
  })
})
