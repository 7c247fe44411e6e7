// Column types that differ between SQLite and PostgreSQL, named once.
import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely'
import type { Dialect } from '../dialect.js'

/** Timestamps: timestamptz on PostgreSQL; ISO-8601 text on SQLite (which sorts correctly). */
export function timestampType(dialect: Dialect) {
  return dialect === 'postgres' ? 'timestamptz' : 'text'
}

/** Adds an auto-incrementing integer primary key named id. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement())
}
