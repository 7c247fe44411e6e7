// STYLE rule 1: a part is entered through its door (index.ts) only, and platform/ imports no part.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = resolve('src')
const SHARED = new Set(['platform', 'db'])

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

/** The part a file belongs to, or undefined for top-level files such as app.ts. */
function partOf(file: string): string | undefined {
  const segments = relative(SRC, file).split('/')
  return segments.length > 1 ? segments[0] : undefined
}

it('no part reaches into another part’s inner files, and platform imports no part', () => {
  const problems: string[] = []
  for (const file of files(SRC)) {
    const from = partOf(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), match[1] ?? '').replace(/\.js$/, '')
      const to = partOf(target + '.ts')
      if (!from || !to || from === to || SHARED.has(to) || !target.startsWith(SRC)) continue
      // db/ assembles the database interface from each part's table types.
      if (from === 'db' && target.endsWith('/schema')) continue
      if (from === 'platform') problems.push(`${relative(SRC, file)} (platform) imports the ${to} part`)
      else if (relative(join(SRC, to), target) !== 'index') problems.push(`${relative(SRC, file)} imports ${relative(SRC, target)} instead of ${to}/index`)
    }
  }
  assert.deepEqual(problems, [])
})
