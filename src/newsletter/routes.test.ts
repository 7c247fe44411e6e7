import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../test/helpers.js'
import { insertList, listNewsletterLists, type NewsletterList } from './lists.js'
import { countSubscribers } from './store.js'

describe('newsletter sign-up', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let weekly: NewsletterList
  let premieres: NewsletterList
  before(async () => {
    t = await testApp()
    weekly = (await listNewsletterLists(t.database.db))[0]!
    premieres = await insertList(t.database.db, {
      slug: 'premieres',
      name: 'Documentary premieres',
      description: 'A note when a new film comes out.',
      position: 5,
    })
  })
  after(() => t.dispose())

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/newsletter',
      payload,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    })
  const subscriptionsOf = async (email: string) =>
    (
      await t.database.db
        .selectFrom('newsletter_subscriptions as ns')
        .innerJoin('newsletter_subscribers as s', 's.id', 'ns.subscriber_id')
        .select('ns.list_id')
        .where('s.email', '=', email)
        .orderBy('ns.list_id')
        .execute()
    ).map(r => r.list_id)

  it('every page carries the sign-up form, with its honeypot hidden from people, and the sign-up island', async () => {
    const html = (await t.app.inject('/')).body
    assert.match(html, /<form class="newsletter-form" method="post" action="\/newsletter">/)
    assert.match(html, /name="website" tabindex="-1"/)
    assert.match(html, /<script type="module" src="\/assets\/newsletter-signup\.[a-f0-9]+\.js"><\/script>/)
    assert.doesNotMatch(html, /name="lists"/, 'the band offers no choice: it signs up for the first list')
    const script = await t.app.inject(html.match(/src="(\/assets\/newsletter-signup\.[a-f0-9]+\.js)"/)![1]!)
    assert.equal(script.statusCode, 200)
    assert.match(String(script.headers['content-type']), /javascript/)
  })

  it('the newsletter page lets a reader pick among the lists, by name and description', async () => {
    const html = (await t.app.inject('/newsletter')).body
    for (const list of [weekly, premieres]) {
      assert.ok(html.includes(`name="lists" value="${list.id}"`), list.name)
      assert.ok(html.includes(list.name) && html.includes(list.description), list.name)
    }
    assert.match(
      html,
      new RegExp(`name="lists" value="${weekly.id}" checked`),
      'the first list is ticked to start with',
    )
    assert.doesNotMatch(html, new RegExp(`name="lists" value="${premieres.id}" checked`))
    assert.match(
      html,
      /<script type="module" src="\/assets\/newsletter-signup\./,
      'the page’s own form is enhanced too',
    )
  })

  it('a sign-up is recorded as pending for the lists ticked, and thanked', async () => {
    const res = await post(`email=Reader%40Example.org&choose=1&lists=${premieres.id}`, {
      origin: 'https://news.example.org',
    })
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Your subscription request has been received/)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.equal((await countSubscribers(t.database.db)).pending, 1)
    assert.deepEqual(await subscriptionsOf('reader@example.org'), [premieres.id])
  })

  it('a form with no choice of lists signs up for the first list, and the source is the page it was posted from', async () => {
    const res = await post('email=band%40example.org', { referer: 'https://news.example.org/stories/some-story' })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(await subscriptionsOf('band@example.org'), [weekly.id])
    const row = await t.database.db
      .selectFrom('newsletter_subscribers')
      .select('source')
      .where('email', '=', 'band@example.org')
      .executeTakeFirstOrThrow()
    assert.equal(row.source, '/stories/some-story')
  })

  it('the sign-up island gets the same thanks as JSON', async () => {
    const res = await post('email=island%40example.org&source=%2Fdocumentaries', { accept: 'application/json' })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), {
      message:
        'Thank you! Your subscription request has been received. Check your inbox (and your spam folder) for an email from us: to finish signing up, open the link in it.',
    })
  })

  it('signing up again gets the same answer and stores nothing twice', async () => {
    const first = await post('email=again%40example.org')
    const second = await post('email=AGAIN%40example.org')
    assert.equal(second.statusCode, 200)
    assert.equal(second.body, first.body)
    const rows = await t.database.db
      .selectFrom('newsletter_subscribers')
      .select('id')
      .where('email', '=', 'again@example.org')
      .execute()
    assert.equal(rows.length, 1)
  })

  it('a malformed address gets a 400 that says what to fix, with what was typed kept, and nothing is stored', async () => {
    const before = await countSubscribers(t.database.db)
    for (const email of [
      'not-an-email',
      'a@b',
      '<script>@x.org',
      'a b@example.org',
      '.dot@example.org',
      'two..dots@example.org',
      'a@-example.org',
      `${'x'.repeat(65)}@example.org`,
      `a@${'x'.repeat(250)}.org`,
      '',
    ]) {
      const res = await post(`email=${encodeURIComponent(email)}`)
      assert.equal(res.statusCode, 400, email)
      assert.match(res.body, /Please enter a valid email address/)
      assert.ok(!res.body.includes('<script>@'), 'hostile input is escaped')
      if (email === 'not-an-email') {
        assert.match(res.body, /value="not-an-email"/, 'the form comes back with the address typed')
        assert.match(res.body, /aria-invalid="true" aria-describedby="newsletter-page-email-error"/)
      }
    }
    const json = await post('email=a%40b', { accept: 'application/json' })
    assert.equal(json.statusCode, 400)
    assert.match(json.json().error.message, /valid email address/)
    assert.deepEqual(await countSubscribers(t.database.db), before)
  })

  it('a list that does not exist, or no list where the form offered a choice, is a 400 and nothing is stored', async () => {
    const before = await countSubscribers(t.database.db)
    for (const lists of ['lists=999999', 'lists=abc', `lists=${weekly.id}&lists=999999`, 'lists=']) {
      const res = await post(`email=lists%40example.org&choose=1&${lists}`)
      assert.equal(res.statusCode, 400, lists)
      assert.match(res.body, /choose from the newsletters listed/)
    }
    const none = await post('email=lists%40example.org&choose=1')
    assert.equal(none.statusCode, 400)
    assert.match(none.body, /choose at least one newsletter/)
    assert.deepEqual(await countSubscribers(t.database.db), before)
  })

  it('a missing field, a wrong content type or an oversized body is a 4xx', async () => {
    assert.equal((await post('name=x')).statusCode, 400)
    const json = await t.app.inject({
      method: 'POST',
      url: '/newsletter',
      payload: '{"email":"a@example.org"}',
      headers: { 'content-type': 'application/xml' },
    })
    assert.equal(json.statusCode, 415)
    assert.equal((await post(`email=${'a'.repeat(1_100_000)}`)).statusCode, 413)
  })

  it('a bot that fills in the hidden field is thanked but not stored', async () => {
    const before = await countSubscribers(t.database.db)
    const res = await post('email=bot%40example.org&website=http%3A%2F%2Fspam.example')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Your subscription request has been received/)
    assert.deepEqual(await countSubscribers(t.database.db), before)
  })

  it('a form posted from another website is refused', async () => {
    const before = await countSubscribers(t.database.db)
    const res = await post('email=victim%40example.org', { origin: 'https://evil.example' })
    assert.equal(res.statusCode, 403)
    const fetchMeta = await post('email=victim%40example.org', { 'sec-fetch-site': 'cross-site' })
    assert.equal(fetchMeta.statusCode, 403)
    assert.deepEqual(await countSubscribers(t.database.db), before)
  })

  it('the reader’s link pages are never cached or indexed, and a cut-short link says so', async () => {
    for (const url of ['/newsletter/confirm?s=1', '/newsletter/preferences?s=1', '/newsletter/unsubscribe?s=1&c=1']) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 400, url)
      assert.equal(res.headers['cache-control'], 'no-store', url)
      assert.match(res.body, /<meta name="robots" content="noindex"/, url)
      assert.match(res.body, /This link does not work/, url)
    }
  })
})
