import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { pino } from 'pino'
import { lazyChildLogger } from './logging.js'

/** A server whose log lines are kept, at `level`, with the lazy per-request child logger. */
function serverLogging(level: string) {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
      done()
    },
  })
  const app = Fastify({ loggerInstance: pino({ level }, stream), childLoggerFactory: lazyChildLogger })
  app.get('/', async request => {
    request.log.info('an info entry')
    request.log.warn({ story: 7 }, 'a warning about %s', 'this story')
    request.log.child({ part: 'render' }).error('a failure in a part')
    return 'ok'
  })
  return { app, lines }
}

describe('the per-request logger', () => {
  it('writes entries at enabled levels with the request id, its fields and the bindings of a child', async () => {
    const { app, lines } = serverLogging('warn')
    const res = await app.inject({ url: '/', headers: { 'request-id': 'x' } })
    assert.equal(res.statusCode, 200)
    const warning = lines.find(l => l.msg === 'a warning about this story')
    assert.ok(warning, JSON.stringify(lines))
    assert.equal(warning.level, 40)
    assert.equal(warning.story, 7)
    assert.match(String(warning.reqId), /^req-/)
    const failure = lines.find(l => l.msg === 'a failure in a part')
    assert.equal(failure?.part, 'render')
    assert.equal(failure?.reqId, warning.reqId)
    // Below the level nothing is written: neither the route's info entry nor Fastify's own.
    assert.deepEqual(
      lines.filter(l => Number(l.level) < 40),
      [],
    )
    await app.close()
  })

  it('at info writes Fastify’s request entries and the route’s, each with its own request’s id', async () => {
    const { app, lines } = serverLogging('info')
    await app.inject({ url: '/' })
    await app.inject({ url: '/' })
    const infos = lines.filter(l => l.msg === 'an info entry')
    assert.equal(infos.length, 2)
    assert.notEqual(infos[0]?.reqId, infos[1]?.reqId)
    assert.equal(lines.filter(l => l.msg === 'request completed').length, 2)
    await app.close()
  })
})
