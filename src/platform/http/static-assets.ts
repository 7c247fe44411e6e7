// Our own static files (stylesheets, icons, script bundles) at fingerprinted addresses,
// cached by browsers until they change, precompressed once at start.
import { createHash } from 'node:crypto'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { chooseEncoding } from './accept-encoding.js'

/** Serves `body` at /assets/<name>.<hash>.<ext> and returns that address. */
export function serveAsset(app: FastifyInstance, file: string, type: string, body: Buffer | string): string {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12)
  const dot = file.lastIndexOf('.')
  const href = `/assets/${file.slice(0, dot)}.${hash}${file.slice(dot)}`
  const gzip = gzipSync(bytes, { level: 9 })
  const br = brotliCompressSync(bytes)
  app.get(href, async (request, reply) => {
    const encoding = chooseEncoding(request.headers['accept-encoding'])
    const data = encoding === 'br' ? br : encoding === 'gzip' ? gzip : bytes
    if (encoding) reply.header('content-encoding', encoding)
    return reply
      .header('content-type', type)
      .header('vary', 'Accept-Encoding')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(data)
  })
  return href
}
