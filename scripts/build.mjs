// Compiles the server to plain JavaScript in dist/ for `npm start`: running compiled code needs
// about half the memory of compiling TypeScript on the fly (tsx), which the tests and `npm run
// newsreel` keep using. Takes a few seconds; run on every start. It makes three things:
//  - dist/src and dist/client, file for file, with the files the server reads beside its code;
//  - dist/src/server.js, the server as one bundle (our code and the pure-ESM packages with
//    many files), which dist/src/main.js loads: Node 20 spends about 0.4 s of a restart
//    finding, reading and linking the thousand modules the file-for-file tree is made of;
//  - dist/client-bundles, the browser islands bundled, so the server never runs esbuild at start.
// Any failure exits non-zero with what failed, so `npm start` stops before serving.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const OUT = 'dist'
// What the last build was made from; written last, so a build that failed leaves none.
const STAMP = join(OUT, '.built-from')
const isTest = name => /\.test\.tsx?$/.test(name)
// ES-module packages of many small files, cheaper to load inside the bundle; every other package
// (CommonJS, native, or finding its own files on disk) stays a plain import.
const BUNDLED_PACKAGES = new Set(['kysely', '@sinclair/typebox', 'preact', 'preact-render-to-string'])
const COMPILE_OPTIONS = {
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
}

function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) sources(path, out)
    else if (/\.tsx?$/.test(name) && !isTest(name)) out.push(path)
  }
  return out
}

// main.ts's bare imports (`import './platform/heap.js'`) are what must run before anything else
// loads. In the bundle the packages' imports would run ahead of them, so main.js loads them first,
// from the file-for-file tree, and the bundle imports those same files (one instance of each).
const LOADED_FIRST = [...readFileSync('src/main.ts', 'utf8').matchAll(/^import '(\.\/[^']+)'/gm)].map(m => m[1])

/** Keeps packages outside the bundle but the listed ones, and each file's own `import.meta.url`. */
const serverBundle = {
  name: 'server-bundle',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, args => {
      const parts = args.path.split('/')
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true }
    })
    builder.onResolve({ filter: /^\./ }, args => {
      const own = `./${relative(resolve('src'), resolve(args.resolveDir, args.path))}`
      return LOADED_FIRST.includes(own) ? { path: own, external: true } : undefined
    })
    // Code finds files beside it (stylesheets, client/) from its own address; in the bundle every
    // module lives in dist/src/, so each one's address becomes the one its file-for-file copy has.
    builder.onLoad({ filter: /\.tsx?$/ }, async args => {
      let contents = await readFile(args.path, 'utf8')
      if (contents.includes('import.meta.url')) {
        const own = `./${relative(resolve('src'), args.path).replace(/\.tsx?$/, '.js')}`
        contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`)
      }
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' }
    })
  },
}

/** A hash of everything the build reads: every file under src/ and client/, the lockfile, this script, Node's version. */
function inputsHash() {
  const hash = createHash('sha256').update(process.version)
  const add = path => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name))
    else hash.update(`${path}\0`).update(readFileSync(path))
  }
  for (const path of ['src', 'client', 'package-lock.json', 'scripts/build.mjs']) if (existsSync(path)) add(path)
  return hash.digest('hex')
}

const inputs = inputsHash()
if (process.argv.includes('--if-changed') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs) {
  console.log('dist/ is up to date with the sources.')
  process.exit(0)
}

try {
  rmSync(OUT, { recursive: true, force: true })
  await build({ ...COMPILE_OPTIONS, entryPoints: [...sources('src'), 'client/build.ts'], outdir: OUT, outbase: '.' })
  // Files the server reads beside its code (stylesheets, icons), and the browser islands' sources.
  cpSync('src', join(OUT, 'src'), {
    recursive: true,
    filter: path => statSync(path).isDirectory() || !/\.(tsx?|md)$/.test(path),
  })
  cpSync('client', join(OUT, 'client'), {
    recursive: true,
    filter: path => statSync(path).isDirectory() || !isTest(path),
  })
  await build({
    ...COMPILE_OPTIONS,
    entryPoints: [{ in: 'src/main.ts', out: 'server' }],
    outdir: join(OUT, 'src'),
    bundle: true,
    // The web app is imported only by `start`: it stays a chunk of its own, beside server.js.
    splitting: true,
    chunkNames: '[name]-[hash]',
    plugins: [serverBundle],
  })
  writeFileSync(
    join(OUT, 'src', 'main.js'),
    `// The compiled \`newsreel\` command (scripts/build.mjs): what main.ts loads first, then the bundle.
// Node 22 and later keep the compiled code of what it loads for the next start; Node 20 has no such cache.
${LOADED_FIRST.map(path => `import '${path}'\n`).join('')}import module from 'node:module'
module.enableCompileCache?.()
await import('./server.js')
`,
  )
  const { writeClientBundles } = await import(pathToFileURL(join(OUT, 'src/platform/http/client-assets.js')).href)
  await writeClientBundles(join(OUT, 'client-bundles'))
  writeFileSync(STAMP, inputs)
} catch (error) {
  console.error(`The build failed (scripts/build.mjs): ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
