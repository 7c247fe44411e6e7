// Compiles the server to plain JavaScript in dist/, file for file, for `npm start`: running
// compiled code needs about half the memory of compiling TypeScript on the fly (tsx), which
// the tests and `npm run newsreel` keep using. Takes a few seconds; run on every start.
import { build } from 'esbuild'
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const OUT = 'dist'
const isTest = name => /\.test\.tsx?$/.test(name)

function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) sources(path, out)
    else if (/\.tsx?$/.test(name) && !isTest(name)) out.push(path)
  }
  return out
}

rmSync(OUT, { recursive: true, force: true })
await build({
  entryPoints: [...sources('src'), 'client/build.ts'],
  outdir: OUT,
  outbase: '.',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
})
// Files the server reads beside its code (stylesheets, icons), and the browser islands'
// sources, which the server bundles for browsers when it starts.
cpSync('src', join(OUT, 'src'), {
  recursive: true,
  filter: path => statSync(path).isDirectory() || !/\.(tsx?|md)$/.test(path),
})
cpSync('client', join(OUT, 'client'), {
  recursive: true,
  filter: path => statSync(path).isDirectory() || !isTest(path),
})
