// Bundles a browser island in memory at server start-up: no build step, no files on disk, and
// a content hash so the bundle can be served at an immutable, fingerprinted address.
import { createHash } from 'node:crypto'
import { build } from 'esbuild'

/** A bundled island: its JavaScript and the first 12 hex characters of the code's SHA-256. */
export interface ClientBundle {
  code: string
  hash: string
}

/** Bundles `entry` (e.g. client/editor/main.ts) with its imports into one minified ES module. */
export async function bundleClient(entry: string): Promise<ClientBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    // License comments stay in the code served to browsers, as the dependencies' licences ask.
    legalComments: 'inline',
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry}`)
  const code = output.text
  return { code, hash: createHash('sha256').update(code).digest('hex').slice(0, 12) }
}
