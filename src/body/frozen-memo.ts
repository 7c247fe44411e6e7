// Results kept for the parts of a shared stored body (shared-body.ts), which are frozen and so
// never change: a public page rendered request after request works out each only once.

/**
 * `compute`, with its result kept beside each frozen argument for as long as that argument lives
 * (a WeakMap, so a body dropped from the shared ones takes its results with it). An argument
 * that is not frozen, such as a body being edited, is computed every time.
 */
export function keptForFrozen<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>()
  return key => {
    if (!Object.isFrozen(key)) return compute(key)
    if (kept.has(key)) return kept.get(key) as V
    const value = compute(key)
    kept.set(key, value)
    return value
  }
}
