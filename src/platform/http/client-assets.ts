// Browser islands (client/) served at fingerprinted addresses. `npm run build` bundles them once
// into dist/client-bundles (writeClientBundles), so the compiled server only reads them at start;
// run from the sources (tests, `npm run newsreel`), the server bundles them itself, once per process.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { serveAsset } from './static-assets.js'

/** Every island the server serves, as paths under client/: the build bundles exactly these. */
export const CLIENT_SCRIPTS = [
  'editor/main.ts',
  'interviews/transcript.ts',
  'newsletter/signup.ts',
  'newsroom/autosave.ts',
  'newsroom/combobox.ts',
  'newsroom/media-page.ts',
  'player/hls.ts',
  'player/main.ts',
  'podcast-player/main.ts',
  'search/typeahead.ts',
] as const

/** An island's entry file under client/. */
export type ClientScript = (typeof CLIENT_SCRIPTS)[number]

const CLIENT = new URL('../../../client/', import.meta.url)
// Beside client/ in dist/ when the build made it; absent when the server runs from the sources.
const PREBUILT = new URL('../../../client-bundles/', import.meta.url)
const MANIFEST = 'manifest.json'
const bundles = new Map<string, Promise<string>>()

/** Serves the island `client/<entry>` as `name`; returns its address. */
export async function serveClientScript(app: FastifyInstance, entry: ClientScript, name: string): Promise<string> {
  if (bundles.size === 0) startBundles()
  const code = bundles.get(entry)
  if (!code) throw new Error(`client/${entry} is not in CLIENT_SCRIPTS`)
  return serveAsset(app, name, 'text/javascript; charset=utf-8', await code)
}

/**
 * Reads the build's bundles, or starts bundling every island at once: the app asks for them one
 * after another, and esbuild makes them side by side while the server goes on starting.
 */
function startBundles(): void {
  const fromBuild = prebuilt()
  for (const entry of CLIENT_SCRIPTS) {
    const code = fromBuild ? new Promise<string>(read => read(readPrebuilt(entry))) : bundle(entry)
    // Whoever asks for the island sees its failure; an island no one asked for yet must not crash the process.
    code.catch(() => {})
    bundles.set(entry, code)
  }
}

/** Serves a stylesheet from client/; returns its address. */
export function serveClientStylesheet(app: FastifyInstance, file: string, name: string): string {
  return serveAsset(app, name, 'text/css; charset=utf-8', readFileSync(new URL(file, CLIENT)))
}

/** Bundles every island into `dir` with a manifest naming them (the build step, for the compiled server). */
export async function writeClientBundles(dir: string): Promise<void> {
  // Side by side: esbuild makes them on every core.
  const bundled = await Promise.all(CLIENT_SCRIPTS.map(async entry => ({ entry, code: await bundle(entry) })))
  for (const { entry, code } of bundled) {
    const path = `${dir}/${bundledName(entry)}`
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, code)
  }
  // Written last: a build that failed halfway leaves no manifest, and the server bundles for itself.
  writeFileSync(`${dir}/${MANIFEST}`, `${JSON.stringify(CLIENT_SCRIPTS, null, 2)}\n`)
}

let hasPrebuilt: boolean | undefined

function prebuilt(): boolean {
  if (hasPrebuilt === undefined) {
    try {
      const listed = JSON.parse(readFileSync(new URL(MANIFEST, PREBUILT), 'utf8')) as string[]
      const missing = CLIENT_SCRIPTS.filter(entry => !listed.includes(entry))
      if (missing.length > 0)
        throw new Error(`dist/client-bundles lacks ${missing.join(', ')}: run \`npm run build\` again`)
      hasPrebuilt = true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      hasPrebuilt = false
    }
  }
  return hasPrebuilt
}

function readPrebuilt(entry: ClientScript): string {
  return readFileSync(new URL(bundledName(entry), PREBUILT), 'utf8')
}

function bundledName(entry: ClientScript): string {
  return entry.replace(/\.ts$/, '.js')
}

async function bundle(entry: ClientScript): Promise<string> {
  // Loaded only here: the compiled server, which reads the build's bundles, never starts esbuild.
  const { bundleClient } = await import('../../../client/build.js')
  return (await bundleClient(fileURLToPath(new URL(entry, CLIENT)))).code
}
