// A page's reads in one SQLite read transaction (oneRead): one snapshot, and nothing left open
// when a read fails; on PostgreSQL the reads run as they are.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { testDatabase } from '../../test/helpers.js'
import { oneRead } from './index.js'

describe('oneRead', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('reads in one transaction on SQLite and as it is on PostgreSQL, returning what the read returns', async () => {
    const seen = await oneRead(database.db, async db => {
      const [a, b] = await Promise.all([
        sql<{ n: number }>`select 1 as n`.execute(db),
        sql<{ n: number }>`select 2 as n`.execute(db),
      ])
      return { inTransaction: db.isTransaction, sum: Number(a.rows[0]?.n) + Number(b.rows[0]?.n) }
    })
    assert.deepEqual(seen, { inTransaction: database.dialect === 'sqlite', sum: 3 })
  })

  it('leaves nothing open when a read fails: the error comes through and writes go on', async () => {
    await assert.rejects(
      oneRead(database.db, async db => {
        await sql`select * from no_such_table`.execute(db)
      }),
      /no_such_table/,
    )
    await sql`create table one_read_probe (n integer)`.execute(database.db)
    await sql`insert into one_read_probe (n) values (1)`.execute(database.db)
    const rows = (await sql<{ n: number }>`select n from one_read_probe`.execute(database.db)).rows
    assert.equal(rows.length, 1)
  })

  it('inside a transaction already, reads in it', async () => {
    await database.db.transaction().execute(async trx => {
      assert.equal(await oneRead(trx, async db => db === trx), true)
    })
  })
})
