// The SQLite database as Kysely's dialect sees it: statements prepared once and kept by their SQL,
// and rows read as arrays and made into objects here. better-sqlite3 builds each row object through
// V8's C++ API, one property at a time: on the story page that was about 40% of the time its reads
// took (a 9-row image query: 75-83 µs as objects, 38-46 µs as arrays made into objects in
// JavaScript, measured side by side). Made here, rows of one statement share one hidden class, so
// the code that reads them stays monomorphic too.
import type SqliteDatabase from 'better-sqlite3'

const STATEMENT_CACHE_SIZE = 500

type Row = Record<string, unknown>

/** What Kysely's SQLite dialect calls on a statement (`reader`, `all`, `run`, `iterate`). */
export interface KeptStatement {
  readonly reader: boolean
  all(parameters: readonly unknown[]): unknown[]
  run(parameters: readonly unknown[]): SqliteDatabase.RunResult
  iterate(parameters: readonly unknown[]): IterableIterator<unknown>
}

/** What Kysely's SQLite dialect needs of a database: `prepare` and `close`. */
export interface KeptStatements {
  prepare(sql: string): KeptStatement
  close(): void
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query, so
 * statements are kept by SQL text. Safe because Kysely runs one query at a time on its single
 * SQLite connection.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): KeptStatements {
  const statements = new Map<string, KeptStatement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string)
        statement = keep(sqlite.prepare(sql))
        statements.set(sql, statement)
      }
      return statement
    },
  }
}

function keep(statement: SqliteDatabase.Statement): KeptStatement {
  // A writer has no rows, and raw mode is refused to it.
  if (!statement.reader) return statement
  const names = statement.columns().map(c => c.name)
  // Assigning `__proto__` would set the row's prototype rather than a column: such a statement
  // keeps better-sqlite3's own objects.
  if (names.includes('__proto__')) return statement
  statement.raw(true)
  // A column named twice keeps its last value, as better-sqlite3's own objects do.
  const toRow = (values: readonly unknown[]): Row => {
    const row: Row = {}
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i]
    return row
  }
  return {
    reader: true,
    all(parameters) {
      const rows = statement.all(parameters) as unknown[][]
      for (let i = 0; i < rows.length; i++) (rows as unknown[])[i] = toRow(rows[i] as unknown[])
      return rows
    },
    run: parameters => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toRow(values)
    },
  }
}

// The statements of each SQLite database, by the adapter of the Kysely instance over it: its
// transactions share that adapter, so prepared.ts finds them from any transaction on it.
const statementsByAdapter = new WeakMap<object, KeptStatements>()

/** Records that the Kysely instance with `adapter` runs its queries on `statements`. */
export function rememberStatements(adapter: object, statements: KeptStatements): void {
  statementsByAdapter.set(adapter, statements)
}

/** The kept statements of the SQLite database behind `adapter`, if it is one opened here. */
export function statementsOf(adapter: object): KeptStatements | undefined {
  return statementsByAdapter.get(adapter)
}
