// Moved addresses: what other code may use.
export type { MovedPathsTable } from './schema.js'
export { findMovedPath, recordMovedPath } from './store.js'
