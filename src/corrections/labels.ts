// The words a correction is shown under, on the page and in feeds.
import type { Correction } from './store.js'

/** "Correction" or "Clarification". */
export function correctionLabel(kind: Correction['kind']): string {
  return kind === 'clarification' ? 'Clarification' : 'Correction'
}
