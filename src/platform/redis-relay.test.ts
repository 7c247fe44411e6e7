// The Redis relay against the machine's Redis: each test group uses its own channel, so
// test files running at the same time never hear each other.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { probe, redisSkip, TEST_REDIS_URL } from '../../test/redis-helpers.js'
import { createContentEvents, type CacheTag, type ContentEvents } from './events.js'
import { connectRedisRelay, type RedisRelay } from './redis-relay.js'

const redisUrl = TEST_REDIS_URL
const unreachable = await probe(redisUrl)
const skip = redisSkip(unreachable)

/** One process's worth: events, what its listener heard, its warnings and resyncs. */
interface Node {
  events: ContentEvents
  heard: CacheTag[][]
  warnings: string[]
  resyncs: number
  relay: RedisRelay
}

async function node(channel: string): Promise<Node> {
  const events = createContentEvents()
  const n: Omit<Node, 'relay'> = { events, heard: [], warnings: [], resyncs: 0 }
  events.on(({ tags }) => n.heard.push([...tags]))
  const relay = await connectRedisRelay(events, {
    url: redisUrl,
    channel,
    log: { warn: (_obj, msg) => n.warnings.push(msg) },
    onResync: () => n.resyncs++,
  })
  return Object.assign(n, { relay })
}

describe('the Redis relay', { skip }, () => {
  const channel = `newsreel:test:${randomBytes(6).toString('hex')}`
  let a: Node
  let b: Node
  let admin: Redis

  before(async () => {
    if (unreachable) throw new Error(`Redis is not reachable at ${new URL(redisUrl).host}: ${unreachable}`)
    admin = new Redis(redisUrl)
    a = await node(channel)
    b = await node(channel)
  })
  after(async () => {
    await Promise.all([a?.relay.close(), b?.relay.close()])
    admin?.disconnect()
  })

  it('a change emitted in one process reaches the other once, and its own listener once', async () => {
    a.heard.length = b.heard.length = 0
    a.events.emit({ tags: ['story:1', 'list:stories'] })
    assert.deepEqual(a.heard, [['story:1', 'list:stories']], 'delivered locally at once')
    await waitFor(() => b.heard.length > 0)
    // Redis keeps publish order, so once this arrives A's own message has come back to it, and was dropped.
    await admin.publish(channel, JSON.stringify({ origin: 'test', tags: ['marker'] }))
    await waitFor(() => a.heard.length > 1 && b.heard.length > 1)
    assert.deepEqual(a.heard, [['story:1', 'list:stories'], ['marker']])
    assert.deepEqual(b.heard, [['story:1', 'list:stories'], ['marker']])
  })

  it('malformed messages on the channel are ignored with a warning', async () => {
    b.heard.length = 0
    b.warnings.length = 0
    const malformed = [
      'not json',
      '42',
      'null',
      '[]',
      JSON.stringify({ tags: ['story:1'] }),
      JSON.stringify({ origin: 'x' }),
      JSON.stringify({ origin: 'x', tags: 'story:1' }),
      JSON.stringify({ origin: 'x', tags: [1] }),
      JSON.stringify({ origin: 'x', tags: Array.from({ length: 1001 }, (_, i) => `story:${i}`) }),
      JSON.stringify({ origin: 'x', tags: ['a'.repeat(201)] }),
      JSON.stringify({ origin: 'x', resync: 'yes' }),
    ]
    for (const text of malformed) await admin.publish(channel, text)
    await admin.publish(channel, JSON.stringify({ origin: 'x', tags: ['fine'] }))
    await waitFor(() => b.heard.length > 0)
    assert.deepEqual(b.heard, [['fine']])
    assert.equal(b.warnings.filter(w => /malformed/.test(w)).length, malformed.length)
    assert.equal(b.resyncs, 0)
  })

  it('more tags than one message may carry are sent in several', async () => {
    b.heard.length = 0
    const tags = Array.from({ length: 2500 }, (_, i) => `story:${i}`)
    a.events.emit({ tags })
    await waitFor(() => b.heard.length === 3)
    assert.deepEqual(b.heard.flat(), tags)
  })

  it('a subscription cut off resubscribes and asks for a resync, since purges may have been missed', async () => {
    b.heard.length = 0
    await killConnection(admin, `newsreel-relay-sub-${b.relay.id}`)
    await waitFor(() => b.resyncs === 1, 5000)
    a.events.emit({ tags: ['story:2'] })
    await waitFor(() => b.heard.length > 0)
    assert.deepEqual(b.heard, [['story:2']])
  })

  it('a publisher cut off does not throw into the caller, and tells the others to resync once it is back', async () => {
    const resyncsBefore = b.resyncs
    await killConnection(admin, `newsreel-relay-pub-${a.relay.id}`)
    // Emit until the relay notices the connection is gone; none of these may throw.
    await waitFor(() => {
      a.events.emit({ tags: ['story:3'] })
      return a.warnings.some(w => /could not publish/.test(w))
    }, 5000)
    await waitFor(() => b.resyncs > resyncsBefore, 5000)
    assert.equal(a.resyncs, 0, 'its own subscription never dropped')
  })

  it('close() quits both connections and stops relaying', async () => {
    const c = await node(channel)
    const names = [`newsreel-relay-pub-${c.relay.id}`, `newsreel-relay-sub-${c.relay.id}`]
    const open = await clientNames(admin)
    assert.ok(
      names.every(n => open.includes(n)),
      'both connections are open, under their names',
    )
    await c.relay.close()
    await c.relay.close()
    b.heard.length = 0
    c.events.emit({ tags: ['after-close'] })
    assert.deepEqual(c.heard, [['after-close']], 'still delivered locally')
    await admin.publish(channel, JSON.stringify({ origin: 'test', tags: ['marker'] }))
    await waitFor(() => b.heard.length > 0)
    assert.deepEqual(b.heard, [['marker']], 'nothing relayed after close')
    await waitFor(async () => !(await clientNames(admin)).some(n => names.includes(n)))
  })
})

describe('the Redis relay without Redis', () => {
  it('refuses to start, and never repeats the URL (it may hold a password)', async () => {
    await assert.rejects(
      connectRedisRelay(createContentEvents(), { url: 'redis://:hunter2@127.0.0.1:1', log: { warn: () => undefined } }),
      (error: Error) => /could not connect/.test(error.message) && !error.message.includes('hunter2'),
    )
  })
})

async function clientNames(admin: Redis): Promise<string[]> {
  const list = String(await admin.client('LIST'))
  return [...list.matchAll(/\bname=(\S*)/g)].map(m => m[1] ?? '')
}

async function killConnection(admin: Redis, name: string): Promise<void> {
  const list = String(await admin.client('LIST'))
  const line = list.split('\n').find(l => l.includes(` name=${name} `))
  const id = line?.match(/\bid=(\d+)/)?.[1]
  assert.ok(id, `no Redis connection named ${name}`)
  await admin.client('KILL', 'ID', id)
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}
