import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import { Type } from '@sinclair/typebox'
import { compilePendingSchemas, lazySchemaCompilers } from './lazy-schemas.js'

function server() {
  return Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } })
}

describe('route schemas compiled at first use', () => {
  it('validates, coerces and fills defaults as Fastify’s own compiler does, once the route is asked for', async () => {
    const app = server()
    app.post(
      '/things/:id',
      {
        schema: {
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          querystring: Type.Object({ page: Type.Integer({ default: 1 }) }),
          body: Type.Object({ title: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
        },
      },
      async request => ({ params: request.params, query: request.query, body: request.body }),
    )
    await app.ready()
    compilePendingSchemas() // what other tests left
    const ok = await app.inject({ method: 'POST', url: '/things/7', payload: { title: 'A', extra: 'dropped' } })
    assert.equal(ok.statusCode, 200)
    assert.deepEqual(ok.json(), { params: { id: 7 }, query: { page: 1 }, body: { title: 'A' } })
    assert.equal(compilePendingSchemas(), 0, 'the route compiled its three schemas on its first request')
    const bad = await app.inject({ method: 'POST', url: '/things/7?page=two', payload: { title: 'A' } })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.json().message, /querystring\/page must be integer/)
    const badBody = await app.inject({ method: 'POST', url: '/things/7', payload: { title: '' } })
    assert.equal(badBody.statusCode, 400)
    assert.match(badBody.json().message, /body\/title must NOT have fewer than 1 characters/)
    await app.close()
  })

  it('compiles nothing at start, and a route’s schemas once however many requests come', async () => {
    const app = server()
    compilePendingSchemas()
    app.get('/a', { schema: { querystring: Type.Object({ q: Type.Optional(Type.String()) }) } }, async () => 'a')
    app.get('/b', { schema: { querystring: Type.Object({ q: Type.Optional(Type.String()) }) } }, async () => 'b')
    await app.ready()
    await app.inject('/a?q=1')
    await app.inject('/a?q=2')
    // GET /b, and the HEAD routes Fastify adds beside each GET.
    assert.equal(compilePendingSchemas(), 3)
    await app.close()
  })

  it('serializes a response through its schema, compiled on the first reply', async () => {
    const app = server()
    app.get('/r', { schema: { response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async () => ({
      ok: true,
      secret: 'not listed',
    }))
    const reply = await app.inject('/r')
    assert.deepEqual(reply.json(), { ok: true })
    await app.close()
  })

  it('an invalid schema fails when compiled, and a header schema naming a header in capitals fails the start', async () => {
    const app = server()
    app.get(
      '/broken',
      { schema: { querystring: { type: 'object', properties: { q: { type: 'nonsense' } } } } },
      async () => 'x',
    )
    await app.ready()
    assert.throws(() => compilePendingSchemas(), /type must be JSON type|schema is invalid/)
    const broken = await app.inject('/broken')
    assert.equal(broken.statusCode, 500)
    await app.close()

    const headers = server()
    headers.get('/h', { schema: { headers: Type.Object({ 'Upload-Offset': Type.String() }) } }, async () => 'h')
    await assert.rejects(async () => headers.ready(), /name headers in lower case \(Upload-Offset\)/)
  })
})
