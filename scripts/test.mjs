// Runs every test file with node's test runner through tsx. Unit and route tests sit
// beside the code (src/**/*.test.ts[x]); cross-part tests live in test/.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) find(path, out)
    else if (/\.test\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

// A file whose first line says `// test-database: none` never touches the test database (its
// servers keep their own SQLite files), so a PostgreSQL pass would only repeat it: that pass
// leaves it out, saying so. Files named on the command line always run.
const usesNoTestDatabase = file => readFileSync(file, 'utf8').startsWith('// test-database: none')

const only = process.argv.slice(2)
const postgres = Boolean(process.env.TEST_DATABASE_URL)
const all = only.length ? only : [...find('src'), ...find('client'), ...find('test')].sort()
const left = postgres && !only.length ? all.filter(usesNoTestDatabase) : []
const files = all.filter(file => !left.includes(file))
// The runtime is named because CI runs one pass on Node 20 and the other on Node 26.
console.log(`Running ${files.length} test files on ${postgres ? 'PostgreSQL' : 'SQLite'} with Node ${process.version}`)
if (left.length)
  console.log(`Left out, as they never touch the test database (the SQLite pass runs them): ${left.join(', ')}`)
// A test that hangs fails after ten minutes rather than holding up the whole run.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...files],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
