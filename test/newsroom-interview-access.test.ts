// Who reaches an interview in the newsroom, over HTTP, on SQLite or (with TEST_DATABASE_URL)
// PostgreSQL: an author opens and edits the interviews they made and those they were an
// interviewer on; anyone else's unpublished interview is not there for them (404, its title not
// shown, nothing stored), in its pages, its posts, the list and the story editor's picker. A
// published interview is every writer's to quote; an editor reaches every interview.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeInterview, makePerson } from './factories.js'
import { findInterviewById, type Interview } from '../src/interviews/index.js'
import { replaceInterviewLinks } from '../src/interviews/store.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

const PASSAGES = [
  { speaker: 'Ana Ruiz', startSeconds: 0, endSeconds: 8, text: 'I kept the harbour ledgers for eleven years.' },
  { speaker: 'Kit Navarro', startSeconds: 8, endSeconds: 15, text: 'Who signed the permits?' },
]

describe('who reaches an interview in the newsroom', () => {
  let t: TestApp
  let author: Browser
  let contributor: Browser
  let editor: Browser
  let own: Interview
  let asked: Interview
  let theirs: Interview
  let published: Interview
  let kitId: number

  const accountId = async (browser: Browser) =>
    (
      await t.database.db
        .selectFrom('accounts')
        .select('id')
        .where('email', '=', browser.email)
        .executeTakeFirstOrThrow()
    ).id
  const get = (browser: Browser, url: string) => t.app.inject({ url, headers: { cookie: browser.cookie } })

  before(async () => {
    t = await testApp()
    const db = t.database.db
    ;[author, contributor, editor] = [
      await signInAs(t, 'author'),
      await signInAs(t, 'contributor'),
      await signInAs(t, 'editor'),
    ]
    const [authorId, editorId] = [await accountId(author), await accountId(editor)]
    const kit = await makePerson(db, { name: 'Kit Navarro', slug: 'kit-navarro' })
    kitId = kit.id
    await db.updateTable('accounts').set({ person_id: kit.id }).where('id', '=', authorId).execute()
    own = await makeInterview(db, {
      title: 'Her own talk on the ledgers',
      ownerAccountId: authorId,
      passages: PASSAGES,
    })
    asked = await makeInterview(db, { title: 'Kit asked the questions', ownerAccountId: editorId, passages: PASSAGES })
    await replaceInterviewLinks(db, asked.id, { documentaryIds: [], topicIds: [], interviewerIds: [kit.id] })
    theirs = await makeInterview(db, {
      title: 'A source nobody may know of',
      ownerAccountId: editorId,
      passages: PASSAGES,
    })
    published = await makeInterview(db, {
      title: 'Already on the site',
      ownerAccountId: editorId,
      passages: PASSAGES,
      status: 'published',
    })
  })
  after(() => t.dispose())

  it('an author opens and edits their own interview and one they were an interviewer on', async () => {
    for (const interview of [own, asked]) {
      const page = await get(author, `/newsroom/interviews/${interview.id}`)
      assert.equal(page.statusCode, 200, interview.title)
      assert.match(page.body, new RegExp(interview.title))
      assert.equal((await get(author, `/newsroom/interviews/${interview.id}/video`)).statusCode, 200)
      const saved = await postForm(t, author, `/newsroom/interviews/${interview.id}`, {
        title: `${interview.title}, edited`,
        slug: interview.slug,
        personId: String(interview.personId),
        personRole: 'Former clerk',
        recordedOn: '',
        place: '',
        summary: '',
        interviewers: interview.id === asked.id ? [String(kitId)] : [],
      })
      assert.equal(saved.statusCode, 303, saved.body)
      assert.equal((await findInterviewById(t.database.db, interview.id))?.title, `${interview.title}, edited`)
    }
    const list = await get(author, '/newsroom/interviews')
    assert.match(list.body, /Her own talk on the ledgers/)
    assert.match(list.body, /Kit asked the questions/)
    assert.doesNotMatch(list.body, /A source nobody may know of/)
  })

  it('another’s unpublished interview is not there for an author: 404 for its pages and posts, and nothing stored', async () => {
    for (const url of [
      `/newsroom/interviews/${theirs.id}`,
      `/newsroom/interviews/${theirs.id}/video`,
      `/newsroom/api/interviews/${theirs.id}/video`,
      `/newsroom/api/interviews/${theirs.id}/passages`,
    ]) {
      const res = await get(author, url)
      assert.equal(res.statusCode, 404, url)
      assert.doesNotMatch(res.body, /A source nobody may know of/)
    }
    const fields = {
      title: 'Mine now',
      slug: theirs.slug,
      personId: String(theirs.personId),
      personRole: 'x',
      recordedOn: '',
      place: '',
      summary: '',
    }
    for (const [url, body] of [
      [`/newsroom/interviews/${theirs.id}`, fields],
      [`/newsroom/interviews/${theirs.id}/submit`, {}],
      [`/newsroom/interviews/${theirs.id}/passages`, { positions: ['0'], reason: 'privacy', do: 'withhold' }],
      [`/newsroom/interviews/${theirs.id}/notes`, { passage: '1', kind: 'note', body: 'Hm.', linkUrl: '' }],
    ] as const) {
      assert.equal((await postForm(t, author, url, body as Record<string, string | string[]>)).statusCode, 404, url)
    }
    const after = await findInterviewById(t.database.db, theirs.id)
    assert.deepEqual([after?.title, after?.status], ['A source nobody may know of', 'draft'])
    const withheld = await t.database.db
      .selectFrom('interview_passages')
      .select('id')
      .where('interview_id', '=', theirs.id)
      .where('withheld_reason', 'is not', null)
      .execute()
    assert.deepEqual(withheld, [])
    // A contributor does not reach the interview pages at all.
    assert.equal((await get(contributor, `/newsroom/interviews/${own.id}`)).statusCode, 403)
  })

  it('the story editor’s picker: published interviews for every writer, the others only for those who reach them', async () => {
    // Titles without the ", edited" the first test may have added.
    const titles = async (browser: Browser, query = '') =>
      ((await get(browser, `/newsroom/api/interviews${query}`)).json() as { title: string }[])
        .map(i => i.title.replace(', edited', ''))
        .sort()
    assert.deepEqual(await titles(author), [
      'Already on the site',
      'Her own talk on the ledgers',
      'Kit asked the questions',
    ])
    assert.deepEqual(await titles(contributor), ['Already on the site'])
    assert.deepEqual(await titles(contributor, `?ids=${theirs.id},${published.id}`), ['Already on the site'])
    assert.equal((await titles(editor)).length, 4)
    for (const browser of [author, contributor]) {
      assert.equal((await get(browser, `/newsroom/api/interviews/${theirs.id}/passages`)).statusCode, 404)
      assert.equal((await get(browser, `/newsroom/api/interviews/${published.id}/passages`)).statusCode, 200)
    }
    assert.equal((await get(author, `/newsroom/api/interviews/${asked.id}/passages`)).statusCode, 200)
    assert.equal((await get(editor, `/newsroom/api/interviews/${theirs.id}/passages`)).statusCode, 200)
    assert.equal((await get(editor, `/newsroom/interviews/${theirs.id}`)).statusCode, 200)
  })
})
