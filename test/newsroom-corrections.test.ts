// Corrections from the newsroom to the reader: an editor appends and amends them; readers see
// them on the story, in its structured data, on /corrections and in the feed, at once; nothing
// is ever deleted and every earlier text is kept.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeCorrection, makeStory } from './factories.js'
import { makeAccount, postForm, signIn, signInAs, type Browser } from './newsroom-helpers.js'
import { findCorrection, listCorrectionHistory, listCorrectionsForNewsroom } from '../src/corrections/index.js'
import { listAudit, type Account } from '../src/newsroom/index.js'
import { applyStoryAction, listRevisions, type Story } from '../src/stories/index.js'

/** A datetime-local value `minutes` from now; the site's time zone is UTC by default. */
const wallTime = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16)

const structuredData = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    m => JSON.parse(m[1] ?? '{}') as Record<string, unknown>,
  )

describe('corrections in the newsroom', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let editor: Browser
  let editorAccount: Account
  let story: Story
  let other: Story

  before(async () => {
    t = await testApp()
    editorAccount = await makeAccount(t, 'editor')
    editor = await signIn(t, editorAccount.email)
    story = await makeStory(t.database.db, { slug: 'the-dam', title: 'The dam that was never finished' })
    other = await makeStory(t.database.db, { slug: 'other-story', title: 'Another story' })
  })
  after(() => t.dispose())

  const get = (url: string) => t.app.inject(url)
  const append = (
    storyId: number,
    fields: Partial<Record<'kind' | 'body' | 'publishedAt' | 'fixesRevisionId', string>>,
    browser = editor,
  ) =>
    postForm(t, browser, `/newsroom/stories/${storyId}/corrections`, {
      kind: 'correction',
      body: 'A correction.',
      publishedAt: wallTime(-5),
      fixesRevisionId: '',
      ...fields,
    })
  const stored = async () =>
    (await listCorrectionsForNewsroom(t.database.db, story.id)).length +
    (await listCorrectionsForNewsroom(t.database.db, other.id)).length

  it('an editor appends a clarification and readers see it at once: on the story, in its structured data, on /corrections and in the feed', async () => {
    // Read (and so cache) every public page first: the append must purge them.
    for (const url of ['/stories/the-dam', '/corrections', '/corrections/feed.xml'])
      assert.ok(!(await get(url)).body.includes('who paid for the survey'), url)

    const res = await append(story.id, { kind: 'clarification', body: 'We have clarified who paid for the survey.' })
    assert.equal(res.statusCode, 303)
    assert.match(
      String(res.headers.location),
      new RegExp(`^/newsroom/stories/${story.id}/corrections\\?done=appended#correction-\\d+$`),
    )
    const [correction] = await listCorrectionsForNewsroom(t.database.db, story.id)
    assert.ok(correction)
    assert.equal(correction.kind, 'clarification')

    const page = (await get('/stories/the-dam')).body
    assert.ok(page.includes('We have clarified who paid for the survey.'))
    assert.ok(page.includes(`<time datetime="${correction.publishedAt}">`), 'the story page dates it')
    assert.ok(page.includes('Clarified'), 'the byline says the story was clarified')
    const article = structuredData(page).find(b => b['@type'] === 'NewsArticle') as
      | { correction?: { text: string; datePublished: string }[] }
      | undefined
    assert.deepEqual(article?.correction, [
      {
        '@type': 'CorrectionComment',
        text: 'Clarification: We have clarified who paid for the survey.',
        datePublished: correction.publishedAt,
      },
    ])
    assert.ok((await get('/corrections')).body.includes('We have clarified who paid for the survey.'))
    assert.ok((await get('/corrections/feed.xml')).body.includes('We have clarified who paid for the survey.'))

    const newsroom = await t.app.inject({
      url: `/newsroom/stories/${story.id}/corrections?done=appended`,
      headers: { cookie: editor.cookie },
    })
    assert.equal(newsroom.statusCode, 200)
    assert.ok(newsroom.body.includes('The correction was appended.'))
    assert.ok(newsroom.body.includes('We have clarified who paid for the survey.'))
    const audit = (await listAudit(t.database.db, 20)).find(e => e.action === 'correction-appended')
    assert.equal(audit?.subject, `correction:${correction.id}`)
    assert.equal(audit?.accountId, editorAccount.id)
  })

  it('an amendment changes what readers see, says when, and keeps every earlier text in the history', async () => {
    const [correction] = await listCorrectionsForNewsroom(t.database.db, story.id)
    assert.ok(correction)
    await get('/stories/the-dam')
    const res = await postForm(t, editor, `/newsroom/corrections/${correction.id}`, {
      kind: 'correction',
      body: 'An earlier version misnamed who paid for the survey: it was the county.',
    })
    assert.equal(res.statusCode, 303)

    const page = (await get('/stories/the-dam')).body
    assert.ok(page.includes('An earlier version misnamed who paid for the survey: it was the county.'))
    assert.ok(!page.includes('We have clarified who paid'), 'readers see the current text only')
    assert.match(page, /\(Updated <time datetime="[^"]+">/)
    const article = structuredData(page).find(b => b['@type'] === 'NewsArticle') as
      | { correction?: { text: string }[] }
      | undefined
    assert.equal(
      article?.correction?.[0]?.text,
      'Correction: An earlier version misnamed who paid for the survey: it was the county.',
    )
    assert.ok((await get('/corrections')).body.includes('it was the county.'))

    const history = await listCorrectionHistory(t.database.db, correction.id)
    assert.deepEqual(
      history.map(h => [h.kind, h.body, h.accountId]),
      [
        ['clarification', 'We have clarified who paid for the survey.', editorAccount.id],
        ['correction', 'An earlier version misnamed who paid for the survey: it was the county.', editorAccount.id],
      ],
    )
    const newsroom = (
      await t.app.inject({ url: `/newsroom/stories/${story.id}/corrections`, headers: { cookie: editor.cookie } })
    ).body
    assert.ok(
      newsroom.includes('We have clarified who paid for the survey.') && newsroom.includes('it was the county.'),
      'the newsroom shows both texts',
    )
    assert.ok(
      (await listAudit(t.database.db, 20)).some(
        e => e.action === 'correction-amended' && e.subject === `correction:${correction.id}`,
      ),
    )

    const again = await postForm(t, editor, `/newsroom/corrections/${correction.id}`, {
      kind: 'correction',
      body: 'An earlier version misnamed who paid for the survey: it was the county.',
    })
    assert.match(String(again.headers.location), /done=unchanged/)
    assert.equal(
      (await listCorrectionHistory(t.database.db, correction.id)).length,
      2,
      'saving the same text adds nothing',
    )
  })

  it('a correction written before histories were kept keeps its first text when amended', async () => {
    const old = await makeCorrection(t.database.db, other.id, { body: 'An earlier version gave the wrong year.' })
    const page = (
      await t.app.inject({ url: `/newsroom/stories/${other.id}/corrections`, headers: { cookie: editor.cookie } })
    ).body
    assert.ok(page.includes('History (as first written)'))
    assert.equal(
      (
        await postForm(t, editor, `/newsroom/corrections/${old.id}`, {
          kind: 'correction',
          body: 'An earlier version gave the wrong year: it was 1987.',
        })
      ).statusCode,
      303,
    )
    assert.deepEqual(
      (await listCorrectionHistory(t.database.db, old.id)).map(h => [h.body, h.accountId]),
      [
        ['An earlier version gave the wrong year.', null],
        ['An earlier version gave the wrong year: it was 1987.', editorAccount.id],
      ],
    )
  })

  it('contributors and authors can neither see nor change corrections', async () => {
    const [correction] = await listCorrectionsForNewsroom(t.database.db, story.id)
    assert.ok(correction)
    const before = await stored()
    for (const role of ['contributor', 'author'] as const) {
      const browser = await signInAs(t, role)
      assert.equal(
        (await t.app.inject({ url: `/newsroom/stories/${story.id}/corrections`, headers: { cookie: browser.cookie } }))
          .statusCode,
        403,
        role,
      )
      assert.equal((await append(story.id, { body: `Appended by the ${role}.` }, browser)).statusCode, 403, role)
      assert.equal(
        (
          await postForm(t, browser, `/newsroom/corrections/${correction.id}`, {
            kind: 'correction',
            body: `Amended by the ${role}.`,
          })
        ).statusCode,
        403,
        role,
      )
    }
    assert.equal(await stored(), before)
    assert.equal((await findCorrection(t.database.db, correction.id))?.body, correction.body)
  })

  it('a form without its token changes nothing', async () => {
    const before = await stored()
    const res = await postForm(
      t,
      editor,
      `/newsroom/stories/${story.id}/corrections`,
      { kind: 'correction', body: 'No token.', publishedAt: wallTime(-5) },
      { csrf: false },
    )
    assert.equal(res.statusCode, 403)
    assert.equal(await stored(), before)
  })

  it('bad input is refused with a reason and the typed text kept, and nothing is stored', async () => {
    const before = await stored()
    const cases: [string, Parameters<typeof append>[1], RegExp][] = [
      ['empty text', { body: '   ' }, /cannot be empty/],
      ['6,000 characters', { body: 'x'.repeat(6000) }, /at most 5000/],
      ['an unknown kind', { kind: 'retraction', body: 'Kept as typed.' }, /correction or a clarification/],
      ['a date that is not one', { publishedAt: '2026-02-30T10:00', body: 'Kept as typed.' }, /date and a time/],
      ['a date two years away', { publishedAt: wallTime(2 * 366 * 24 * 60), body: 'Kept as typed.' }, /within a year/],
      ['a control character', { body: 'Nul \u0000 here' }, /control characters/],
    ]
    for (const [what, fields, reason] of cases) {
      const res = await append(story.id, fields)
      assert.equal(res.statusCode, 400, what)
      assert.match(res.body, reason, what)
      assert.ok(res.body.includes('Nothing was saved.'), what)
      if (fields.body === 'Kept as typed.')
        assert.ok(res.body.includes('>Kept as typed.</textarea>'), `${what}: the typed text is kept`)
    }
    assert.equal((await append(999_999, { body: 'No such story.' })).statusCode, 404)
    const [correction] = await listCorrectionsForNewsroom(t.database.db, story.id)
    assert.ok(correction)
    const amend = await postForm(t, editor, `/newsroom/corrections/${correction.id}`, { kind: 'correction', body: '' })
    assert.equal(amend.statusCode, 400)
    assert.equal(
      (await postForm(t, editor, '/newsroom/corrections/999999', { kind: 'correction', body: 'No such correction.' }))
        .statusCode,
      404,
    )
    assert.equal(
      (await t.app.inject({ url: '/newsroom/stories/999999/corrections', headers: { cookie: editor.cookie } }))
        .statusCode,
      404,
    )
    assert.equal(await stored(), before)
    assert.equal((await listCorrectionHistory(t.database.db, correction.id)).length, 2)
  })

  it('a correction may name a revision of its own story, never one of another story', async () => {
    const draft = await makeStory(t.database.db, { slug: 'revised', status: 'draft', publishedAt: null })
    await applyStoryAction(
      { db: t.database.db, events: t.events },
      { account: editorAccount, ip: '127.0.0.1' },
      draft.id,
      'publish',
    )
    await applyStoryAction(
      { db: t.database.db, events: t.events },
      { account: editorAccount, ip: '127.0.0.1' },
      other.id,
      'unpublish',
    )
    await applyStoryAction(
      { db: t.database.db, events: t.events },
      { account: editorAccount, ip: '127.0.0.1' },
      other.id,
      'publish',
    )
    const [own] = await listRevisions(t.database.db, draft.id)
    const [foreign] = await listRevisions(t.database.db, other.id)
    assert.ok(own && foreign)

    const page = (
      await t.app.inject({ url: `/newsroom/stories/${draft.id}/corrections`, headers: { cookie: editor.cookie } })
    ).body
    assert.ok(
      page.includes(`<option value="${own.id}">Version ${own.version}`),
      'the form offers the story’s revisions',
    )
    assert.ok(!page.includes(`<option value="${foreign.id}">`))

    const refused = await append(draft.id, { fixesRevisionId: String(foreign.id), body: 'Names a stranger.' })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /not one of this story’s revisions/)
    assert.equal((await listCorrectionsForNewsroom(t.database.db, draft.id)).length, 0)

    assert.equal((await append(draft.id, { fixesRevisionId: String(own.id), body: 'Names its own.' })).statusCode, 303)
    const [named] = await listCorrectionsForNewsroom(t.database.db, draft.id)
    assert.equal(named?.fixesRevisionId, own.id)
  })

  it('a correction dated later is listed in the newsroom but hidden from readers until then', async () => {
    assert.equal((await append(other.id, { body: 'Not yet, readers.', publishedAt: wallTime(60) })).statusCode, 303)
    assert.ok(!(await get('/stories/other-story')).body.includes('Not yet, readers.'))
    assert.ok(!(await get('/corrections')).body.includes('Not yet, readers.'))
    const newsroom = (
      await t.app.inject({ url: `/newsroom/stories/${other.id}/corrections`, headers: { cookie: editor.cookie } })
    ).body
    assert.ok(newsroom.includes('Not yet, readers.') && newsroom.includes('not shown to readers until then'))
  })

  it('hostile text reaches readers and the newsroom as text', async () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    assert.equal((await append(story.id, { body: hostile })).statusCode, 303)
    for (const url of ['/stories/the-dam', '/corrections']) {
      const html = (await get(url)).body
      assert.ok(!html.includes('<script>alert') && !html.includes('<img src=x'), `${url} shows raw markup`)
      assert.ok(
        html.includes('&lt;script>alert') || html.includes('&lt;script&gt;alert'),
        `${url} lacks the escaped text`,
      )
    }
    const ld =
      (await get('/stories/the-dam')).body.match(/<script type="application\/ld\+json">(.*?)<\/script>/)?.[1] ?? ''
    assert.ok(!ld.includes('<'), 'structured data must not contain a raw <')
    const feed = (await get('/corrections/feed.xml')).body
    assert.ok(!feed.includes('<script>alert'))
    const newsroom = (
      await t.app.inject({ url: `/newsroom/stories/${story.id}/corrections`, headers: { cookie: editor.cookie } })
    ).body
    assert.ok(!newsroom.includes('<script>alert') && newsroom.includes('&lt;script'))
  })
})
