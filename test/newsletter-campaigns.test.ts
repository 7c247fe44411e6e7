// Campaigns in the newsroom, through the app as wired and a real SMTP server: an editor composes
// one from stories, a film and an intro, previews it, tests it on a staff address, sends it now;
// the confirmed subscribers get it once, the page shows the figures and the web version opens.
// Bad input, stale versions, double clicks and the wrong roles are refused, and nothing is stored.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeAccount, postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { makeList, makeSubscribers } from './newsletter-factories.js'
import { makeDocumentary, makeStory, paragraphs } from './factories.js'
import { findCampaignById, insertCampaign, listCampaigns } from '../src/newsletter/index.js'
import { listAudit } from '../src/newsroom/index.js'
import { findJobByKey } from '../src/platform/jobs/index.js'
import { hoursAgo } from '../src/platform/time.js'
import type { BodyDocument } from '../src/body/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const BASE = '/newsroom/newsletter/campaigns'

/** A body document of one paragraph, as the form posts it. */
const intro = (text: string) =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

/** The message as a person reads it: quoted-printable undone. */
function decoded(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '')
  return Buffer.from(
    unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8')
}

/** The id a create redirected to. */
function createdId(res: { statusCode: number; headers: Record<string, unknown>; body: string }): number {
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000))
  const id = new RegExp(`^${BASE}/(\\d+)\\?done=created$`).exec(String(res.headers.location))?.[1]
  assert.ok(id, String(res.headers.location))
  return Number(id)
}

