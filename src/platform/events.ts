// Content events: the one way a change tells caches (in this process and, through a
// relay such as Redis, in every other) which pages to drop.

/** Tags name what a page shows: `story:12`, `topic:3`, `list:stories`, `site`. */
export type CacheTag = string

export interface ContentChanged {
  tags: readonly CacheTag[]
}

type Listener = (event: ContentChanged) => void

/** An in-process publisher of content changes. */
export interface ContentEvents {
  /** Announces a change to every listener here and to the relay, if one is attached. */
  emit(event: ContentChanged): void
  /** Delivers a change that arrived from another process to local listeners only. */
  deliver(event: ContentChanged): void
  on(listener: Listener): () => void
  /** Sends every locally emitted change on, e.g. to Redis pub/sub. */
  setRelay(relay: (event: ContentChanged) => void): void
}

export function createContentEvents(): ContentEvents {
  const listeners = new Set<Listener>()
  let relay: ((event: ContentChanged) => void) | undefined
  const deliver = (event: ContentChanged) => {
    for (const listener of listeners) listener(event)
  }
  return {
    emit(event) {
      deliver(event)
      relay?.(event)
    },
    deliver,
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setRelay(next) {
      relay = next
    },
  }
}
