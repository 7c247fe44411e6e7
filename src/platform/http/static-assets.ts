// Our own static files (stylesheets, icons, script bundles) at fingerprinted addresses,
// cached by browsers until they change, and served precompressed. Compressing at brotli's
// highest quality costs seconds for the script bundles, so a start never waits for it: an
// asset is first compressed at a quality that takes milliseconds, and, when a cache folder
// is set (`useAssetCache`, by `newsreel start`), its best compression is made once in the
// background and kept there under the content's hash, for every later start to read.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip as gzipAsync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { chooseEncoding } from './accept-encoding.js'

/** An asset's compressed bodies; replaced by better ones when the background compression ends. */
interface Compressed {
  br: Buffer
  gzip: Buffer
}

// Fast enough for every asset at start (about 0.3 s for all of them together, off the main
// thread), still within 15% of the best compression.
const QUICK_BROTLI = 5
const QUICK_GZIP = 6

const brotli = promisify(brotliCompress)
const gzip = promisify(gzipAsync)
const compressed = new Map<string, Promise<Compressed>>()
let cacheDir: string | undefined

/** Keeps assets' best compression in `dir` (e.g. DATA_DIR/cache/assets), made once per content. */
export function useAssetCache(dir: string): void {
  cacheDir = dir
}

/**
 * Serves `body` at /assets/<name>.<hash>.<ext> and returns that address. A `compressed` format
 * (woff2 is brotli inside) is sent as it is, never compressed a second time.
 */
export function serveAsset(
  app: FastifyInstance,
  file: string,
  type: string,
  body: Buffer | string,
  options: { compressed?: boolean } = {},
): string {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const digest = createHash('sha256').update(bytes).digest('hex')
  const hash = digest.slice(0, 12)
  const dot = file.lastIndexOf('.')
  const href = `/assets/${file.slice(0, dot)}.${hash}${file.slice(dot)}`
  if (options.compressed) {
    app.get(href, async (_request, reply) =>
      reply.header('content-type', type).header('cache-control', 'public, max-age=31536000, immutable').send(bytes),
    )
    return href
  }
  // Compressed on zlib's thread pool while the server starts; a request that comes first waits for it.
  const bodies = compressedBodies(digest, bytes)
  app.get(href, async (request, reply) => {
    const encoding = chooseEncoding(request.headers['accept-encoding'])
    const data = encoding ? (await bodies)[encoding] : bytes
    if (encoding) reply.header('content-encoding', encoding)
    return reply
      .header('content-type', type)
      .header('vary', 'Accept-Encoding')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(data)
  })
  return href
}

/** The asset's compressed bodies: remembered in this process, read from the cache, or made quickly now. */
function compressedBodies(digest: string, bytes: Buffer): Promise<Compressed> {
  let known = compressed.get(digest)
  if (!known) {
    known = readCached(digest).then(async cached => {
      if (cached) return cached
      const [br, gz] = await Promise.all([
        brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: QUICK_BROTLI } }),
        gzip(bytes, { level: QUICK_GZIP }),
      ])
      const quick = { br, gzip: gz }
      if (cacheDir) void compressBest(cacheDir, digest, bytes, quick)
      return quick
    })
    compressed.set(digest, known)
  }
  return known
}

async function readCached(digest: string): Promise<Compressed | undefined> {
  if (!cacheDir) return undefined
  try {
    const [br, gz] = await Promise.all([
      readFile(join(cacheDir, `${digest}.br`)),
      readFile(join(cacheDir, `${digest}.gz`)),
    ])
    return { br, gzip: gz }
  } catch {
    return undefined
  }
}

/** Still off the main thread: the best compression, swapped in and written to the cache for later starts. */
async function compressBest(dir: string, digest: string, bytes: Buffer, into: Compressed): Promise<void> {
  try {
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
      gzip(bytes, { level: 9 }),
    ])
    into.br = br
    into.gzip = gz
    await mkdir(dir, { recursive: true })
    // Written under a temporary name and renamed, so a start never reads half a file.
    for (const [ext, data] of [
      ['br', br],
      ['gz', gz],
    ] as const) {
      const path = join(dir, `${digest}.${ext}`)
      await writeFile(`${path}.${process.pid}.tmp`, data)
      await rename(`${path}.${process.pid}.tmp`, path)
    }
  } catch {
    // The quick compression keeps serving; the next start tries again.
  }
}
