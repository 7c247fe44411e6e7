// Sending a campaign through a real SMTP server: every confirmed subscriber of the list gets it
// once with their own unsubscribe headers and links; nobody else does; temporary refusals are
// retried, permanent ones recorded; a run that died mid-message leaves that message "unknown".
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { makeList, makeScheduledCampaign, makeSubscribers } from './newsletter-factories.js'
import { deliveryFigures, findCampaignById, moveCampaign } from '../src/newsletter/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

describe('sending a campaign', () => {
  let t: TestApp
  let smtp: TestSmtp
  // Addresses the server refuses: once with 451 (then accepts), or always with 550.
  const refuseOnce = new Set<string>()
  const refuseAlways = new Set<string>()

  before(async () => {
    smtp = await startSmtpServer({
      refuse: address => {
        if (refuseAlways.has(address)) return { code: 550, message: 'No such mailbox' }
        if (refuseOnce.delete(address)) return { code: 451, message: 'Try again later' }
        return undefined
      },
    })
    t = await testApp({ smtpUrl: smtp.url, runJobs: false, mailFrom: 'The Long View <news@longview.example>' })
  })
  after(async () => {
    await t.dispose()
    await smtp.close()
  })

  const db = () => t.database.db
  const runUntilIdle = async () => {
    while ((await t.jobs.runDueJobs()) > 0) {
      /* run again: a finished pass may have queued the next */
    }
  }

  it('reaches every confirmed subscriber of the list exactly once, with one-click unsubscribe headers and their own links', async () => {
    const list = await makeList(db())
    const other = await makeList(db())
    const readers = await makeSubscribers(db(), list.id, 40)
    const pending = await makeSubscribers(db(), list.id, 3, { status: 'pending' })
    const left = await makeSubscribers(db(), list.id, 3, { status: 'unsubscribed' })
    const elsewhere = await makeSubscribers(db(), other.id, 3)
    const campaign = await makeScheduledCampaign(db(), list.id, { subject: 'Week 47: the river film' })
    await runUntilIdle()

    for (const address of readers) assert.equal(smtp.to(address).length, 1, address)
    for (const address of [...pending, ...left, ...elsewhere]) assert.equal(smtp.to(address).length, 0, address)
    const mail = smtp.to(readers[0]!)[0]!
    assert.equal(mail.headers.get('subject'), 'Week 47: the river film')
    assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
    const unsubscribe = /^<(https:\/\/news\.example\.org\/newsletter\/unsubscribe\?s=(\d+)&c=(\d+)&sig=[\w-]+)>$/.exec(
      mail.headers.get('list-unsubscribe') ?? '',
    )
    assert.ok(unsubscribe, mail.headers.get('list-unsubscribe'))
    assert.equal(Number(unsubscribe[3]), campaign.id)
    assert.match(
      mail.headers.get('message-id') ?? '',
      new RegExp(`^<newsletter\\.${campaign.id}\\.${unsubscribe[2]}@longview\\.example>$`),
    )
    assert.match(mail.headers.get('list-id') ?? '', /<list-.*@?.*longview\.example>$/)
    assert.match(mail.headers.get('content-type') ?? '', /multipart\/alternative/)
    // Each copy carries its own unsubscribe link, in the HTML (quoted-printable folds it) and the text part.
    const unfolded = mail.raw
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=')
      .replace(/&amp;/g, '&')
    assert.ok(unfolded.includes(unsubscribe[1]!), 'the body links to the same unsubscribe address')
    assert.ok(
      unfolded.includes('Hello, readers &amp; friends &lt;3') || unfolded.includes('Hello, readers & friends <3'),
    )
    assert.ok(!smtp.to(readers[1]!)[0]!.raw.includes(`s=${unsubscribe[2]}&`), 'another reader’s copy has another link')

    const figures = await deliveryFigures(db(), campaign.id)
    assert.equal(figures.sent, 40)
    assert.equal(figures.total, 40)
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')

    // The job running again (as after a crash right at the end) sends nobody anything.
    const before = smtp.received.length
    await t.database.db
      .updateTable('jobs')
      .set({ status: 'queued', run_at: new Date().toISOString() })
      .where('unique_key', '=', `newsletter-send:${campaign.id}`)
      .execute()
    await runUntilIdle()
    assert.equal(smtp.received.length, before)
  })

  it('retries a temporary refusal later, and records a permanent one as failed', async () => {
    const list = await makeList(db())
    const [busy, gone, fine] = await makeSubscribers(db(), list.id, 3)
    refuseOnce.add(busy!)
    refuseAlways.add(gone!)
    const campaign = await makeScheduledCampaign(db(), list.id)
    await runUntilIdle()
    assert.equal(smtp.to(fine!).length, 1)
    assert.equal(smtp.to(busy!).length, 0)
    let figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.sent, figures.failed, figures.queued], [1, 1, 1])
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sending', 'not done while a retry waits')
    const failed = await db()
      .selectFrom('newsletter_deliveries')
      .select(['last_error'])
      .where('campaign_id', '=', campaign.id)
      .where('status', '=', 'failed')
      .executeTakeFirstOrThrow()
    assert.match(failed.last_error ?? '', /550|No such mailbox/)

    // The retry is due: the re-armed job sends it.
    const now = new Date().toISOString()
    await db()
      .updateTable('newsletter_deliveries')
      .set({ next_attempt_at: now })
      .where('campaign_id', '=', campaign.id)
      .where('status', '=', 'queued')
      .execute()
    await db()
      .updateTable('jobs')
      .set({ run_at: now })
      .where('unique_key', '=', `newsletter-send:${campaign.id}`)
      .execute()
    await runUntilIdle()
    assert.equal(smtp.to(busy!).length, 1)
    figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.sent, figures.failed, figures.queued], [2, 1, 0])
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')
  })

  it('never sends again a message an earlier run had handed over without hearing back', async () => {
    const list = await makeList(db())
    const readers = await makeSubscribers(db(), list.id, 5)
    const campaign = await makeScheduledCampaign(db(), list.id)
    // As if a run had started the send and died with the first message at the server.
    await moveCampaign(db(), campaign.id, ['scheduled'], 'sending', { startedAt: new Date().toISOString() })
    const subscribers = await db()
      .selectFrom('newsletter_subscribers')
      .select(['id', 'email'])
      .where('email', 'in', readers)
      .orderBy('id')
      .execute()
    await db()
      .insertInto('newsletter_deliveries')
      .values(
        subscribers.map((s, i) => ({
          campaign_id: campaign.id,
          subscriber_id: s.id,
          email: s.email,
          message_id: `<newsletter.${campaign.id}.${s.id}@longview.example>`,
          status: i === 0 ? ('sending' as const) : ('queued' as const),
          claimed_by: i === 0 ? 'a-run-that-died' : null,
          attempts: i === 0 ? 1 : 0,
          next_attempt_at: new Date().toISOString(),
        })),
      )
      .execute()
    await runUntilIdle()
    assert.equal(smtp.to(readers[0]!).length, 0)
    for (const address of readers.slice(1)) assert.equal(smtp.to(address).length, 1)
    const figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.sent, figures.unknown], [4, 1])
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')
  })
})
