// `npm run bench [-- name...]`: runs every bench (or the named ones), prints its figures and
// writes bench-results.json.
import { benchFirstStart } from './first-start.js'
import { benchMedia } from './media.js'
import { benchNewsletter } from './newsletter.js'
import { benchReadingSite } from './reading-site.js'
import { benchInterviews } from './interviews.js'
import { benchSearch } from './search.js'
import { benchRestart } from './restart.js'
import { recordResults, type BenchRow } from './results.js'

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  'reading-site': benchReadingSite,
  interviews: benchInterviews,
  media: benchMedia,
  newsletter: benchNewsletter,
  search: benchSearch,
  'first-start': benchFirstStart,
  restart: benchRestart,
}

const asked = process.argv.slice(2)
const unknown = asked.filter(name => !(name in BENCHES))
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}; the benches are: ${Object.keys(BENCHES).join(', ')}.`)
  process.exit(64)
}

const rows: BenchRow[] = []
for (const [name, bench] of Object.entries(BENCHES)) {
  if (asked.length > 0 && !asked.includes(name)) continue
  console.log(`\n== ${name}`)
  const benchRows = await bench()
  // Written after each bench, so a later one failing keeps the figures already measured.
  recordResults(benchRows)
  rows.push(...benchRows)
}
console.log('\nbench-results.json:')
for (const r of rows)
  console.log(
    `  ${r.name}: ${r.value} ${r.unit}${r.baseline !== null ? ` (baseline ${r.baseline}, ratio ${r.ratio})` : ''}`,
  )
