// Serves stored files. Nothing stored is ever rendered as HTML: the content type comes
// from a short list of media types, with nosniff and a sandboxing policy on every file.
// Byte ranges let video players seek; validators let browsers revalidate cheaply.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { isSafeKey, type Storage, type StoredFileInfo } from '../platform/storage/index.js'
import { NotFound } from '../platform/errors.js'

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  vtt: 'text/vtt; charset=utf-8',
}
const IMMUTABLE = 'public, max-age=31536000, immutable'
// A playlist may be rewritten while its ladder is being made, so it is revalidated.
const REVALIDATE = 'public, max-age=0, must-revalidate'

/** Stored files that are the newsroom's alone: unfinished uploads and the masters. */
const PRIVATE_PREFIXES = ['uploads/', 'videos/masters/', 'audio/masters/']

/** Registers GET /media/* for stored files. */
export function registerMediaRoutes(app: FastifyInstance, deps: { storage: Storage }): void {
  app.get(
    '/media/*',
    { schema: { params: Type.Object({ '*': Type.String({ maxLength: 300 }) }) }, compress: false },
    async (request, reply) => {
      const key = (request.params as { '*': string })['*']
      const extension = key.split('.').pop()?.toLowerCase() ?? ''
      const type = TYPES[extension]
      // Files still being received (uploads/) are never served, nor the masters the newsroom
      // uploaded (readers get the transcoded films and the normalised audio).
      if (!type || !isSafeKey(key) || PRIVATE_PREFIXES.some(prefix => key.startsWith(prefix)))
        throw new NotFound('file', key)
      const info = await deps.storage.stat(key)
      if (!info) throw new NotFound('file', key)
      const etag = `"${info.size.toString(16)}-${info.modifiedAt.getTime().toString(16)}"`
      reply
        .header('content-type', type)
        .header('accept-ranges', 'bytes')
        .header('etag', etag)
        .header('last-modified', info.modifiedAt.toUTCString())
        // Stored keys never change content: a new upload or variant gets a new key.
        .header('cache-control', extension === 'm3u8' ? REVALIDATE : IMMUTABLE)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header('content-disposition', 'inline')
        .header('x-content-type-options', 'nosniff')
      if (notModified(request, etag, info)) return reply.code(304).send()
      const range = wantedRange(request, etag, info)
      if (range === 'unsatisfiable') {
        return reply
          .code(416)
          .header('content-range', `bytes */${info.size}`)
          .header('content-type', 'text/plain; charset=utf-8')
          .send('')
      }
      if (range) {
        return reply
          .code(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${info.size}`)
          .header('content-length', range.end - range.start + 1)
          .send(deps.storage.read(key, range))
      }
      return reply.header('content-length', info.size).send(deps.storage.read(key))
    },
  )
}

function notModified(request: FastifyRequest, etag: string, info: StoredFileInfo): boolean {
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch !== undefined)
    return ifNoneMatch.split(',').some(tag => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
  const since = Date.parse(request.headers['if-modified-since'] ?? '')
  return Number.isFinite(since) && Math.floor(info.modifiedAt.getTime() / 1000) <= Math.floor(since / 1000)
}

/**
 * The one byte range asked for, 'unsatisfiable', or undefined for the whole file (no Range,
 * a stale If-Range, several ranges or a malformed header: all answered with a plain 200).
 */
export function wantedRange(
  request: Pick<FastifyRequest, 'headers'>,
  etag: string,
  info: StoredFileInfo,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const header = request.headers.range
  if (!header) return undefined
  const ifRange = request.headers['if-range']
  if (ifRange !== undefined && ifRange !== etag && ifRange !== info.modifiedAt.toUTCString()) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return undefined
  const size = info.size
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}
