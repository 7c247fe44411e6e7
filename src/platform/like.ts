// Searching text for a literal piece with LIKE: the piece's own %, _ and \ are escaped, and the
// query must say `escape '\'` (SQLite has no default escape character; PostgreSQL's is \).

/** A LIKE pattern matching any text that contains `text` literally; use with `escape '\'`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`
}
