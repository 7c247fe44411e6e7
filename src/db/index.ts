// Opens the database for either dialect and runs migrations. The one place that knows
// which engine is underneath; everything else speaks Kysely.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import type { types as PgTypes } from 'pg'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely'
import type { DatabaseConfig } from '../config.js'
import type { Tables } from './tables.js'
import { migrations } from './migrations/index.js'
import { rememberStatements, withStatementCache } from './sqlite-statements.js'
import type { Dialect } from './dialect.js'

export type { Tables } from './tables.js'

/** The typed query builder every store function takes first; a transaction fits too. */
export type Db = Kysely<Tables>
export { dialectOf, type Dialect } from './dialect.js'
export { prepared, type PreparedQuery } from './prepared.js'
export { oneRead } from './one-read.js'

/** An open database: the query builder, which engine it is, and how to close it. */
export interface Database {
  readonly db: Db
  /**
   * Reads that walk much of a large file, as searches do: on SQLite a connection of their own,
   * read-only and opened at its first query, whose 32 MB page cache keeps the search index's hot
   * pages between searches without growing every other connection's (a newsletter send or a first
   * boot read their tables through the default). It sees what is committed. Elsewhere `db`.
   */
  readonly searchDb: Db
  readonly dialect: Dialect
  /** The PostgreSQL schema everything lives in, when not the default one. */
  readonly schema?: string | undefined
  close(): Promise<void>
}

/** Opens (and for SQLite creates) the database that the configuration names. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.dialect === 'sqlite') return openSqlite(config.file)
  return openPostgres(config.url, config.schema)
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  // WAL lets readers go on while a writer commits; NORMAL sync is safe with WAL.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Sorts and temporary tables in memory: with SQLite's default (a temporary file, made only when
  // it spills) the sort of a story page's related stories cost 160-260 µs against 27-38 µs, in
  // processes where glibc handed that memory back after each run and faulted it in again on the
  // next (ten page faults a query, measured). What a page sorts is small.
  sqlite.pragma('temp_store = MEMORY')
  const statements = withStatementCache(sqlite)
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: statements }) })
  rememberStatements(db.getExecutor().adapter, statements)
  // An in-memory database is one connection's own: its searches read through that connection.
  const searchDb =
    file === ':memory:'
      ? db
      : new Kysely<Tables>({ dialect: new SqliteDialect({ database: async () => openSearchReader(file) }) })
  return {
    db,
    searchDb,
    dialect: 'sqlite',
    close: async () => {
      await db.destroy()
      if (searchDb !== db) await searchDb.destroy()
    },
  }
}

/**
 * The searches' connection. Every other connection keeps the default page cache, which
 * better-sqlite3's build of SQLite sets to 16,000 KiB (plain SQLite's is 2,000; earlier notes
 * named that one). Searching through the main connection, the bench's p95 at 100,000 stories was
 * 9.4-9.8 ms, each search evicting pages the next one read again from the OS; 7.3 ms with 32 MB
 * here. The cache grows only as pages are read.
 */
function openSearchReader(file: string) {
  const sqlite = new SqliteDatabase(file, { readonly: true })
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -32768')
  // As the main connection, for the ORDER BY of the ranked results.
  sqlite.pragma('temp_store = MEMORY')
  return withStatementCache(sqlite)
}

const TIMESTAMPTZ = 1184
const TIMESTAMP = 1114
const INT8 = 20

/** Timestamps come back as ISO strings and counts as numbers, exactly as they do from SQLite. */
function pgTypes(types: typeof PgTypes) {
  return {
    getTypeParser(oid: number, format?: string) {
      if (oid === TIMESTAMPTZ || oid === TIMESTAMP)
        return (v: string) => new Date(oid === TIMESTAMP ? `${v}Z` : v).toISOString()
      if (oid === INT8) return (v: string) => Number(v)
      return types.getTypeParser(oid, format as 'text')
    },
  }
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
  // Loaded only here, so a process on SQLite never carries the PostgreSQL driver.
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: pgTypes(pg.types),
    options: schema ? `-c search_path=${schema}` : undefined,
  })
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  return { db, searchDb: db, dialect: 'postgres', schema, close: () => db.destroy() }
}

/** Brings the schema up to the newest migration; safe to run on every start. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one: name the schema
  // this connection writes to (a search_path in DATABASE_URL counts), so another schema's
  // migration tables in the same database are never mistaken for ours.
  const schema =
    database.dialect === 'postgres'
      ? (database.schema ??
        (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema)
      : undefined
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations(database.dialect) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest()
    if (!error) return (results ?? []).filter(r => r.status === 'Success').map(r => r.migrationName)
    // Kysely finds its tables by listing every schema's tables and asking has_schema_privilege of
    // each; a schema dropped by someone else mid-query (another process's tests, an admin) makes
    // that one query fail with 3F000, with 42P01 naming a table of that other schema, or with
    // 42703 from pg_get_serial_sequence (the listing asks each column's sequence of a table being
    // dropped). Nothing was migrated then, so asking again is safe.
    if (!isOtherSchemaDroppedMidQuery(error, schema) || attempt >= 5)
      throw error instanceof Error ? error : new Error(String(error))
  }
}

/** Whether a failed migration run met another schema being dropped while Kysely listed tables (safe to run again). */
export function isOtherSchemaDroppedMidQuery(error: unknown, ours: string | undefined): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown | undefined }).code
  if (code === '3F000') return true
  // Only Kysely's listing of tables calls pg_get_serial_sequence; a migration's own missing column is a real fault.
  if (code === '42703' && (error as { routine?: unknown }).routine === 'pg_get_serial_sequence') return true
  // A missing table of our own schema is a real fault in a migration: never retried.
  const table = /relation "([^".]+)\.[^"]+" does not exist/.exec(error.message)
  return code === '42P01' && table !== null && table[1] !== ours
}

/** Whether an error is the engine refusing a duplicate key, in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown | undefined }).code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
