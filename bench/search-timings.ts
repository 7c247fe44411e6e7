// The search bench's summary of its timings: p50, p95 against its target, and the slowest query
// (the median of its rounds, so one stall of a busy machine does not make it) against its own.
import { round, type BenchRow } from './results.js'

const TARGET_P95_MS = 10
const TARGET_WORST_MS = 25

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

const sortedOf = (ms: number[]) => [...ms].sort((a, b) => a - b)

/** Prints the summary of every query's timings (by label), and returns its rows. */
export function summarizeTimings(
  perQuery: Map<string, number[]>,
  queryCount: number,
  rounds: number,
  suffix: string,
): BenchRow[] {
  const sorted = sortedOf([...perQuery.values()].flat())
  const p50 = percentile(sorted, 50)
  const p95 = percentile(sorted, 95)
  const [worstQuery, worst] = [...perQuery]
    .map(([q, ms]) => [q, percentile(sortedOf(ms), 50)] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as const)
  const slowest = [...perQuery]
    .map(([q, ms]) => [q, Math.max(...ms)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
  const vs = (ms: number, target: number) =>
    `${ms.toFixed(2)} ms (target ${target} ms, ratio ${(ms / target).toFixed(2)})`
  console.log(`${queryCount} queries × ${rounds}: p50 ${p50.toFixed(2)} ms, p95 ${vs(p95, TARGET_P95_MS)}`)
  console.log(`slowest query (median of ${rounds}): ${worstQuery.slice(0, 50)} ${vs(worst, TARGET_WORST_MS)}`)
  console.log(`slowest: ${slowest.map(([q, ms]) => `${q.slice(0, 50)} ${ms.toFixed(1)} ms`).join('; ')}`)
  const row = (name: string, value: number, target: number | null): BenchRow => ({
    name: `${name}${suffix}`,
    value: round(value, 2),
    unit: 'ms',
    baseline: target,
    ratio: target === null ? null : round(value / target, 2),
  })
  return [
    row('search-query-p50', p50, null),
    row('search-query-p95', p95, TARGET_P95_MS),
    row('search-query-worst', worst, TARGET_WORST_MS),
  ]
}
