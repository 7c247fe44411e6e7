// A mail relay that fails is not the readers' fault: a send whose relay is down pauses (the
// campaign page says since when and when it tries next, on the newsroom's clock), stops after
// the patience and waits for an editor, and resumes without sending anyone anything twice.
// Only a recipient's own 5xx fails a delivery; editors retry failed ones, never sent or unknown
// ones. Real SMTP servers on 127.0.0.1, through the app as wired.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { makeList, makeScheduledCampaign, makeSubscribers } from './newsletter-factories.js'
import { deliveryFigures, findCampaignById, insertCampaign } from '../src/newsletter/index.js'
import { listAudit } from '../src/newsroom/index.js'
import { findJobByKey } from '../src/platform/jobs/index.js'
import { saveSettings } from '../src/settings/index.js'
import { ConfigError, loadConfig } from '../src/config.js'
import { formatZonedTime } from '../src/platform/time.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const BASE = '/newsroom/newsletter/campaigns'

describe('a newsletter send and a failing mail relay', () => {
  let t: TestApp
  let smtp: TestSmtp
  let port: number
  let editor: Browser
  // Addresses the server refuses for good, and whether it refuses every sender (a relay-wide refusal).
  const refuseAlways = new Set<string>()
  const deferOnce = new Set<string>()
  let refuseSender = false
  const received: TestSmtp['received'] = []

  const start = async () => {
    smtp = await startSmtpServer({
      port,
      refuse: address => {
        if (refuseAlways.has(address)) return { code: 550, message: 'No such mailbox' }
        if (deferOnce.delete(address)) return { code: 451, message: 'Greylisted, try again later' }
        return undefined
      },
      server: {
        onMailFrom(_address, _session, callback) {
          if (!refuseSender) return callback()
          callback(Object.assign(new Error('Relaying denied for this sender'), { responseCode: 550 }))
        },
      },
    })
    port = smtp.port
  }
  const stop = async () => {
    received.push(...smtp.received)
    await smtp.close()
  }
  const to = (address: string) => [...received, ...smtp.received].filter(m => m.to.includes(address))

  before(async () => {
    port = 0
    await start()
    t = await testApp({
      smtpUrl: smtp.url,
      runJobs: false,
      mailFrom: 'The Long View <news@longview.example>',
      newsletterRelayPatienceMs: 3_600_000,
    })
    editor = await signInAs(t, 'editor')
    await saveSettings(t.database.db, { timeZone: 'America/Chicago' })
  })
  after(async () => {
    await t.dispose()
    await smtp.close()
  })

  const db = () => t.database.db
  const get = (url: string, browser: Browser = editor) => t.app.inject({ url, headers: { cookie: browser.cookie } })
  const runUntilIdle = async () => {
    while ((await t.jobs.runDueJobs()) > 0) {
      /* run again: a finished pass may have queued the next */
    }
  }
  /** Makes the send job due now, as if its next try had come. */
  const nextTryIsDue = async (campaignId: number) => {
    await db()
      .updateTable('jobs')
      .set({ run_at: new Date().toISOString() })
      .where('unique_key', '=', `newsletter-send:${campaignId}`)
      .execute()
  }
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

  it('pauses on a relay that refuses connections, says so on the campaign page, stops after the patience and resumes when an editor asks', async () => {
    const list = await makeList(db())
    const readers = await makeSubscribers(db(), list.id, 5)
    const campaign = await makeScheduledCampaign(db(), list.id, { subject: 'The relay-down issue' })
    await stop()

    await runUntilIdle()
    let now = await findCampaignById(db(), campaign.id)
    assert.equal(now?.status, 'sending')
    assert.ok(now?.pause, 'paused')
    assert.ok(now.pause.nextTryAt && Date.parse(now.pause.nextTryAt) > Date.now(), 'a next try in the future')
    assert.match(now.pause.reason, /ECONNREFUSED/)
    let figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.queued, figures.failed, figures.unknown, figures.sent], [5, 0, 0, 0])
    const rows = await db()
      .selectFrom('newsletter_deliveries')
      .select('attempts')
      .where('campaign_id', '=', campaign.id)
      .execute()
    assert.ok(
      rows.every(r => r.attempts === 0),
      'a try that never reached a recipient is not counted against them',
    )
    // The next try is the send job's own time in the database, not a timer in this process.
    const job = await findJobByKey(db(), `newsletter-send:${campaign.id}`)
    assert.equal(job?.status, 'queued')
    assert.equal(job?.runAt, now.pause.nextTryAt)

    // The page tells the time on the newsroom's clock (Chicago), zone named.
    let page = await get(`${BASE}/${campaign.id}`)
    assert.equal(page.statusCode, 200)
    const onTheClock = /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} C[SD]T/.source
    assert.match(
      text(page.body),
      new RegExp(`Paused: mail server unreachable since ${onTheClock}, next try ${onTheClock}\\.`),
    )
    assert.ok(
      text(page.body).includes(
        `since ${formatZonedTime(now.pause.since, 'America/Chicago')}, next try ${formatZonedTime(now.pause.nextTryAt, 'America/Chicago')}.`,
      ),
    )
    assert.match(text(page.body), /Status: Paused/)
    assert.match(page.body, new RegExp(`action="${BASE}/${campaign.id}/retry"`))
    const listPage = await get(BASE)
    assert.match(text(listPage.body), /The relay-down issue.*Paused/)

    // Tries keep failing; once the relay has been down longer than the patience, the send stops trying.
    await nextTryIsDue(campaign.id)
    await runUntilIdle()
    now = await findCampaignById(db(), campaign.id)
    assert.equal(now?.pause?.failures, 2, 'a second failed try')
    await db()
      .updateTable('newsletter_campaigns')
      .set({ paused_since: new Date(Date.now() - 2 * 3_600_000).toISOString() })
      .where('id', '=', campaign.id)
      .execute()
    await nextTryIsDue(campaign.id)
    await runUntilIdle()
    now = await findCampaignById(db(), campaign.id)
    assert.equal(now?.status, 'sending')
    assert.equal(now?.pause?.nextTryAt, null, 'stopped trying')
    assert.notEqual(
      (await findJobByKey(db(), `newsletter-send:${campaign.id}`))?.status,
      'queued',
      'nothing comes back by itself',
    )
    figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.queued, figures.failed], [5, 0], 'still nobody failed')
    page = await get(`${BASE}/${campaign.id}`)
    assert.match(text(page.body), new RegExp(`Stopped: mail server unreachable since ${onTheClock}\\.`))
    assert.match(text(page.body), /Resume sending/)

    // The relay is back; an editor resumes the send.
    await start()
    const res = await postForm(t, editor, `${BASE}/${campaign.id}/retry`, {})
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    assert.equal(res.headers.location, `${BASE}/${campaign.id}?done=retried`)
    await runUntilIdle()
    for (const address of readers) assert.equal(to(address).length, 1, address)
    now = await findCampaignById(db(), campaign.id)
    assert.equal(now?.status, 'sent')
    assert.equal(now?.pause, null)
    const audit = (await listAudit(db(), 20)).find(
      a => a.action === 'campaign-retried' && a.subject === `newsletter-campaign:${campaign.id}`,
    )
    assert.deepEqual(audit?.detail, { requeued: 0, resumed: true })
  })

  it('a paused send goes on by itself at its next try once the relay answers, and the pause ends', async () => {
    const list = await makeList(db())
    const readers = await makeSubscribers(db(), list.id, 4)
    const campaign = await makeScheduledCampaign(db(), list.id)
    await stop()
    await runUntilIdle()
    assert.ok((await findCampaignById(db(), campaign.id))?.pause)
    await start()
    await runUntilIdle()
    assert.equal(to(readers[0]!).length, 0, 'not before its next try')
    await nextTryIsDue(campaign.id)
    await runUntilIdle()
    for (const address of readers) assert.equal(to(address).length, 1, address)
    const now = await findCampaignById(db(), campaign.id)
    assert.deepEqual([now?.status, now?.pause], ['sent', null])
  })

  it('a relay that refuses the sender pauses the send rather than failing every reader', async () => {
    const list = await makeList(db())
    const readers = await makeSubscribers(db(), list.id, 3)
    const campaign = await makeScheduledCampaign(db(), list.id)
    refuseSender = true
    try {
      await runUntilIdle()
    } finally {
      refuseSender = false
    }
    const paused = await findCampaignById(db(), campaign.id)
    assert.match(paused?.pause?.reason ?? '', /550 Relaying denied/)
    assert.equal((await deliveryFigures(db(), campaign.id)).failed, 0)
    await nextTryIsDue(campaign.id)
    await runUntilIdle()
    for (const address of readers) assert.equal(to(address).length, 1, address)
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')
  })

  it('a 5xx for one recipient fails that one only; an editor’s retry sends the failed one again and never a sent or unknown one', async () => {
    const list = await makeList(db())
    const readers = await makeSubscribers(db(), list.id, 6)
    const [gone, unknown, ...rest] = readers as [string, string, ...string[]]
    refuseAlways.add(gone)
    const campaign = await makeScheduledCampaign(db(), list.id)
    await runUntilIdle()
    let figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.sent, figures.failed, figures.queued], [5, 1, 0])
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')
    let page = await get(`${BASE}/${campaign.id}`)
    assert.match(text(page.body), /1 delivery failed\..*Retry the failed delivery/)
    assert.match(text(page.body), /550 No such mailbox/)
    // As if a crash had left one of them unknown: it may have arrived, so no retry may send it.
    await db()
      .updateTable('newsletter_deliveries')
      .set({ status: 'unknown' })
      .where('campaign_id', '=', campaign.id)
      .where('email', '=', unknown)
      .execute()
    const unknownBefore = to(unknown).length
    figures = await deliveryFigures(db(), campaign.id)

    // Bad requests are refused and change nothing.
    const contributor = await signInAs(t, 'contributor')
    assert.equal((await postForm(t, contributor, `${BASE}/${campaign.id}/retry`, {})).statusCode, 403)
    assert.equal((await postForm(t, editor, `${BASE}/${campaign.id}/retry`, {}, { csrf: false })).statusCode, 403)
    assert.equal((await postForm(t, editor, `${BASE}/not-a-number/retry`, {})).statusCode, 400)
    assert.equal((await postForm(t, editor, `${BASE}/999999/retry`, {})).statusCode, 404)
    const draft = await insertCampaign(
      db(),
      {
        listId: list.id,
        subject: 'A draft',
        preheader: '',
        template: 'standard',
        intro: { type: 'doc', content: [] },
        storyIds: [],
        documentaryIds: [],
      },
      null,
    )
    const refused = await postForm(t, editor, `${BASE}/${draft.id}/retry`, {})
    assert.equal(refused.statusCode, 409)
    assert.match(refused.body, /Only a campaign that has gone out/)
    assert.deepEqual(await deliveryFigures(db(), campaign.id), figures, 'nothing moved')
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')

    // The mailbox exists again; the editor retries.
    refuseAlways.delete(gone)
    const res = await postForm(t, editor, `${BASE}/${campaign.id}/retry`, {})
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sending')
    await runUntilIdle()
    assert.equal(to(gone).length, 1)
    for (const address of rest) assert.equal(to(address).length, 1, `${address} is not sent again`)
    assert.equal(to(unknown).length, unknownBefore, 'an unknown delivery is never sent again')
    figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual(
      [figures.sent, figures.failed, figures.unknown, figures.queued],
      [5, 0, 1, 0],
      'the retried one sent, the unknown one left alone',
    )
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')
    const audit = (await listAudit(db(), 50)).find(
      a => a.action === 'campaign-retried' && a.subject === `newsletter-campaign:${campaign.id}`,
    )
    assert.deepEqual(audit?.detail, { requeued: 1, resumed: false })

    // Nothing left to retry: a second click is refused.
    const again = await postForm(t, editor, `${BASE}/${campaign.id}/retry`, {})
    assert.equal(again.statusCode, 409)
    page = await get(`${BASE}/${campaign.id}`)
    assert.doesNotMatch(text(page.body), /Retry the failed/)
  })

  it('a temporary 4xx for one recipient is retried later, never counted as failed, and does not pause the send', async () => {
    const list = await makeList(db())
    const [busy, fine] = (await makeSubscribers(db(), list.id, 2)) as [string, string]
    deferOnce.add(busy)
    const campaign = await makeScheduledCampaign(db(), list.id)
    await runUntilIdle()
    let figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.sent, figures.failed, figures.queued], [1, 0, 1])
    assert.equal(to(fine).length, 1)
    const deferred = await db()
      .selectFrom('newsletter_deliveries')
      .select(['deferred_since', 'last_error'])
      .where('campaign_id', '=', campaign.id)
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow()
    assert.ok(deferred.deferred_since)
    assert.match(deferred.last_error ?? '', /451 Greylisted/)
    assert.equal((await findCampaignById(db(), campaign.id))?.pause, null)
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sending', 'not done while a retry waits')
    await db()
      .updateTable('newsletter_deliveries')
      .set({ next_attempt_at: new Date().toISOString() })
      .where('campaign_id', '=', campaign.id)
      .execute()
    await nextTryIsDue(campaign.id)
    await runUntilIdle()
    figures = await deliveryFigures(db(), campaign.id)
    assert.deepEqual([figures.sent, figures.failed, figures.queued], [2, 0, 0])
    assert.equal(to(busy).length, 1)
    assert.equal((await findCampaignById(db(), campaign.id))?.status, 'sent')
  })

  it('NEWSLETTER_RELAY_PATIENCE_MINUTES is read in minutes and refused when it is not a whole number from 1 to 10080', () => {
    assert.equal(loadConfig({ NODE_ENV: 'test' }).newsletterRelayPatienceMs, 3_600_000)
    assert.equal(
      loadConfig({ NODE_ENV: 'test', NEWSLETTER_RELAY_PATIENCE_MINUTES: '90' }).newsletterRelayPatienceMs,
      90 * 60_000,
    )
    for (const bad of ['0', 'soon', '1.5', '-5', '10081']) {
      assert.throws(
        () => loadConfig({ NODE_ENV: 'test', NEWSLETTER_RELAY_PATIENCE_MINUTES: bad }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.problems.some(p =>
            p.startsWith('NEWSLETTER_RELAY_PATIENCE_MINUTES must be a whole number from 1 to 10080'),
          ),
        bad,
      )
    }
  })
})
