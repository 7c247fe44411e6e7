// The story workflow as a newsroom lives it: write, submit, review, schedule, publish,
// correct; with roles, concurrent edits, and a schedule that survives a restart.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makePerson, makeTopic } from './factories.js'
import { makeAccount, postForm, signIn, signInAs, type Browser } from './newsroom-helpers.js'
import { buildApp } from '../src/app.js'
import { findStoryForEditing } from '../src/stories/index.js'

type App = Awaited<ReturnType<typeof testApp>>

function bodyWith(text: string) {
  return JSON.stringify({ type: 'doc', content: [
    { type: 'paragraph', content: [{ type: 'text', text }] },
    { type: 'pullQuote', attrs: { attribution: 'A source' }, content: [{ type: 'text', text: 'A quote worth pulling.' }] },
  ] })
}

async function newStory(t: App, browser: Browser): Promise<number> {
  const res = await postForm(t, browser, '/newsroom/stories', {})
  assert.equal(res.statusCode, 303)
  return Number(String(res.headers.location).split('/').pop())
}

function save(t: App, browser: Browser, id: number, fields: Record<string, string>, version: number) {
  return postForm(t, browser, `/newsroom/stories/${id}`, { version: String(version), title: 'A headline', dek: 'A dek', section: 'article', body: bodyWith('Words.'), ...fields })
}

