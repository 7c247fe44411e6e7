// "A send survives a crash": a real worker process sending a 2,000-subscriber campaign is killed
// with SIGKILL part-way, and a new worker finishes it. The SMTP server must have received the
// campaign once for every subscriber recorded as sent, at most once for those recorded as
// unknown (no more of them than messages in flight), and never twice for anyone.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { testDatabase } from './helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { killHard, startWorker } from './process-helpers.js'
import { makeList, makeScheduledCampaign, makeSubscribers } from './newsletter-factories.js'
import { deliveryFigures, findCampaignById } from '../src/newsletter/index.js'

const SUBSCRIBERS = 2000
const CONNECTIONS = 4

describe('a newsletter send killed mid-way', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  let smtp: TestSmtp
  const workers: ChildProcess[] = []

  before(async () => {
    database = await testDatabase()
    // A little time per message, as a real relay takes, so the kill finds messages in flight.
    smtp = await startSmtpServer({ acceptDelayMs: 2 })
  })
  after(async () => {
    for (const worker of workers) await killHard(worker)
    await smtp.close()
    await database.dispose()
  })

  const env = () => ({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'The Long View <news@longview.example>',
    PUBLIC_URL: 'https://news.example.org',
    NEWSLETTER_SMTP_CONNECTIONS: String(CONNECTIONS),
    JOB_LEASE_SECONDS: '2',
  })

  async function waitFor(what: string, done: () => Promise<boolean> | boolean, ms: number): Promise<void> {
    const deadline = Date.now() + ms
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise(resolve => setTimeout(resolve, 25))
    }
  }

  it('reaches every subscriber exactly once, except the few in flight, who get it at most once', async () => {
    const list = await makeList(database.db)
    const addresses = await makeSubscribers(database.db, list.id, SUBSCRIBERS)
    const campaign = await makeScheduledCampaign(database.db, list.id, { subject: 'The crash-proof issue' })

    const first = await startWorker(database, env())
    workers.push(first)
    await waitFor('a third of the send', () => smtp.received.length >= SUBSCRIBERS / 3, 60_000)
    await killHard(first)
    const atKill = smtp.received.length
    assert.ok(atKill < SUBSCRIBERS, 'killed before the end')
    const mid = await deliveryFigures(database.db, campaign.id)
    assert.ok(mid.sending <= CONNECTIONS, `at most one message in flight per connection (${mid.sending})`)

    const second = await startWorker(database, env())
    workers.push(second)
    await waitFor(
      'the campaign to be sent',
      async () => (await findCampaignById(database.db, campaign.id))?.status === 'sent',
      120_000,
    )
    second.kill('SIGTERM')
    await new Promise(resolve => second.once('exit', resolve))

    const figures = await deliveryFigures(database.db, campaign.id)
    assert.equal(figures.total, SUBSCRIBERS)
    assert.equal(figures.sent + figures.unknown, SUBSCRIBERS, JSON.stringify(figures))
    assert.ok(figures.unknown <= CONNECTIONS, `unknown ${figures.unknown} ≤ messages in flight ${CONNECTIONS}`)

    const received = new Map<string, number>()
    for (const mail of smtp.received) for (const to of mail.to) received.set(to, (received.get(to) ?? 0) + 1)
    const twice = [...received].filter(([, n]) => n > 1)
    assert.deepEqual(twice, [], 'nobody got the campaign twice')
    const rows = await database.db
      .selectFrom('newsletter_deliveries')
      .select(['email', 'status'])
      .where('campaign_id', '=', campaign.id)
      .execute()
    for (const row of rows) {
      const n = received.get(row.email) ?? 0
      if (row.status === 'sent') assert.equal(n, 1, `${row.email} is recorded as sent`)
      else assert.ok(n <= 1, `${row.email} (${row.status}) got it at most once`)
    }
    assert.equal(received.size, smtp.received.length)
    assert.ok([...received.keys()].every(address => addresses.includes(address)))
    assert.ok(smtp.received.length >= SUBSCRIBERS - figures.unknown)
    const ids = new Set(smtp.received.map(m => m.headers.get('message-id')))
    assert.equal(ids.size, smtp.received.length, 'every message has its own Message-ID')
  })
})