describe('newsletter campaigns in the newsroom', () => {
  let t: TestApp
  let smtp: TestSmtp
  let editor: Browser
  let colleague: { id: number; email: string }
  let listId: number
  let readers: string[]
  let pending: string[]

  before(async () => {
    smtp = await startSmtpServer()
    t = await testApp({ smtpUrl: smtp.url, runJobs: false })
    editor = await signInAs(t, 'editor')
    colleague = await makeAccount(t, 'admin', 'colleague@example.org')
    const list = await makeList(t.database.db, { name: 'The Friday letter' })
    listId = list.id
    readers = await makeSubscribers(t.database.db, listId, 3)
    pending = await makeSubscribers(t.database.db, listId, 2, { status: 'pending' })
  })
  after(async () => {
    await t.dispose()
    await smtp.close()
  })

  const db = () => t.database.db
  const get = (url: string, browser: Browser | null = editor) =>
    t.app.inject({ url, headers: browser ? { cookie: browser.cookie } : {} })
  const runUntilIdle = async () => {
    while ((await t.jobs.runDueJobs()) > 0) {
      /* a finished pass may have queued the next */
    }
  }
  const fields = (o: Record<string, string | string[]> = {}) => ({
    list: String(listId),
    subject: 'This week',
    preheader: '',
    template: 'standard',
    intro: intro('Hello.'),
    ...o,
  })
  const create = async (o: Record<string, string | string[]> = {}) =>
    createdId(await postForm(t, editor, BASE, fields(o)))

  it('composes a campaign whose preview shows the cards and the intro, hostile text escaped', async () => {
    const story = await makeStory(db(), { title: 'Dams & <b>rivers</b>', dek: 'Who decides where the water goes.' })
    const second = await makeStory(db(), { title: 'The second story' })
    const film = await makeDocumentary(db(), { title: 'The River Film', synopsis: 'Ninety minutes on the delta.' })
    const form = await get(`${BASE}/new`)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /data-body-editor="campaign-intro"/)
    assert.match(form.body, /fills itself with the stories published in the last 7 days/)

    const id = await create({
      subject: 'Week 12: <the delta>',
      intro: intro('<script>alert(1)</script> Dear readers & friends'),
      stories: [String(second.id), String(story.id)],
      documentaries: String(film.id),
    })
    const page = await get(`${BASE}/${id}?done=created`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /The campaign is created/)
    assert.match(
      page.body,
      /<iframe src="\/newsroom\/newsletter\/campaigns\/\d+\/preview" title="Preview of the mail" sandbox /,
    )
    assert.ok(!page.body.includes('<script>alert'), 'hostile text is escaped on the page')

    // Saving with the version it was opened at changes it; the order of the rows is the cards' order.
    const saved = await postForm(
      t,
      editor,
      `${BASE}/${id}`,
      fields({
        version: '1',
        subject: 'Week 12: <the delta>',
        intro: intro('<script>alert(1)</script> Dear readers & friends'),
        stories: [String(story.id), '', String(second.id)],
        documentaries: String(film.id),
      }),
    )
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 1500))
    const campaign = await findCampaignById(db(), id)
    assert.deepEqual(campaign?.storyIds, [story.id, second.id])
    assert.equal(campaign?.version, 2)

    const preview = await get(`${BASE}/${id}/preview`)
    assert.equal(preview.statusCode, 200)
    assert.match(String(preview.headers['content-type']), /^text\/html/)
    assert.match(
      String(preview.headers['content-security-policy']),
      /default-src 'none'; img-src \* data:; style-src 'unsafe-inline'; frame-ancestors 'self'/,
    )
    assert.ok(
      preview.body.includes('&lt;script>alert(1)&lt;/script> Dear readers &amp; friends') ||
        preview.body.includes('&lt;script&gt;alert(1)&lt;/script&gt; Dear readers &amp; friends'),
      'the intro, escaped',
    )
    assert.ok(!preview.body.includes('<script'), 'no script in the mail')
    assert.ok(
      preview.body.includes('Dams &amp; &lt;b>rivers&lt;/b>') ||
        preview.body.includes('Dams &amp; &lt;b&gt;rivers&lt;/b&gt;'),
      'the story card, escaped',
    )
    assert.ok(preview.body.indexOf('Dams') < preview.body.indexOf('The second story'), 'cards in the chosen order')
    assert.match(preview.body, /The River Film/)
    assert.match(preview.body, /Watch the documentary/)
    assert.match(preview.body, /<table role="presentation"/)
    assert.match(
      preview.body,
      /href="https:\/\/news\.example\.org\/newsletter" style="[^"]*">Unsubscribe</,
      'placeholder links lead to the public newsletter page',
    )

    const text = await get(`${BASE}/${id}/preview/text`)
    assert.match(String(text.headers['content-type']), /^text\/plain/)
    assert.match(
      text.body,
      /Dams & <b>rivers<\/b>\nWho decides where the water goes\.\nhttps:\/\/news\.example\.org\/stories\//,
    )
    assert.match(text.body, /<script>alert\(1\)<\/script> Dear readers & friends/)
  })

  it('sends a test only to a staff address, with “[Test]” before the subject, and audits it', async () => {
    const id = await create({ subject: 'Testing the letter' })
    const before = smtp.received.length
    const mine = await postForm(t, editor, `${BASE}/${id}/test`, {})
    assert.equal(mine.statusCode, 303, mine.body.slice(0, 500))
    assert.match((await get(String(mine.headers.location))).body, new RegExp(`A test is on its way to ${editor.email}`))
    const theirs = await postForm(t, editor, `${BASE}/${id}/test`, { to: String(colleague.id) })
    assert.equal(theirs.statusCode, 303)
    assert.equal(smtp.received.length, before + 2)
    assert.equal(smtp.to(editor.email).at(-1)?.headers.get('subject'), '[Test] Testing the letter')
    assert.equal(smtp.to(colleague.email).at(-1)?.headers.get('subject'), '[Test] Testing the letter')
    for (const address of [...readers, ...pending]) assert.equal(smtp.to(address).length, 0, address)

    for (const to of ['999999', 'reader@example.org', '0']) {
      const refused = await postForm(t, editor, `${BASE}/${id}/test`, { to })
      assert.ok(refused.statusCode === 400, `${to} → ${refused.statusCode}`)
      assert.match(refused.body, /Choose a staff account from the list|not valid|must/)
    }
    assert.equal(smtp.received.length, before + 2)
    const audit = await listAudit(db(), 20)
    assert.ok(
      audit.some(
        a =>
          a.action === 'campaign-test-sent' &&
          a.subject === `newsletter-campaign:${id}` &&
          a.detail.to === colleague.email,
      ),
    )
    assert.equal((await findCampaignById(db(), id))?.status, 'draft', 'a test changes nothing')
  })

  it('sends now after a confirmation: each confirmed subscriber gets it once, and the figures and web version follow', async () => {
    const story = await makeStory(db(), { title: 'A story for everyone' })
    const id = await create({ subject: 'The big send', stories: String(story.id) })
    assert.equal((await get(`/newsletter/issues/${id}`, null)).statusCode, 404, 'no web version before sending')

    const confirm = await get(`${BASE}/${id}/send`)
    assert.equal(confirm.statusCode, 200)
    assert.match(confirm.body, /<strong>3 confirmed subscribers of The Friday letter<\/strong>/)
    assert.equal((await postForm(t, editor, `${BASE}/${id}/send`, {})).statusCode, 400, 'not without the confirmation')
    const sent = await postForm(t, editor, `${BASE}/${id}/send`, { confirm: 'yes' })
    assert.equal(sent.statusCode, 303)
    assert.equal((await findCampaignById(db(), id))?.status, 'scheduled')
    const again = await postForm(t, editor, `${BASE}/${id}/send`, { confirm: 'yes' })
    assert.equal(again.statusCode, 409)
    assert.match(again.body, /already on its way/)
    await runUntilIdle()

    for (const address of readers) {
      const copies = smtp.to(address).filter(m => m.headers.get('subject') === 'The big send')
      assert.equal(copies.length, 1, address)
      const mail = copies[0]!
      assert.match(mail.headers.get('content-type') ?? '', /multipart\/alternative/)
      assert.match(mail.raw, /Content-Type: text\/plain/)
      assert.match(mail.raw, /Content-Type: text\/html/)
      const body = decoded(mail.raw)
      assert.match(body, /<table role="presentation"/)
      assert.match(body, /A story for everyone/)
      assert.match(body, new RegExp(`https://news\\.example\\.org/newsletter/issues/${id}`))
    }
    for (const address of pending) assert.equal(smtp.to(address).length, 0, address)
    assert.equal((await findCampaignById(db(), id))?.status, 'sent')

    const page = await get(`${BASE}/${id}`)
    assert.match(page.body, /<strong>3<\/strong>Sent/)
    assert.match(page.body, /<strong>0<\/strong>Failed/)
    assert.match(page.body, /It can no longer be changed or sent again/)
    assert.match(page.body, /<fieldset class="nr-fieldset" disabled>/)
    const list = await get(BASE)
    assert.match(list.body, /3 sent · 0 failed · 0 unknown · 0 unsubscribed of 3/)

    // Sent: neither edited nor sent again.
    const edit = await postForm(t, editor, `${BASE}/${id}`, fields({ version: '1', subject: 'Changed after the fact' }))
    assert.equal(edit.statusCode, 409)
    assert.match(edit.body, /has been sent, so it cannot be changed or sent again/)
    assert.match(edit.body, /Changed after the fact/, 'what was typed is kept')
    assert.equal((await postForm(t, editor, `${BASE}/${id}/send`, { confirm: 'yes' })).statusCode, 409)
    assert.equal((await postForm(t, editor, `${BASE}/${id}/schedule`, { sendAt: '2099-01-01T08:00' })).statusCode, 409)
    assert.equal((await findCampaignById(db(), id))?.subject, 'The big send')

    const web = await get(`/newsletter/issues/${id}`, null)
    assert.equal(web.statusCode, 200)
    assert.match(web.body, /The big send/)
    assert.match(web.body, /A story for everyone/)
    assert.ok(!web.body.includes('View in your browser'))
    assert.match(String(web.headers['content-security-policy']), /style-src 'unsafe-inline'/)
    assert.equal(web.headers['x-robots-tag'], 'noindex')
    assert.match(String(web.headers['surrogate-key']), new RegExp(`newsletter-campaign:${id}`))
    assert.match(String(web.headers['cache-control']), /^public/)
    const revalidated = await t.app.inject({
      url: `/newsletter/issues/${id}`,
      headers: { 'if-none-match': String(web.headers.etag) },
    })
    assert.equal(revalidated.statusCode, 304)
  })

  it('double-submitting “send now” sends once', async () => {
    const list = await makeList(db())
    const few = await makeSubscribers(db(), list.id, 2, { prefix: 'double' })
    const id = await create({ list: String(list.id), subject: 'Only once' })
    const answers = await Promise.all(
      [1, 2, 3].map(() => postForm(t, editor, `${BASE}/${id}/send`, { confirm: 'yes' })),
    )
    assert.ok(answers.some(a => a.statusCode === 303))
    assert.ok(
      answers.every(a => a.statusCode === 303 || a.statusCode === 409),
      answers.map(a => a.statusCode).join(),
    )
    await runUntilIdle()
    // And once more after it went out.
    assert.equal((await postForm(t, editor, `${BASE}/${id}/send`, { confirm: 'yes' })).statusCode, 409)
    await runUntilIdle()
    for (const address of few) assert.equal(smtp.to(address).length, 1, address)
  })

  it('fills a digest with the last seven days’ stories when none are chosen', async () => {
    await makeStory(db(), { title: 'Fresh this week', publishedAt: hoursAgo(48) })
    await makeStory(db(), { title: 'Old news from last month', publishedAt: hoursAgo(24 * 20) })
    const id = await create({ template: 'digest', subject: 'The week', intro: '' })
    const preview = (await get(`${BASE}/${id}/preview`)).body
    assert.match(preview, /This week’s stories/)
    assert.match(preview, /Fresh this week/)
    assert.ok(!preview.includes('Old news from last month'))
    assert.match((await get(`${BASE}/${id}/send`)).body, /Send it now/, 'an empty digest is content enough')
  })

  it('refuses bad input with a clear message and stores nothing', async () => {
    const draftStory = await makeStory(db(), { title: 'Not out yet', status: 'draft', publishedAt: null })
    const count = (await listCampaigns(db(), { limit: 1000 })).length
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ list: '999999' }, /That newsletter does not exist/],
      [{ list: '' }, /Choose the newsletter/],
      [{ stories: String(draftStory.id) }, new RegExp(`The story #${draftStory.id} is not published`)],
      [{ stories: ['999998', '999999'] }, /The storys? #999998, #999999 are not published/],
      [{ stories: 'seven' }, /Choose stories from the lists/],
      [{ documentaries: '999999' }, /The documentary #999999 is not published/],
      [{ subject: '' }, /Subject cannot be empty/],
      [{ subject: 'Two\r\nlines' }, /Subject must be one line/],
      [{ subject: 'x'.repeat(201) }, /Subject is limited to 200 characters; this one has 201/],
      [{ preheader: 'y'.repeat(250) }, /Preheader is limited to 200 characters/],
      [{ template: 'glossy' }, /Choose a template from the list/],
      [{ intro: '{"type":"doc"' }, /not valid JSON/],
      [{ intro: intro('z'.repeat(210_000)) }, /too large|limited|bytes/i],
    ]
    for (const [change, message] of cases) {
      const res = await postForm(t, editor, BASE, fields(change))
      assert.equal(res.statusCode, 400, `${JSON.stringify(change).slice(0, 80)} → ${res.statusCode}`)
      assert.match(res.body, message, JSON.stringify(change).slice(0, 80))
      assert.match(res.body, /nothing was saved/)
    }
    assert.equal((await listCampaigns(db(), { limit: 1000 })).length, count)

    // Times to send at; and a campaign with nothing in it.
    const empty = await create({ intro: '' })
    for (const [sendAt, message] of [
      ['tomorrow', /is not a date and time/],
      ['2020-01-01T08:00', /That time has passed/],
      ['', /Choose the date and time/],
      ['2026-02-30T08:00', /is not a date and time/],
    ] as const) {
      const res = await postForm(t, editor, `${BASE}/${empty}/schedule`, { sendAt })
      assert.equal(res.statusCode, 400, sendAt)
      assert.match(res.body, message)
    }
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16)
    const nothing = await postForm(t, editor, `${BASE}/${empty}/schedule`, { sendAt: nextWeek })
    assert.equal(nothing.statusCode, 400)
    assert.match(nothing.body, /The campaign has nothing in it/)
    assert.match((await get(`${BASE}/${empty}/send`)).body, /cannot be sent yet/)
    assert.equal((await postForm(t, editor, `${BASE}/${empty}/send`, { confirm: 'yes' })).statusCode, 400)
    assert.equal((await findCampaignById(db(), empty))?.status, 'draft')
    assert.equal(await findJobByKey(db(), `newsletter-send:${empty}`), undefined)
    assert.equal((await get(`${BASE}/424242`)).statusCode, 404)
  })

  it('refuses a save from a stale version with 409, keeping what was typed', async () => {
    const id = await create({ subject: 'First words' })
    assert.equal(
      (await postForm(t, editor, `${BASE}/${id}`, fields({ version: '1', subject: 'Their words' }))).statusCode,
      303,
    )
    const stale = await postForm(
      t,
      editor,
      `${BASE}/${id}`,
      fields({ version: '1', subject: 'My words', intro: intro('My long intro') }),
    )
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else saved this campaign after you opened it/)
    assert.match(stale.body, /value="My words"/)
    assert.match(stale.body, /My long intro/)
    assert.match(stale.body, /name="version" value="2"/, 'saving again replaces their version')
    assert.equal((await findCampaignById(db(), id))?.subject, 'Their words')
  })

  it('schedules, unschedules and cancels, with the send job following', async () => {
    const id = await create({ subject: 'Later' })
    const when = new Date(Date.now() + 2 * 86_400_000)
    const res = await postForm(t, editor, `${BASE}/${id}/schedule`, { sendAt: when.toISOString().slice(0, 16) })
    assert.equal(res.statusCode, 303, res.body.slice(0, 800))
    let campaign = await findCampaignById(db(), id)
    assert.equal(campaign?.status, 'scheduled')
    assert.equal(campaign?.scheduledFor?.slice(0, 16), when.toISOString().slice(0, 16))
    assert.equal(
      (await findJobByKey(db(), `newsletter-send:${id}`))?.runAt.slice(0, 16),
      when.toISOString().slice(0, 16),
    )
    assert.match((await get(`${BASE}/${id}`)).body, /Scheduled<\/strong> for/)
    // A scheduled campaign can still be edited.
    assert.equal(
      (await postForm(t, editor, `${BASE}/${id}`, fields({ version: '1', subject: 'Later, edited' }))).statusCode,
      303,
    )

    assert.equal((await postForm(t, editor, `${BASE}/${id}/unschedule`, {})).statusCode, 303)
    campaign = await findCampaignById(db(), id)
    assert.equal(campaign?.status, 'draft')
    assert.equal(campaign?.scheduledFor, null)
    assert.equal(await findJobByKey(db(), `newsletter-send:${id}`), undefined)
    assert.equal(
      (await postForm(t, editor, `${BASE}/${id}/unschedule`, {})).statusCode,
      409,
      'a draft is not scheduled',
    )

    await postForm(t, editor, `${BASE}/${id}/schedule`, { sendAt: when.toISOString().slice(0, 16) })
    assert.equal((await postForm(t, editor, `${BASE}/${id}/cancel`, {})).statusCode, 303)
    assert.equal((await findCampaignById(db(), id))?.status, 'cancelled')
    assert.equal(await findJobByKey(db(), `newsletter-send:${id}`), undefined)
    assert.equal((await postForm(t, editor, `${BASE}/${id}/send`, { confirm: 'yes' })).statusCode, 409)
    assert.equal((await postForm(t, editor, `${BASE}/${id}/reopen`, {})).statusCode, 303)
    assert.equal((await findCampaignById(db(), id))?.status, 'draft')
    const actions = (await listAudit(db(), 50))
      .filter(a => a.subject === `newsletter-campaign:${id}`)
      .map(a => a.action)
    for (const action of [
      'campaign-created',
      'campaign-scheduled',
      'campaign-unscheduled',
      'campaign-cancelled',
      'campaign-reopened',
    ])
      assert.ok(actions.includes(action), action)
  })

  it('lists campaigns newest first, a page at a time', async () => {
    for (let i = 0; i < 26; i++) {
      await insertCampaign(
        db(),
        {
          listId,
          subject: `Bulk ${i}`,
          preheader: '',
          template: 'standard',
          intro: paragraphs('Hi') as BodyDocument,
          storyIds: [],
          documentaryIds: [],
        },
        null,
      )
    }
    const first = await get(BASE)
    assert.equal(first.statusCode, 200)
    assert.ok(first.body.indexOf('Bulk 25') < first.body.indexOf('Bulk 24'), 'newest first')
    assert.match(first.body, /The Friday letter/)
    assert.match(first.body, /href="\/newsroom\/newsletter\/campaigns\?page=2" rel="next">Older campaigns/)
    assert.match(first.body, /href="\/newsroom\/newsletter\/campaigns\/new"/)
    assert.match(first.body, /aria-current="page">Newsletter</)
    const second = await get(`${BASE}?page=2`)
    assert.match(second.body, /Newer campaigns/)
    assert.ok(second.body.includes('The big send'))
  })

  it('is for editors and admins: authors and contributors get 403', async () => {
    const id = (await listCampaigns(db(), { limit: 1 }))[0]!.id
    for (const role of ['author', 'contributor'] as const) {
      const browser = await signInAs(t, role)
      for (const url of [BASE, `${BASE}/new`, `${BASE}/${id}`, `${BASE}/${id}/preview`, `${BASE}/${id}/send`])
        assert.equal((await get(url, browser)).statusCode, 403, `${role} ${url}`)
      assert.equal((await postForm(t, browser, BASE, fields())).statusCode, 403)
      assert.equal((await postForm(t, browser, `${BASE}/${id}/test`, {})).statusCode, 403)
      assert.doesNotMatch(
        (await get('/newsroom/stories', browser)).body,
        /href="\/newsroom\/newsletter\/campaigns"/,
        'no Newsletter link for them',
      )
    }
    assert.equal((await get(`${BASE}/${id}/preview`, null)).statusCode, 303, 'signed out: to sign in')
  })
})
