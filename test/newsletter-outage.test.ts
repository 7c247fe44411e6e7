// "A relay outage is not the readers' fault": a real worker process sends a 2,000-subscriber
// campaign, and part-way the real SMTP server goes down for 60 seconds (it stops listening and
// answers 421 to what its open connections ask next, as a relay shutting down does), then comes
// back on the same port. The send pauses, tries again with its backoff, and carries on by itself:
// every subscriber gets the campaign exactly once, no delivery is failed, the campaign ends sent.
// Then again with the worker SIGKILLed while the campaign is paused: a new worker resumes it.
// NEWSLETTER_RELAY_PATIENCE_MINUTES=2 makes the wait between tries at most 10 s (a twelfth of the
// patience), so the test sees the relay back within seconds while the outage itself stays 60 s.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { testDatabase } from './helpers.js'
import { startSmtpServer, type ReceivedMail, type TestSmtp } from './smtp-helpers.js'
import { killHard, startWorker } from './process-helpers.js'
import { makeList, makeScheduledCampaign, makeSubscribers } from './newsletter-factories.js'
import { deliveryFigures, findCampaignById, type Campaign } from '../src/newsletter/index.js'

const SUBSCRIBERS = 2000
const CONNECTIONS = 4
const OUTAGE_MS = 60_000

describe('a newsletter send through a mail relay that goes down for a minute', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  let smtp: TestSmtp
  let port = 0
  // What every incarnation of the relay received.
  const received: ReceivedMail[] = []
  const workers: ChildProcess[] = []

  const relayUp = async () => {
    smtp = await startSmtpServer({ port, acceptDelayMs: 2 })
    port = smtp.port
  }
  /** Stops listening (new connections are refused); open connections get 421 at their next command. */
  const relayDown = async () => {
    await smtp.close()
    received.push(...smtp.received.splice(0))
  }
  const allReceived = () => [...received, ...smtp.received]

  before(async () => {
    database = await testDatabase()
    await relayUp()
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
    NEWSLETTER_RELAY_PATIENCE_MINUTES: '2',
    LOG_LEVEL: 'error',
  })
  const worker = async () => {
    const child = await startWorker(database, env())
    workers.push(child)
    return child
  }
  const campaignNow = async (id: number): Promise<Campaign> => (await findCampaignById(database.db, id))!

  async function waitFor(what: string, done: () => Promise<boolean> | boolean, ms: number): Promise<void> {
    const deadline = Date.now() + ms
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }

  /** Starts the send, takes the relay down a third of the way in; answers the campaign and when the outage began. */
  async function sendIntoOutage(subject: string) {
    const list = await makeList(database.db)
    const addresses = await makeSubscribers(database.db, list.id, SUBSCRIBERS, {
      prefix: `reader-${subject.length}-${list.id}`,
    })
    const campaign = await makeScheduledCampaign(database.db, list.id, { subject })
    const before = allReceived().length
    const first = await worker()
    await waitFor('a third of the send', () => allReceived().length - before >= SUBSCRIBERS / 3, 90_000)
    const downAt = Date.now()
    await relayDown()
    await waitFor('the send to pause', async () => (await campaignNow(campaign.id)).pause !== null, 30_000)
    const paused = await campaignNow(campaign.id)
    assert.equal(paused.status, 'sending')
    assert.ok(paused.pause?.nextTryAt, 'a next try is set')
    assert.ok(allReceived().length - before < SUBSCRIBERS, 'paused before the end')
    const mid = await deliveryFigures(database.db, campaign.id)
    assert.equal(mid.failed, 0, 'nobody failed for the relay’s outage')
    return { campaign, addresses, first, downAt }
  }

  /** Brings the relay back once it has been down for OUTAGE_MS, then waits for the campaign to be sent. */
  async function outageEnds(campaignId: number, downAt: number) {
    await new Promise(resolve => setTimeout(resolve, Math.max(0, downAt + OUTAGE_MS - Date.now())))
    const stillPaused = await campaignNow(campaignId)
    assert.ok(stillPaused.pause, 'still paused after a minute down')
    assert.ok(
      stillPaused.pause.failures >= 2,
      `tried again during the outage (${stillPaused.pause.failures} failed tries)`,
    )
    await relayUp()
    await waitFor('the campaign to be sent', async () => (await campaignNow(campaignId)).status === 'sent', 90_000)
  }

  function assertEveryoneOnce(campaign: Campaign, addresses: string[]) {
    const counts = new Map<string, number>()
    for (const mail of allReceived()) {
      if (!mail.headers.get('message-id')?.startsWith(`<newsletter.${campaign.id}.`)) continue
      for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1)
    }
    const missing = addresses.filter(a => !counts.has(a))
    const twice = [...counts].filter(([, n]) => n > 1)
    assert.deepEqual(missing, [], 'every subscriber got the campaign')
    assert.deepEqual(twice, [], 'nobody got it twice')
    assert.equal(counts.size, SUBSCRIBERS)
  }

  async function assertSent(campaign: Campaign) {
    const figures = await deliveryFigures(database.db, campaign.id)
    assert.deepEqual(
      [figures.sent, figures.failed, figures.unknown, figures.queued, figures.sending],
      [SUBSCRIBERS, 0, 0, 0, 0],
      JSON.stringify(figures),
    )
    const done = await campaignNow(campaign.id)
    assert.equal(done.status, 'sent')
    assert.equal(done.pause, null, 'the pause is over')
  }

  it('pauses while the relay is down and carries on by itself when it is back: everyone once, nobody failed', async () => {
    const { campaign, addresses, first, downAt } = await sendIntoOutage('Outage issue')
    await outageEnds(campaign.id, downAt)
    first.kill('SIGTERM')
    await new Promise(resolve => first.once('exit', resolve))
    assertEveryoneOnce(campaign, addresses)
    await assertSent(campaign)
  })

  it('a worker SIGKILLed while the send is paused is replaced by a new one that resumes it', async () => {
    const { campaign, addresses, first, downAt } = await sendIntoOutage('Outage issue, killed')
    await killHard(first)
    const second = await worker()
    await outageEnds(campaign.id, downAt)
    second.kill('SIGTERM')
    await new Promise(resolve => second.once('exit', resolve))
    assertEveryoneOnce(campaign, addresses)
    await assertSent(campaign)
  })
})
