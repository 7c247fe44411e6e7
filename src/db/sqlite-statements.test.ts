// test-database: none
// SQLite's kept statements, through Kysely as the app uses them: rows made in JavaScript from
// arrays read exactly as better-sqlite3's own objects, writes and RETURNING unchanged.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { withStatementCache } from './sqlite-statements.js'

function open() {
  const sqlite = new SqliteDatabase(':memory:')
  const kept = withStatementCache(sqlite)
  const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: new SqliteDialect({ database: kept }) })
  return { sqlite, kept, db }
}

describe('SQLite kept statements', () => {
  it('reads rows as plain objects with every column, in order, of every type', async () => {
    const { db } = open()
    await sql`create table t (id integer primary key, name text, score real, data blob, gone text)`.execute(db)
    await sql`insert into t (name, score, data, gone) values ('a’b', 1.5, x'0102', null), ('c', 2, null, 'x')`.execute(
      db,
    )
    const rows = (await sql`select * from t order by id`.execute(db)).rows as Record<string, unknown>[]
    assert.deepEqual(
      rows.map(r => Object.keys(r)),
      [
        ['id', 'name', 'score', 'data', 'gone'],
        ['id', 'name', 'score', 'data', 'gone'],
      ],
    )
    assert.equal(rows[0]?.name, 'a’b')
    assert.equal(rows[0]?.score, 1.5)
    assert.deepEqual(rows[0]?.data, Buffer.from([1, 2]))
    assert.equal(rows[0]?.gone, null)
    assert.equal(Object.getPrototypeOf(rows[1]), Object.prototype)
    await db.destroy()
  })

  it('keeps the last value of a column named twice, as better-sqlite3 does', async () => {
    const { db, sqlite } = open()
    const ours = (await sql`select 1 as a, 2 as a, 3 as b`.execute(db)).rows
    assert.deepEqual(ours, sqlite.prepare('select 1 as a, 2 as a, 3 as b').all())
    assert.deepEqual(ours, [{ a: 2, b: 3 }])
    await db.destroy()
  })

  it('never lets a column named __proto__ set a row’s prototype', async () => {
    const { db, sqlite } = open()
    const query = `select 'x' as "__proto__", 1 as n`
    const rows = (await sql.raw(query).execute(db)).rows as Record<string, unknown>[]
    assert.equal(Object.getPrototypeOf(rows[0]), Object.prototype)
    assert.deepEqual(rows, sqlite.prepare(query).all())
    assert.equal(rows[0]?.n, 1)
    await db.destroy()
  })

  it('runs writes, and reads what RETURNING gives back', async () => {
    const { db } = open()
    await sql`create table t (id integer primary key, name text not null)`.execute(db)
    const inserted = await db.insertInto('t').values({ name: 'one' }).executeTakeFirst()
    assert.equal(inserted.insertId, 1n)
    const returned = await db.insertInto('t').values({ name: 'two' }).returning(['id', 'name']).execute()
    assert.deepEqual(returned, [{ id: 2, name: 'two' }])
    const updated = await db.updateTable('t').set({ name: 'x' }).executeTakeFirst()
    assert.equal(updated.numUpdatedRows, 2n)
    await assert.rejects(db.insertInto('t').values({ name: null }).execute(), /NOT NULL/)
    await db.destroy()
  })

  it('prepares a statement once and reads new values through it on every call', async () => {
    const { kept, db } = open()
    await sql`create table t (id integer primary key, name text)`.execute(db)
    await db
      .insertInto('t')
      .values([{ name: 'a' }, { name: 'b' }])
      .execute()
    assert.equal(kept.prepare('select name from t where id = ?'), kept.prepare('select name from t where id = ?'))
    for (const [id, name] of [
      [1, 'a'],
      [2, 'b'],
      [3, undefined],
    ] as const) {
      const row = await db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst()
      assert.equal(row?.name, name)
    }
    await db.destroy()
  })

  it('streams rows as objects', async () => {
    const { db } = open()
    await sql`create table t (id integer primary key, name text)`.execute(db)
    await db
      .insertInto('t')
      .values([{ name: 'a' }, { name: 'b' }])
      .execute()
    const seen: unknown[] = []
    for await (const row of db.selectFrom('t').selectAll().orderBy('id').stream()) seen.push(row)
    assert.deepEqual(seen, [
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ])
    await db.destroy()
  })
})
