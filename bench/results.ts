// bench-results.json: every figure a bench prints, as rows later benches add to.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/** One measured figure; ratio is value / baseline. */
export interface BenchRow {
  name: string
  value: number
  unit: string
  baseline: number | null
  ratio: number | null
}

const FILE = 'bench-results.json'

/** Writes rows into bench-results.json in the working directory, replacing rows of the same name. */
export function recordResults(rows: BenchRow[]): void {
  const existing: BenchRow[] = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as BenchRow[]) : []
  const names = new Set(rows.map(r => r.name))
  writeFileSync(FILE, `${JSON.stringify([...existing.filter(r => !names.has(r.name)), ...rows], null, 2)}\n`)
}

/** Rounds for printing and storing. */
export function round(n: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