describe('the story workflow', () => {
  let t: App
  let contributor: Browser
  let editor: Browser
  let personId = 0
  let topicId = 0

  before(async () => {
    t = await testApp({ runJobs: false })
    const person = await makePerson(t.database.db, { slug: 'rosa-field', name: 'Rosa Field' })
    personId = person.id
    topicId = (await makeTopic(t.database.db, { slug: 'water', name: 'Water' })).id
    const account = await makeAccount(t, 'contributor')
    await t.database.db.updateTable('accounts').set({ person_id: person.id }).where('id', '=', account.id).execute()
    contributor = await signIn(t, account.email)
    editor = await signInAs(t, 'editor')
  })
  after(() => t.dispose())

  it('a contributor writes a draft, which is not public, and submits it; they cannot publish', async () => {
    const id = await newStory(t, contributor)
    const saved = await save(t, contributor, id, { title: 'Wells run dry in <Marlow>', slug: '', authors: String(personId), topics: String(topicId) }, 1)
    assert.equal(saved.statusCode, 303)
    const story = await findStoryForEditing(t.database.db, id)
    assert.equal(story?.slug, 'wells-run-dry-in-marlow')
    assert.deepEqual(story?.authorIds, [personId])
    assert.equal((await t.app.inject('/stories/wells-run-dry-in-marlow')).statusCode, 404)
    const publish = await postForm(t, contributor, `/newsroom/stories/${id}/status`, { action: 'publish' })
    assert.equal(publish.statusCode, 403)
    assert.equal((await postForm(t, contributor, `/newsroom/stories/${id}/status`, { action: 'submit' })).statusCode, 303)
    assert.equal((await findStoryForEditing(t.database.db, id))?.status, 'in_review')
    const editorPage = (await t.app.inject({ url: `/newsroom/stories/${id}`, headers: { cookie: editor.cookie } })).body
    assert.match(editorPage, /Workflow history[\s\S]*Test contributor[\s\S]*draft[\s\S]*in review/, 'who moved it, and when')
    const again = await save(t, contributor, id, { title: 'Changed after submitting' }, (await findStoryForEditing(t.database.db, id))!.version)
    assert.equal(again.statusCode, 403, 'a contributor cannot edit once it is in review')
  })

  it('an editor publishes; the public page appears and the lists are purged', async () => {
    const id = await newStory(t, editor)
    await save(t, editor, id, { title: 'Published by an editor', topics: String(topicId) }, 1)
    assert.ok(!(await t.app.inject('/articles')).body.includes('Published by an editor'))
    assert.equal((await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'publish' })).statusCode, 303)
    const page = await t.app.inject('/stories/published-by-an-editor')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /A quote worth pulling/)
    assert.ok((await t.app.inject('/articles')).body.includes('Published by an editor'), 'the cached list was purged')
    assert.ok((await t.app.inject('/topics/water')).body.includes('Published by an editor'))
  })

  it('two people saving the same version: the second is refused and keeps their text', async () => {
    const id = await newStory(t, editor)
    const first = await save(t, editor, id, { title: 'First save wins' }, 1)
    assert.equal(first.statusCode, 303)
    const second = await save(t, editor, id, { title: 'Second save loses', body: bodyWith('My precious paragraph.') }, 1)
    assert.equal(second.statusCode, 409)
    assert.match(second.body, /Someone else saved this story/)
    assert.match(second.body, /My precious paragraph/, 'the refused text is still in the form')
    assert.equal((await findStoryForEditing(t.database.db, id))?.title, 'First save wins')
  })

  it('bad input is refused with reasons and stores nothing', async () => {
    const id = await newStory(t, editor)
    const before = await findStoryForEditing(t.database.db, id)
    const cases: [Record<string, string>, RegExp][] = [
      [{ title: '' }, /headline cannot be empty/],
      [{ slug: 'Not A Slug!' }, /slug may use only/],
      [{ section: 'gossip' }, /Choose a section/],
      [{ body: '{not json' }, /not valid JSON/],
      [{ body: JSON.stringify({ type: 'doc', content: [{ type: 'script', text: 'x' }] }) }, /Body: /],
      [{ body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }) }, /links must be/],
      [{ authors: '999999' }, /author you chose no longer exists/],
    ]
    for (const [fields, reason] of cases) {
      const res = await save(t, editor, id, fields, before!.version)
      assert.equal(res.statusCode, 400, JSON.stringify(fields))
      assert.match(res.body, reason)
    }
    const taken = await save(t, editor, id, { slug: 'published-by-an-editor' }, before!.version)
    assert.equal(taken.statusCode, 409)
    assert.equal((await findStoryForEditing(t.database.db, id))?.version, before!.version, 'nothing was stored')
  })

  it('hostile text entered in the editor reaches readers escaped', async () => {
    const id = await newStory(t, editor)
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    await save(t, editor, id, { title: `Hostile ${hostile}`, slug: 'hostile-story', dek: hostile, body: bodyWith(hostile) }, 1)
    await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'publish' })
    const html = (await t.app.inject('/stories/hostile-story')).body
    assert.ok(!html.includes('<script>alert(2)') && !html.includes('<img src=x'))
    assert.ok(html.includes('&lt;script>alert(2)') || html.includes('&lt;script&gt;alert(2)'))
  })

  it('a changed slug of a published story answers its old address with a 301', async () => {
    const id = await newStory(t, editor)
    await save(t, editor, id, { title: 'Old name', slug: 'old-name' }, 1)
    await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'publish' })
    const version = (await findStoryForEditing(t.database.db, id))!.version
    assert.equal((await save(t, editor, id, { title: 'New name', slug: 'new-name' }, version)).statusCode, 303)
    const old = await t.app.inject('/stories/old-name')
    assert.equal(old.statusCode, 301)
    assert.equal(old.headers.location, '/stories/new-name')
  })

  it('a preview link shows a draft exactly as readers would see it; a forged one is refused', async () => {
    const id = await newStory(t, contributor)
    await save(t, contributor, id, { title: 'Not yet public' }, 1)
    const editorPage = (await t.app.inject({ url: `/newsroom/stories/${id}`, headers: { cookie: contributor.cookie } })).body
    const link = editorPage.match(/href="(\/newsroom\/stories\/\d+\/preview\?exp=\d+&amp;sig=[^"]+)"/)?.[1]?.replace(/&amp;/g, '&')
    assert.ok(link)
    const preview = await t.app.inject(link)
    assert.equal(preview.statusCode, 200)
    assert.match(preview.body, /Not yet public/)
    assert.match(preview.body, /class="story__title"/)
    assert.match(preview.body, /noindex/)
    assert.equal(preview.headers['cache-control'], 'no-store')
    assert.equal((await t.app.inject(link.replace(/sig=[^&]+/, 'sig=forged'))).statusCode, 403)
  })

  it('a story scheduled for a time publishes when its job runs, even in a process started later', async () => {
    const id = await newStory(t, editor)
    await save(t, editor, id, { title: 'Scheduled story', slug: 'scheduled-story' }, 1)
    // A second process that never saw the job being queued (as after a restart) finds it in the
    // database and publishes on time. It is built first, so its start-up eats none of the wait.
    const restarted = await buildApp({ ...t.config, runJobs: false })
    try {
      const soon = new Date(Date.now() + 3000)
      const res = await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'schedule', scheduledFor: soon.toISOString() })
      assert.equal(res.statusCode, 303)
      assert.equal((await findStoryForEditing(t.database.db, id))?.status, 'scheduled')
      assert.equal((await t.app.inject('/stories/scheduled-story')).statusCode, 404)
      assert.equal(await restarted.jobs.runDueJobs(), 0, 'not before its time')
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, soon.getTime() - Date.now() + 200)))
      assert.equal(await restarted.jobs.runDueJobs(), 1)
      assert.equal((await findStoryForEditing(t.database.db, id))?.status, 'published')
      assert.equal((await restarted.app.inject('/stories/scheduled-story')).statusCode, 200)
    } finally {
      await restarted.close()
    }
  })

  it('scheduling in the past, or without a time, is refused', async () => {
    const id = await newStory(t, editor)
    await save(t, editor, id, { title: 'Bad schedule' }, 1)
    assert.equal((await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'schedule', scheduledFor: '2001-01-01T10:00' })).statusCode, 400)
    assert.equal((await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'schedule', scheduledFor: 'soon' })).statusCode, 400)
    assert.equal((await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'dance' })).statusCode, 400)
  })

  it('every save of a published story keeps a revision; the diff reads and a restore brings it back', async () => {
    const id = await newStory(t, editor)
    await save(t, editor, id, { title: 'First headline', slug: 'revised-story', body: bodyWith('The council met on Monday.') }, 1)
    await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'publish' })
    let version = (await findStoryForEditing(t.database.db, id))!.version
    await save(t, editor, id, { title: 'Second headline', slug: 'revised-story', body: bodyWith('The council met on Tuesday.') }, version)
    const page = (await t.app.inject({ url: `/newsroom/stories/${id}/revisions`, headers: { cookie: editor.cookie } })).body
    assert.match(page, /<del[^>]*>[^<]*(<span[^>]*>[^<]*<\/span>)?[^<]*Monday/)
    assert.match(page, /<ins[^>]*>[^<]*(<span[^>]*>[^<]*<\/span>)?[^<]*Tuesday/)
    const first = page.match(/action="(\/newsroom\/stories\/\d+\/revisions\/(\d+)\/restore)"/g) ?? []
    assert.ok(first.length >= 1, 'older revisions can be restored')
    const oldest = (await import('../src/stories/index.js')).listRevisions
    const revisions = await oldest(t.database.db, id)
    const original = revisions[revisions.length - 1]!
    version = (await findStoryForEditing(t.database.db, id))!.version
    const restored = await postForm(t, editor, `/newsroom/stories/${id}/revisions/${original.version}/restore`, { version: String(version) })
    assert.equal(restored.statusCode, 303)
    assert.equal((await findStoryForEditing(t.database.db, id))?.title, 'First headline')
    assert.match((await t.app.inject('/stories/revised-story')).body, /Monday/)
    assert.equal((await oldest(t.database.db, id)).length, revisions.length + 1, 'the restore is itself a revision')
  })

  it('the body editor’s lists answer signed-in staff only', async () => {
    assert.equal((await t.app.inject('/newsroom/api/images')).statusCode, 401)
    const res = await t.app.inject({ url: '/newsroom/api/documentaries', headers: { cookie: contributor.cookie } })
    assert.equal(res.statusCode, 200)
    assert.ok(Array.isArray(res.json()))
  })
})
