// Signing up, confirming, changing newsletters and leaving, against a real SMTP server: the
// journey of issue 6 end to end, and every way a reader's input or link can be wrong.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { startSmtpServer, type ReceivedMail, type TestSmtp } from './smtp-helpers.js'
import { makeList, makeScheduledCampaign, makeSubscribers } from './newsletter-factories.js'
import {
  confirmUrl,
  deliveryFigures,
  listNewsletterLists,
  preferencesUrl,
  unsubscribeUrl,
  type NewsletterList,
} from '../src/newsletter/index.js'
import { enqueueJob } from '../src/platform/jobs/index.js'
import { loadSigningKey } from '../src/platform/signing.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

const SITE = 'https://news.example.org'
const THANKS = /Your subscription request has been received/

describe('newsletter sign-up, confirmation and leaving', () => {
  let t: TestApp
  let smtp: TestSmtp
  let weekly: NewsletterList
  let keys: { signingKey: Buffer; publicUrl: string }
  let client = 0

  before(async () => {
    smtp = await startSmtpServer()
    t = await testApp({ smtpUrl: smtp.url, runJobs: false })
    weekly = (await listNewsletterLists(t.database.db))[0]!
    keys = { signingKey: loadSigningKey(t.config.secretKey, t.config.dataDir), publicUrl: SITE }
  })
  after(async () => {
    await t.dispose()
    await smtp.close()
  })

  const db = () => t.database.db
  const runUntilIdle = async () => {
    while ((await t.jobs.runDueJobs()) > 0) {
      /* a finished pass may have queued the next */
    }
  }
  /** A new client address per call unless given, so the per-client limit only bites where a test wants it. */
  const signUp = (payload: string, o: { ip?: string; headers?: Record<string, string> } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/newsletter',
      payload,
      remoteAddress: o.ip ?? `10.0.${Math.floor(++client / 250)}.${client % 250}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, ...o.headers },
    })
  /** Posts a form the way a browser on our site does. */
  const postForm = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE },
    })
  const subscriber = (email: string) =>
    db().selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst()
  const subscriptionsOf = async (id: number) =>
    (
      await db()
        .selectFrom('newsletter_subscriptions')
        .select('list_id')
        .where('subscriber_id', '=', id)
        .orderBy('list_id')
        .execute()
    ).map(r => r.list_id)
  /** The first link to `path` in a mail (its text part, quoted-printable undone), as a local URL. */
  const linkIn = (mail: ReceivedMail, path: string): string => {
    const body = mail.raw
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=')
      .replace(/&amp;/g, '&')
    const url = new RegExp(`${SITE.replace(/\./g, '\\.')}${path}\\?[\\w=&%-]+`).exec(body)?.[0]
    assert.ok(url, `no ${path} link in the mail`)
    return url.slice(SITE.length)
  }
  const hiddenFields = (html: string): Record<string, string> =>
    Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(m => [
        m[1]!,
        m[2]!.replace(/&amp;/g, '&'),
      ]),
    )
  const local = (url: string) => url.slice(SITE.length)

  it('the journey: sign up, get the mail, confirm, receive a campaign, leave with one click, receive nothing more', async () => {
    const email = 'journey@example.org'
    const res = await signUp(`email=${encodeURIComponent(email)}&source=%2Fstories%2Fa-story`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, THANKS)

    const [confirmation] = smtp.to(email)
    assert.ok(confirmation, 'the confirmation mail arrived at the SMTP server')
    assert.match(confirmation.headers.get('subject') ?? '', /Confirm your subscription/)
    assert.ok(confirmation.raw.includes(weekly.name), 'the mail names the newsletter asked for')
    const link = linkIn(confirmation, '/newsletter/confirm')

    // Opening the link (as a mail scanner would) confirms nothing; it shows a button.
    const prompt = await t.app.inject(link)
    assert.equal(prompt.statusCode, 200)
    assert.match(prompt.body, /Confirm my subscription/)
    assert.ok(prompt.body.includes(weekly.name))
    assert.equal((await subscriber(email))?.status, 'pending')

    const confirmed = await postForm('/newsletter/confirm', hiddenFields(prompt.body))
    assert.equal(confirmed.statusCode, 200)
    assert.match(confirmed.body, /You are subscribed/)
    assert.ok(confirmed.body.includes(weekly.name), 'the page says what they signed up for')
    assert.match(confirmed.body, /href="https:\/\/news\.example\.org\/newsletter\/preferences\?s=\d+&amp;sig=[\w-]+"/)
    const row = await subscriber(email)
    assert.equal(row?.status, 'confirmed')
    assert.equal(row?.confirm_nonce, null)
    assert.match(row?.consent ?? '', /^double opt-in \d{4}-\d\d-\d\dT/)
    assert.ok(row?.confirmed_at)
    assert.equal(row?.source, '/stories/a-story')

    await makeScheduledCampaign(db(), weekly.id, { subject: 'Issue one' })
    await runUntilIdle()
    const issue = smtp.to(email).find(m => m.headers.get('subject') === 'Issue one')
    assert.ok(issue, 'the campaign was received')
    assert.equal(issue.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
    const unsubscribe = /^<(https:\/\/[^>]+)>$/.exec(issue.headers.get('list-unsubscribe') ?? '')?.[1]
    assert.ok(unsubscribe)

    // As a mail provider does it: from its own server, no cookies, no Origin.
    const left = await t.app.inject({
      method: 'POST',
      url: local(unsubscribe),
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(left.statusCode, 200)
    assert.match(left.body, /You have unsubscribed/)
    assert.equal((await subscriber(email))?.status, 'unsubscribed')

    await makeScheduledCampaign(db(), weekly.id, { subject: 'Issue two' })
    await runUntilIdle()
    assert.equal(
      smtp.to(email).filter(m => m.headers.get('subject') === 'Issue two').length,
      0,
      'the next campaign was not received',
    )
  })

  it('answers a new, pending, confirmed and unsubscribed address identically; only the mail to the address differs', async () => {
    const [confirmedEmail] = await makeSubscribers(db(), weekly.id, 1, { prefix: 'same-confirmed' })
    const [leftEmail] = await makeSubscribers(db(), weekly.id, 1, { status: 'unsubscribed', prefix: 'same-left' })
    await signUp('email=same-pending%40example.org')
    const oldLink = linkIn(smtp.to('same-pending@example.org')[0]!, '/newsletter/confirm')
    const confirmedBefore = await subscriber(confirmedEmail!)

    const addresses = ['same-new@example.org', 'same-pending@example.org', confirmedEmail!, leftEmail!]
    for (const accept of ['text/html', 'application/json']) {
      const answers = []
      for (const address of addresses) {
        const res = await signUp(`email=${encodeURIComponent(address)}`, { headers: { accept } })
        answers.push({
          status: res.statusCode,
          type: res.headers['content-type'],
          cache: res.headers['cache-control'],
          body: res.body,
        })
      }
      for (const answer of answers.slice(1)) assert.deepEqual(answer, answers[0], accept)
      assert.match(answers[0]!.body, THANKS)
    }

    // New and pending: a confirmation each time, and only the newest link works.
    assert.equal(smtp.to('same-new@example.org').length, 2)
    assert.equal(smtp.to('same-pending@example.org').length, 3)
    const replaced = await t.app.inject(oldLink)
    assert.equal(replaced.statusCode, 400)
    assert.match(replaced.body, /This link has been replaced/)
    // Confirmed: told so, with the preferences link; nothing changed.
    const already = smtp.to(confirmedEmail!)
    assert.equal(already.length, 2)
    assert.match(already[0]!.headers.get('subject') ?? '', /already subscribed/)
    assert.ok(linkIn(already[0]!, '/newsletter/preferences').startsWith('/newsletter/preferences?s='))
    assert.deepEqual(await subscriber(confirmedEmail!), confirmedBefore)
    // Unsubscribed: a confirmation, but still unsubscribed (and sent nothing) until they confirm.
    assert.match(smtp.to(leftEmail!)[0]!.headers.get('subject') ?? '', /Confirm your subscription/)
    assert.equal((await subscriber(leftEmail!))?.status, 'unsubscribed')
    const prompt = await t.app.inject(linkIn(smtp.to(leftEmail!).at(-1)!, '/newsletter/confirm'))
    await postForm('/newsletter/confirm', hiddenFields(prompt.body))
    const back = await subscriber(leftEmail!)
    assert.equal(back?.status, 'confirmed')
    assert.equal(back?.unsubscribed_at, null)
  })

  it('a bot that fills in the honeypot is thanked, and nothing is stored or sent', async () => {
    const before = smtp.received.length
    const res = await signUp('email=honeypot%40example.org&website=https%3A%2F%2Fspam.example')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, THANKS)
    assert.equal(await subscriber('honeypot@example.org'), undefined)
    assert.equal(smtp.received.length, before)
  })

  it('past 3 sign-ups an hour an address gets the same thanks and no more mail; past 20 a client is told to wait (429)', async () => {
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await signUp('email=limited%40example.org')).body)
    assert.equal(new Set(answers).size, 1, 'the fourth answer is the same as the first')
    assert.equal(smtp.to('limited@example.org').length, 3)

    const ip = '192.0.2.77'
    for (let i = 0; i < 20; i++) assert.equal((await signUp(`email=client-${i}%40example.org`, { ip })).statusCode, 200)
    const refused = await signUp('email=client-20%40example.org', { ip })
    assert.equal(refused.statusCode, 429)
    assert.match(refused.body, /too many sign-ups from your network/)
    const json = await signUp('email=client-20%40example.org', { ip, headers: { accept: 'application/json' } })
    assert.equal(json.statusCode, 429)
    assert.match(json.json().error.message, /try again later/)
    assert.equal(await subscriber('client-20@example.org'), undefined)
    assert.equal(smtp.to('client-20@example.org').length, 0)
  })

  it('a forged, cut-short or expired confirmation link gets a clear 400 and changes nothing', async () => {
    await signUp('email=forged%40example.org')
    const row = (await subscriber('forged@example.org'))!
    const genuine = new URL(confirmUrl(keys, row.id, row.confirm_nonce!))
    const forged = new URL(genuine)
    forged.searchParams.set('sig', `${genuine.searchParams.get('sig')!.slice(0, -2)}AA`)
    const otherNonce = new URL(genuine)
    otherNonce.searchParams.set('n', 'made-up-nonce')
    const cut = `${genuine.pathname}?s=${row.id}&n=${row.confirm_nonce}`
    const expired = new URL(confirmUrl(keys, row.id, row.confirm_nonce!, Date.now() - 49 * 3_600_000))

    for (const [url, message] of [
      [forged, /This link does not work/],
      [otherNonce, /This link does not work/],
      [cut, /This link does not work/],
      [expired, /This link has expired/],
    ] as const) {
      const path = typeof url === 'string' ? url : `${url.pathname}${url.search}`
      const page = await t.app.inject(path)
      assert.equal(page.statusCode, 400, path)
      assert.match(page.body, message)
      assert.match(page.body, /href="\/newsletter">sign up again</)
      const query = typeof url === 'string' ? new URLSearchParams(url.split('?')[1]) : url.searchParams
      const post = await postForm('/newsletter/confirm', Object.fromEntries(query))
      assert.equal(post.statusCode, 400, path)
    }
    assert.deepEqual(await subscriber('forged@example.org'), row)
  })

  it('a confirmation link works once: replayed, it says so and changes nothing', async () => {
    await signUp('email=replay%40example.org')
    const prompt = await t.app.inject(linkIn(smtp.to('replay@example.org')[0]!, '/newsletter/confirm'))
    const fields = hiddenFields(prompt.body)
    assert.equal((await postForm('/newsletter/confirm', fields)).statusCode, 200)
    const confirmed = await subscriber('replay@example.org')

    const again = await postForm('/newsletter/confirm', fields)
    assert.equal(again.statusCode, 200)
    assert.match(again.body, /Already confirmed/)
    assert.match(again.body, /already been used/)
    const reopened = await t.app.inject(`/newsletter/confirm?${new URLSearchParams(fields)}`)
    assert.match(reopened.body, /Already confirmed/)
    assert.doesNotMatch(reopened.body, /Confirm my subscription/)
    assert.deepEqual(await subscriber('replay@example.org'), confirmed)

    // Days later the same link, past its time, still tells the reader all is well.
    const nonce = fields.n!
    const old = new URL(confirmUrl(keys, confirmed!.id, nonce, Date.now() - 49 * 3_600_000))
    const late = await t.app.inject(`${old.pathname}${old.search}`)
    assert.equal(late.statusCode, 200)
    assert.match(late.body, /Already confirmed/)
    assert.doesNotMatch(late.body, /expired/)
  })

  it('the preferences page changes lists, and saving none (or “Unsubscribe from all”) leaves', async () => {
    const premieres = await makeList(db(), { name: 'Premieres' })
    const [email] = await makeSubscribers(db(), weekly.id, 1, { prefix: 'prefs' })
    const row = (await subscriber(email!))!
    const url = local(preferencesUrl(keys, row.id))

    const page = await t.app.inject(url)
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes(email!), 'their own page shows their address')
    assert.match(page.body, new RegExp(`name="lists" value="${weekly.id}" checked`))
    assert.match(page.body, new RegExp(`name="lists" value="${premieres.id}"(?! checked)`))
    assert.match(page.body, /Unsubscribe from all/)

    const saved = await postForm(url, { lists: String(premieres.id), action: 'save' })
    assert.equal(saved.statusCode, 200)
    assert.match(saved.body, /Your choices are saved/)
    assert.deepEqual(await subscriptionsOf(row.id), [premieres.id])

    const wrong = await postForm(url, { lists: '999999', action: 'save' })
    assert.equal(wrong.statusCode, 400)
    assert.deepEqual(await subscriptionsOf(row.id), [premieres.id])

    const none = await postForm(url, { action: 'save' })
    assert.match(none.body, /You have unsubscribed/)
    assert.equal((await subscriber(email!))?.status, 'unsubscribed')
    assert.deepEqual(await subscriptionsOf(row.id), [])
    // Ticking boxes again is not a sign-up: that takes a confirmed sign-up.
    const back = await postForm(url, { lists: String(weekly.id), action: 'save' })
    assert.match(back.body, /We send no newsletter to/)
    assert.equal((await subscriber(email!))?.status, 'unsubscribed')

    const [other] = await makeSubscribers(db(), weekly.id, 1, { prefix: 'prefs-leave' })
    const otherId = (await subscriber(other!))!.id
    const leaveAll = await postForm(local(preferencesUrl(keys, otherId)), { lists: String(weekly.id), action: 'leave' })
    assert.match(leaveAll.body, /You have unsubscribed/)
    assert.equal((await subscriber(other!))?.status, 'unsubscribed')
  })

  it('forged preferences and unsubscribe links are refused and change nothing', async () => {
    const [email] = await makeSubscribers(db(), weekly.id, 1, { prefix: 'forged-links' })
    const row = (await subscriber(email!))!
    const otherSig = preferencesUrl(keys, row.id + 1).split('sig=')[1]
    for (const url of [
      `/newsletter/preferences?s=${row.id}&sig=${otherSig}`,
      `/newsletter/preferences?s=${row.id}&sig=nope`,
    ]) {
      assert.equal((await t.app.inject(url)).statusCode, 400, url)
      const post = await postForm(url, { action: 'leave' })
      assert.equal(post.statusCode, 400, url)
      assert.match(post.body, /This link does not work/)
    }
    const genuine = unsubscribeUrl(keys, row.id, 1)
    for (const url of [
      local(genuine).replace(/&c=1&/, '&c=2&'),
      local(unsubscribeUrl(keys, row.id + 1, 1)).replace(`s=${row.id + 1}`, `s=${row.id}`),
    ]) {
      const post = await t.app.inject({
        method: 'POST',
        url,
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      assert.equal(post.statusCode, 400, url)
    }
    assert.deepEqual(await subscriber(email!), row)
    assert.deepEqual(await subscriptionsOf(row.id), [weekly.id])
  })

  it('opening an unsubscribe link shows a button; posting it (from any site, in either form encoding) leaves, and again changes nothing', async () => {
    const list = await makeList(db())
    const [email] = await makeSubscribers(db(), list.id, 1, { prefix: 'one-click' })
    const campaign = await makeScheduledCampaign(db(), list.id)
    await runUntilIdle()
    const url = local(/^<([^>]+)>$/.exec(smtp.to(email!)[0]!.headers.get('list-unsubscribe') ?? '')![1]!)

    const page = await t.app.inject(url)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Unsubscribe from all newsletters/)
    assert.match(page.body, /name="List-Unsubscribe" value="One-Click"/)
    assert.equal((await subscriber(email!))?.status, 'confirmed', 'opening the link changes nothing')

    const multipart =
      '--b0undary\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b0undary--\r\n'
    const first = await t.app.inject({
      method: 'POST',
      url,
      payload: multipart,
      headers: { 'content-type': 'multipart/form-data; boundary=b0undary', origin: 'https://mail.example' },
    })
    assert.equal(first.statusCode, 200)
    const left = (await subscriber(email!))!
    assert.equal(left.status, 'unsubscribed')
    assert.ok(left.unsubscribed_at)
    assert.deepEqual(await subscriptionsOf(left.id), [])

    const again = await t.app.inject({
      method: 'POST',
      url,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    })
    assert.equal(again.statusCode, 200)
    const empty = await t.app.inject({ method: 'POST', url })
    assert.equal(empty.statusCode, 200)
    assert.deepEqual(await subscriber(email!), left)
    assert.equal((await deliveryFigures(db(), campaign.id)).unsubscribed, 1)
    assert.match((await t.app.inject(url)).body, /You have unsubscribed/)
  })

  it('the expiry job deletes a sign-up still pending, undoes an unconfirmed return, and leaves a confirmed one', async () => {
    await signUp('email=expire-pending%40example.org')
    const [leftEmail] = await makeSubscribers(db(), weekly.id, 1, { status: 'unsubscribed', prefix: 'expire-left' })
    await db()
      .deleteFrom('newsletter_subscriptions')
      .where('subscriber_id', '=', (await subscriber(leftEmail!))!.id)
      .execute()
    await signUp(`email=${encodeURIComponent(leftEmail!)}`)
    await signUp('email=expire-confirmed%40example.org')
    const prompt = await t.app.inject(linkIn(smtp.to('expire-confirmed@example.org')[0]!, '/newsletter/confirm'))
    const fields = hiddenFields(prompt.body)
    await postForm('/newsletter/confirm', fields)
    // As if confirming had not removed its job: the handler must still leave a confirmed address alone.
    const confirmed = (await subscriber('expire-confirmed@example.org'))!
    await enqueueJob(db(), {
      kind: 'newsletter-expire-signup',
      payload: { subscriberId: confirmed.id, nonce: fields.n },
    })

    await db()
      .updateTable('jobs')
      .set({ run_at: new Date().toISOString() })
      .where('kind', '=', 'newsletter-expire-signup')
      .execute()
    await runUntilIdle()
    assert.equal(await subscriber('expire-pending@example.org'), undefined)
    const left = (await subscriber(leftEmail!))!
    assert.equal(left.status, 'unsubscribed')
    assert.equal(left.confirm_nonce, null)
    assert.deepEqual(await subscriptionsOf(left.id), [])
    assert.deepEqual(await subscriber('expire-confirmed@example.org'), confirmed)

    const gone = await t.app.inject(linkIn(smtp.to('expire-pending@example.org')[0]!, '/newsletter/confirm'))
    assert.equal(gone.statusCode, 400)
    assert.match(gone.body, /This sign-up has expired/)
  })
})
