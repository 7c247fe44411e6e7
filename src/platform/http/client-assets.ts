// Browser islands (client/) bundled once per process and served at fingerprinted addresses.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { bundleClient } from '../../../client/build.js'
import { serveAsset } from './static-assets.js'

const CLIENT = new URL('../../../client/', import.meta.url)
const bundles = new Map<string, Promise<string>>()

/** Bundles `client/<entry>` (once per process, since tests build many apps) and serves it; returns its address. */
export async function serveClientScript(app: FastifyInstance, entry: string, name: string): Promise<string> {
  let code = bundles.get(entry)
  if (!code) {
    code = bundleClient(fileURLToPath(new URL(entry, CLIENT))).then(b => b.code)
    bundles.set(entry, code)
  }
  return serveAsset(app, name, 'text/javascript; charset=utf-8', await code)
}

/** Serves a stylesheet from client/; returns its address. */
export function serveClientStylesheet(app: FastifyInstance, file: string, name: string): string {
  return serveAsset(app, name, 'text/css; charset=utf-8', readFileSync(new URL(file, CLIENT)))
}
