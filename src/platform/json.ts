// Reading JSON columns written by our own stores, defensively.

/** Parses a JSON column, falling back when a row holds something unreadable. */
export function parseJsonColumn<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}
