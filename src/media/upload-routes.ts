// Resumable uploads for staff, tus-style: POST starts one, PATCH appends a chunk at the
// stored offset, HEAD says how far it got, DELETE cancels. Chunks stream to storage.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Readable } from 'node:stream'
import { Type } from '@sinclair/typebox'
import type { Auth } from '../newsroom/index.js'
import { DomainError, InvalidInput } from '../platform/errors.js'
import type { Storage } from '../platform/storage/index.js'
import type { Db } from '../db/index.js'
import { imageUrl } from './urls.js'
import { cancelUpload, findOwnUpload, receiveChunk, startUpload, type ChunkResult } from './uploads.js'
import type { Upload, UploadMetadata } from './upload-store.js'
import type { Image } from './store.js'

const CHUNK_TYPE = 'application/offset+octet-stream'
const Params = Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{32}$' }) })
const Offset = Type.String({ pattern: '^[0-9]{1,16}$' })

/** Registers the upload API under /newsroom/api/uploads (editors and up). */
export function registerUploadRoutes(app: FastifyInstance, deps: { db: Db; storage: Storage; auth: Auth }): void {
  // In its own scope, so only these routes take a raw chunk stream as their body.
  app.register(async scope => {
    // The body is handed on as the request stream itself: never buffered, never size-limited by Fastify.
    scope.addContentTypeParser(CHUNK_TYPE, (_request, payload, done) => done(null, payload))

    scope.post(
      '/newsroom/api/uploads',
      {
        config: { auth: 'editor' },
        schema: {
          headers: Type.Object({
            'upload-length': Offset,
            'upload-metadata': Type.Optional(Type.String({ maxLength: 4000 })),
          }),
        },
      },
      async (request, reply) => {
        const staff = request.staff
        const headers = request.headers as { 'upload-length': string; 'upload-metadata'?: string }
        const meta = parseMetadata(headers['upload-metadata'] ?? '')
        const upload = await startUpload(deps, {
          accountId: staff.account.id,
          kind: meta.kind ?? '',
          filename: meta.filename ?? '',
          length: Number(headers['upload-length']),
          metadata: pick(meta),
        })
        const location = `/newsroom/api/uploads/${upload.id}`
        tusHeaders(reply, upload).code(201).header('location', location)
        return { upload: presentUpload(upload), location }
      },
    )

    scope.head(
      '/newsroom/api/uploads/:id',
      { config: { auth: 'editor' }, schema: { params: Params } },
      async (request, reply) => {
        const staff = request.staff
        const upload = await findOwnUpload(deps.db, (request.params as { id: string }).id, staff.account.id)
        return tusHeaders(reply, upload).code(200).send()
      },
    )

    scope.patch(
      '/newsroom/api/uploads/:id',
      {
        config: { auth: 'editor' },
        schema: { params: Params, headers: Type.Object({ 'upload-offset': Offset }) },
      },
      async (request, reply) => {
        const staff = request.staff
        if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== CHUNK_TYPE) {
          throw new DomainError('unsupported_media_type', `Send chunks as ${CHUNK_TYPE}.`)
        }
        const upload = await findOwnUpload(deps.db, (request.params as { id: string }).id, staff.account.id)
        const offset = Number((request.headers as { 'upload-offset': string })['upload-offset'])
        const result: ChunkResult = await receiveChunk(deps, { upload, offset, data: request.body as Readable })
        tusHeaders(reply, result.upload)
        if (result.upload.status !== 'complete') return reply.code(204).send()
        return {
          upload: presentUpload(result.upload),
          image: result.image ? presentUploadedImage(result.image) : null,
        }
      },
    )

    scope.delete(
      '/newsroom/api/uploads/:id',
      { config: { auth: 'editor' }, schema: { params: Params } },
      async (request, reply) => {
        const staff = request.staff
        const upload = await findOwnUpload(deps.db, (request.params as { id: string }).id, staff.account.id)
        await cancelUpload(deps, upload)
        return reply.code(204).send()
      },
    )
  })
}

/** An upload as the API shows it. */
function presentUpload(upload: Upload) {
  return {
    id: upload.id,
    kind: upload.kind,
    filename: upload.filename,
    length: upload.length,
    offset: upload.offset,
    status: upload.status,
    imageId: upload.imageId,
  }
}

/** The image a completed upload became, as the API shows it. */
function presentUploadedImage(image: Image) {
  return {
    id: image.id,
    url: imageUrl(image),
    width: image.width,
    height: image.height,
    variants: image.variants.length,
  }
}

function tusHeaders(reply: FastifyReply, upload: Upload): FastifyReply {
  return reply
    .header('tus-resumable', '1.0.0')
    .header('upload-offset', String(upload.offset))
    .header('upload-length', String(upload.length))
    .header('cache-control', 'no-store')
}

/** tus Upload-Metadata: comma-separated `key base64value` pairs. */
export function parseMetadata(header: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of header.split(',')) {
    const [key, value = ''] = pair.trim().split(/\s+/, 2)
    if (!key) continue
    if (!/^[a-z0-9_-]{1,40}$/i.test(key) || !/^[A-Za-z0-9+/=]*$/.test(value))
      throw new InvalidInput('Upload-Metadata is not valid: use comma-separated “key base64value” pairs.')
    out[key.toLowerCase()] = Buffer.from(value, 'base64').toString('utf8')
  }
  return out
}

function pick(meta: Record<string, string>): UploadMetadata {
  const out: UploadMetadata = {}
  if (meta.alt !== undefined) out.alt = meta.alt
  if (meta.caption !== undefined) out.caption = meta.caption.slice(0, 1000)
  if (meta.credit !== undefined) out.credit = meta.credit.slice(0, 300)
  if (meta.language !== undefined) out.language = meta.language.slice(0, 20)
  return out
}
