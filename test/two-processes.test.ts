// Two app instances on one database and the machine's Redis, as when Newsreel runs several
// processes behind a load balancer: a change announced in one drops the other's cached page.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { probe, redisSkip, TEST_REDIS_URL } from './redis-helpers.js'
import { buildApp, type Newsreel } from '../src/app.js'
import { connectRedisRelay, type RedisRelay } from '../src/platform/redis-relay.js'
import { testApp } from './helpers.js'
import { makeStory } from './factories.js'

const redisUrl = TEST_REDIS_URL
const unreachable = await probe(redisUrl)
const skip = redisSkip(unreachable)

describe('two processes sharing Redis', { skip }, () => {
  const channel = `newsreel:test:${randomBytes(6).toString('hex')}`
  let a: Awaited<ReturnType<typeof testApp>>
  let b: Newsreel
  const relays: RedisRelay[] = []
  let storyId = 0

  before(async () => {
    if (unreachable) throw new Error(`Redis is not reachable at ${new URL(redisUrl).host}: ${unreachable}`)
    a = await testApp()
    // The same configuration is the same database: a second process of one site.
    b = await buildApp(a.config)
    for (const app of [a, b]) {
      relays.push(
        await connectRedisRelay(app.events, {
          url: redisUrl,
          channel,
          log: app.app.log,
          onResync: () => app.cache.clear(),
        }),
      )
    }
    const story = await makeStory(a.database.db, { slug: 'shared', title: 'First headline' })
    storyId = story.id
  })
  after(async () => {
    await Promise.all(relays.map(relay => relay.close()))
    await b?.close()
    await a?.dispose()
  })

  it('the second drops its cached page when the first publishes a change', async () => {
    assert.ok((await b.app.inject('/stories/shared')).body.includes('First headline'))
    const cached = await b.app.inject('/stories/shared')
    assert.equal(cached.headers['x-cache'], 'hit')

    await a.database.db.updateTable('stories').set({ title: 'Second headline' }).where('id', '=', storyId).execute()
    assert.ok((await b.app.inject('/stories/shared')).body.includes('First headline'), 'still cached before the event')
    a.events.emit({ tags: [`story:${storyId}`] })

    const deadline = Date.now() + 2000
    for (;;) {
      const res = await b.app.inject('/stories/shared')
      if (res.headers['x-cache'] !== 'hit') {
        assert.ok(res.body.includes('Second headline'), 'the fresh render shows the new title')
        break
      }
      assert.ok(Date.now() < deadline, 'B still served its cached page 2 s after A published the change')
      await new Promise(resolve => setTimeout(resolve, 10))
    }
  })
})
