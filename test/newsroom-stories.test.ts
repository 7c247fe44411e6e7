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
  return JSON.stringify({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      {
        type: 'pullQuote',
        attrs: { attribution: 'A source' },
        content: [{ type: 'text', text: 'A quote worth pulling.' }],
      },
    ],
  })
}

async function newStory(t: App, browser: Browser): Promise<number> {
  const res = await postForm(t, browser, '/newsroom/stories', {
    version: '0',
    title: '',
    body: JSON.stringify({ type: 'doc', content: [] }),
  })
  assert.equal(res.statusCode, 303)
  return Number(String(res.headers.location).match(/stories\/(\d+)/)?.[1])
}

function save(t: App, browser: Browser, id: number, fields: Record<string, string>, version: number) {
  return postForm(t, browser, `/newsroom/stories/${id}`, {
    version: String(version),
    title: 'A headline',
    dek: 'A dek',
    section: 'article',
    body: bodyWith('Words.'),
    ...fields,
  })
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
    const saved = await save(
      t,
      contributor,
      id,
      { title: 'Wells run dry in <Marlow>', slug: '', authors: String(personId), topics: String(topicId) },
      1,
    )
    assert.equal(saved.statusCode, 303)
    const story = await findStoryForEditing(t.database.db, id)
    assert.equal(story?.slug, 'wells-run-dry-in-marlow')
    assert.deepEqual(story?.authorIds, [personId])
    assert.equal((await t.app.inject('/stories/wells-run-dry-in-marlow')).statusCode, 404)
    const publish = await postForm(t, contributor, `/newsroom/stories/${id}/status`, { action: 'publish' })
    assert.equal(publish.statusCode, 403)
    assert.equal(
      (await postForm(t, contributor, `/newsroom/stories/${id}/status`, { action: 'submit' })).statusCode,
      303,
    )
    assert.equal((await findStoryForEditing(t.database.db, id))?.status, 'in_review')
    const editorPage = (await t.app.inject({ url: `/newsroom/stories/${id}`, headers: { cookie: editor.cookie } })).body
    assert.match(
      editorPage,
      /Workflow history[\s\S]*Test contributor[\s\S]*draft[\s\S]*in review/,
      'who moved it, and when',
    )
    const again = await save(
      t,
      contributor,
      id,
      { title: 'Changed after submitting' },
      (await findStoryForEditing(t.database.db, id))!.version,
    )
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
    const second = await save(
      t,
      editor,
      id,
      { title: 'Second save loses', body: bodyWith('My precious paragraph.') },
      1,
    )
    assert.equal(second.statusCode, 409)
    assert.match(second.body, /Someone else saved this story/)
    assert.match(second.body, /My precious paragraph/, 'the refused text is still in the form')
    assert.equal((await findStoryForEditing(t.database.db, id))?.title, 'First save wins')
  })

  it('bad input is refused with reasons and stores nothing', async () => {
    const id = await newStory(t, editor)
    const before = await findStoryForEditing(t.database.db, id)
    const cases: [Record<string, string>, RegExp][] = [
      [{ title: '', action: 'publish' }, /headline cannot be empty/],
      [{ title: '', action: 'submit' }, /headline cannot be empty/],
      [{ slug: 'Not A Slug!' }, /slug may use only/],
      [{ section: 'gossip' }, /Choose a section/],
      [{ body: '{not json' }, /not valid JSON/],
      [{ body: JSON.stringify({ type: 'doc', content: [{ type: 'script', text: 'x' }] }) }, /Body: /],
      [
        {
          body: JSON.stringify({
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
                ],
              },
            ],
          }),
        },
        /links must be/,
      ],
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
    await save(
      t,
      editor,
      id,
      { title: `Hostile ${hostile}`, slug: 'hostile-story', dek: hostile, body: bodyWith(hostile) },
      1,
    )
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
    const editorPage = (await t.app.inject({ url: `/newsroom/stories/${id}`, headers: { cookie: contributor.cookie } }))
      .body
    const link = editorPage
      .match(/href="(\/newsroom\/stories\/\d+\/preview\?exp=\d+&amp;sig=[^"]+)"/)?.[1]
      ?.replace(/&amp;/g, '&')
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
      const res = await postForm(t, editor, `/newsroom/stories/${id}/status`, {
        action: 'schedule',
        scheduledFor: soon.toISOString(),
      })
      assert.equal(res.statusCode, 303)
      assert.equal((await findStoryForEditing(t.database.db, id))?.status, 'scheduled')
      assert.equal((await t.app.inject('/stories/scheduled-story')).statusCode, 404)
      assert.equal(await restarted.jobs.runDueJobs(), 0, 'not before its time')
      await new Promise(resolve => setTimeout(resolve, Math.max(0, soon.getTime() - Date.now() + 200)))
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
    assert.equal(
      (
        await postForm(t, editor, `/newsroom/stories/${id}/status`, {
          action: 'schedule',
          scheduledFor: '2001-01-01T10:00',
        })
      ).statusCode,
      400,
    )
    assert.equal(
      (await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'schedule', scheduledFor: 'soon' }))
        .statusCode,
      400,
    )
    assert.equal((await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'dance' })).statusCode, 400)
  })

  it('every save of a published story keeps a revision; the diff reads and a restore brings it back', async () => {
    const id = await newStory(t, editor)
    await save(
      t,
      editor,
      id,
      { title: 'First headline', slug: 'revised-story', body: bodyWith('The council met on Monday.') },
      1,
    )
    await postForm(t, editor, `/newsroom/stories/${id}/status`, { action: 'publish' })
    let version = (await findStoryForEditing(t.database.db, id))!.version
    await save(
      t,
      editor,
      id,
      { title: 'Second headline', slug: 'revised-story', body: bodyWith('The council met on Tuesday.') },
      version,
    )
    const page = (await t.app.inject({ url: `/newsroom/stories/${id}/revisions`, headers: { cookie: editor.cookie } }))
      .body
    assert.match(page, /<del[^>]*>[^<]*(<span[^>]*>[^<]*<\/span>)?[^<]*Monday/)
    assert.match(page, /<ins[^>]*>[^<]*(<span[^>]*>[^<]*<\/span>)?[^<]*Tuesday/)
    const first = page.match(/action="(\/newsroom\/stories\/\d+\/revisions\/(\d+)\/restore)"/g) ?? []
    assert.ok(first.length >= 1, 'older revisions can be restored')
    const oldest = (await import('../src/stories/index.js')).listRevisions
    const revisions = await oldest(t.database.db, id)
    const original = revisions[revisions.length - 1]!
    version = (await findStoryForEditing(t.database.db, id))!.version
    const restored = await postForm(t, editor, `/newsroom/stories/${id}/revisions/${original.version}/restore`, {
      version: String(version),
    })
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

describe('no lost work: the editor’s buttons send the fields with the move', () => {
  let t: App
  let editor: Browser
  let contributor: Browser
  const empty = JSON.stringify({ type: 'doc', content: [] })

  before(async () => {
    t = await testApp({ runJobs: false })
    editor = await signInAs(t, 'editor')
    contributor = await signInAs(t, 'contributor')
  })
  after(() => t.dispose())

  const storyCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('stories')
          .select(eb => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('"New story" opens an empty editor and stores nothing until the first save', async () => {
    const before = await storyCount()
    const page = await t.app.inject({ url: '/newsroom/stories/new', headers: { cookie: editor.cookie } })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /action="\/newsroom\/stories"/)
    assert.match(page.body, /data-autosave-url="\/newsroom\/stories\/new\/autosave"/)
    assert.match(page.body, /value="publish"/, 'Publish now is offered before any save')
    assert.equal(await storyCount(), before, 'opening the editor made no row')
  })

  it('Publish now on a new story that was never saved publishes exactly what was typed', async () => {
    const res = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: 'Straight to press',
      dek: 'Never saved first',
      section: 'article',
      body: bodyWith('Typed and published at once.'),
      action: 'publish',
    })
    assert.equal(res.statusCode, 303)
    const id = Number(String(res.headers.location).match(/stories\/(\d+)/)?.[1])
    assert.match(String(res.headers.location), /done=publish/)
    const story = await findStoryForEditing(t.database.db, id)
    assert.equal(story?.status, 'published')
    assert.equal(story?.title, 'Straight to press')
    const live = await t.app.inject('/stories/straight-to-press')
    assert.equal(live.statusCode, 200)
    assert.match(live.body, /Typed and published at once/)
    const after = await t.app.inject({ url: String(res.headers.location), headers: { cookie: editor.cookie } })
    assert.match(
      after.body,
      /Published\.[\s\S]*href="\/stories\/straight-to-press"/,
      'the notice links to the live page',
    )
  })

  it('an edit sent with Publish now is in the published version and its revision', async () => {
    const created = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: 'Late edit',
      section: 'article',
      body: bodyWith('First words.'),
    })
    const id = Number(String(created.headers.location).match(/stories\/(\d+)/)?.[1])
    const version = (await findStoryForEditing(t.database.db, id))!.version
    const res = await postForm(t, editor, `/newsroom/stories/${id}`, {
      version: String(version),
      title: 'Late edit',
      section: 'article',
      body: bodyWith('Words changed a second before publishing.'),
      action: 'publish',
    })
    assert.equal(res.statusCode, 303)
    assert.match((await t.app.inject('/stories/late-edit')).body, /Words changed a second before publishing/)
    const { listRevisions } = await import('../src/stories/index.js')
    const [latest] = await listRevisions(t.database.db, id)
    assert.match(JSON.stringify(latest?.fields.body), /Words changed a second before publishing/)
  })

  it('a refused move (no headline) keeps the typed text, names the field and stores nothing', async () => {
    const before = await storyCount()
    const res = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: '   ',
      dek: 'My dek survives',
      section: 'article',
      body: bodyWith('My paragraph survives.'),
      action: 'publish',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /class="nr-layout|nr-main/, "the newsroom page, not the reader's error page")
    assert.match(res.body, /id="title-error"[^>]*>The headline cannot be empty/)
    assert.match(
      res.body,
      /aria-invalid="true"[^>]*aria-describedby="title-error"|aria-describedby="title-error"[^>]*aria-invalid="true"|id="title"[^>]*aria-invalid="true"/,
    )
    assert.match(res.body, /My dek survives/)
    assert.match(res.body, /My paragraph survives/)
    assert.match(res.body, /data-unsaved="true"/, 'the page knows its text is not saved')
    assert.equal(await storyCount(), before)
  })

  it('a move the role may not make keeps the typed text and saves nothing', async () => {
    const created = await postForm(t, contributor, '/newsroom/stories', {
      version: '0',
      title: 'Mine',
      section: 'article',
      body: bodyWith('Draft text.'),
    })
    const id = Number(String(created.headers.location).match(/stories\/(\d+)/)?.[1])
    const res = await postForm(t, contributor, `/newsroom/stories/${id}`, {
      version: '1',
      title: 'Mine, changed',
      section: 'article',
      body: bodyWith('Changed text.'),
      action: 'publish',
    })
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /Changed text/)
    assert.equal((await findStoryForEditing(t.database.db, id))?.title, 'Mine')
  })

  it('a stale version with Publish now is refused as a conflict, and nothing is published', async () => {
    const created = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: 'Two tabs',
      section: 'article',
      body: bodyWith('Tab one.'),
    })
    const id = Number(String(created.headers.location).match(/stories\/(\d+)/)?.[1])
    assert.equal(
      (
        await postForm(t, editor, `/newsroom/stories/${id}`, {
          version: '1',
          title: 'Two tabs',
          section: 'article',
          body: bodyWith('Tab one, again.'),
        })
      ).statusCode,
      303,
    )
    const stale = await postForm(t, editor, `/newsroom/stories/${id}`, {
      version: '1',
      title: 'Two tabs',
      section: 'article',
      body: bodyWith('Tab two.'),
      action: 'publish',
    })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Tab two/)
    assert.equal((await findStoryForEditing(t.database.db, id))?.status, 'draft')
  })

  it('scheduling with the fields saves them and shows when; a missing time is named beside the field', async () => {
    const created = await postForm(t, editor, '/newsroom/stories', {
      version: '0',
      title: 'For later',
      section: 'article',
      body: bodyWith('Later.'),
    })
    const id = Number(String(created.headers.location).match(/stories\/(\d+)/)?.[1])
    const missing = await postForm(t, editor, `/newsroom/stories/${id}`, {
      version: '1',
      title: 'For later, retitled',
      section: 'article',
      body: bodyWith('Later.'),
      action: 'schedule',
      scheduledFor: '',
    })
    assert.equal(missing.statusCode, 400)
    assert.match(missing.body, /id="scheduledFor-error"[^>]*>Choose the date and time/)
    assert.match(missing.body, /For later, retitled/)
    const at = new Date(Date.now() + 86_400_000).toISOString()
    const ok = await postForm(t, editor, `/newsroom/stories/${id}`, {
      version: '1',
      title: 'For later, retitled',
      section: 'article',
      body: bodyWith('Later.'),
      action: 'schedule',
      scheduledFor: at,
    })
    assert.equal(ok.statusCode, 303)
    const story = await findStoryForEditing(t.database.db, id)
    assert.equal(story?.status, 'scheduled')
    assert.equal(story?.title, 'For later, retitled')
    const page = await t.app.inject({ url: String(ok.headers.location), headers: { cookie: editor.cookie } })
    assert.match(page.body, /Scheduled to publish [^<]+\.[\s\S]*Preview it until then/)
  })

  it('autosave creates a new story once, answers JSON, and names a field it refuses without stopping', async () => {
    const json = (url: string, fields: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url,
        payload: fields,
        headers: {
          cookie: editor.cookie,
          'x-csrf-token': editor.csrf,
          accept: 'application/json',
          'content-type': 'application/json',
        },
      })
    const first = await json('/newsroom/stories/new/autosave', {
      version: '0',
      title: '',
      section: 'article',
      body: bodyWith('Only a body so far.'),
    })
    assert.equal(first.statusCode, 200, first.body)
    const saved = first.json() as {
      storyId: number
      version: number
      editUrl: string
      autosaveUrl: string
      savedAtText: string
    }
    assert.equal(saved.version, 1)
    assert.equal(saved.editUrl, `/newsroom/stories/${saved.storyId}`)
    assert.match(saved.savedAtText, /\d/)
    const taken = await json(saved.autosaveUrl, {
      version: '1',
      title: 'Straight to press',
      slug: 'straight-to-press',
      section: 'article',
      body: bodyWith('x'),
    })
    assert.equal(taken.statusCode, 409)
    const refusal = taken.json() as { error: { code: string; fields: { field: string; message: string }[] } }
    assert.equal(refusal.error.code, 'slug_taken', 'a field error, not a version conflict')
    assert.equal(refusal.error.fields[0]?.field, 'slug')
    const next = await json(saved.autosaveUrl, {
      version: '1',
      title: 'Straight to press',
      slug: 'another-slug',
      section: 'article',
      body: bodyWith('x'),
    })
    assert.equal(next.statusCode, 200, 'autosave carries on once the field is fixed')
    const conflict = await json(saved.autosaveUrl, {
      version: '1',
      title: 'Old tab',
      section: 'article',
      body: bodyWith('x'),
    })
    assert.equal(conflict.statusCode, 409)
    assert.equal((conflict.json() as { error: { code: string } }).error.code, 'conflict')
    const bad = await json('/newsroom/stories/new/autosave', {
      version: '0',
      title: 'x',
      section: 'article',
      body: '{not json',
    })
    assert.equal(bad.statusCode, 400)
    assert.equal((bad.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field, 'body')
  })
})
