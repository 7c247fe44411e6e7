// The connection searches read through (Database.searchDb): on SQLite its own, read-only, seeing
// every commit of the main connection at once; on PostgreSQL the pool itself.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { testDatabase } from '../../test/helpers.js'

describe('searchDb', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
    await sql`create table search_db_probe (n integer)`.execute(database.db)
  })
  after(() => database.dispose())

  const count = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from search_db_probe`.execute(database.searchDb)).rows[0]?.n)

  it('reads what the main connection committed, as soon as it is committed', async () => {
    assert.equal(await count(), 0)
    await sql`insert into search_db_probe (n) values (1)`.execute(database.db)
    assert.equal(await count(), 1)
    await database.db.transaction().execute(async trx => {
      await sql`insert into search_db_probe (n) values (2)`.execute(trx)
      // Not yet committed: on SQLite the reader sees the last commit (PostgreSQL reads through the pool's other connections).
      if (database.dialect === 'sqlite') assert.equal(await count(), 1)
    })
    assert.equal(await count(), 2)
  })

  it('is read-only on SQLite and the same query builder on PostgreSQL', async () => {
    if (database.dialect === 'postgres') {
      assert.equal(database.searchDb, database.db)
      return
    }
    await assert.rejects(sql`insert into search_db_probe (n) values (3)`.execute(database.searchDb), /readonly/)
    assert.equal(await count(), 2)
  })

  it('keeps SQLite sorts and temporary tables in memory on both connections', async t => {
    if (database.dialect === 'postgres') return t.skip('a SQLite setting')
    // 2 is MEMORY: with a temporary file, a story page's related-stories sort cost 160-260 µs
    // against 27-38 µs (glibc handing the sort's memory back and faulting it in on every run).
    for (const db of [database.db, database.searchDb]) {
      const { rows } = await sql<{ temp_store: number }>`pragma temp_store`.execute(db)
      assert.equal(rows[0]?.temp_store, 2)
    }
  })
})
