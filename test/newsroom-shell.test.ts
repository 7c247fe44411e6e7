// Errors under /newsroom answer inside the newsroom's shell, with its navigation for the person
// signed in and a way back to what they were doing; its API answers JSON; a crash stays generic.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeStory } from './factories.js'

type App = Awaited<ReturnType<typeof testApp>>

/** The links of a page's "Ways back" navigation. */
function waysBack(html: string): string[] {
  const nav = /<nav aria-label="Ways back">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? ''
  return [...nav.matchAll(/href="([^"]+)"/g)].map(m => m[1] ?? '')
}

/** Whether the page is the newsroom's shell with its navigation (not the reader's error page). */
function assertNewsroomShell(html: string, where: string) {
  assert.match(html, /<body class="newsroom">/, `${where}: the newsroom's shell`)
  assert.match(html, /<nav aria-label="Newsroom">/, `${where}: the newsroom's navigation`)
  assert.doesNotMatch(html, /error-page/, `${where}: not the reader's error page`)
}

describe('errors inside the newsroom', () => {
  let t: App
  let editor: Browser
  let contributor: Browser

  before(async () => {
    t = await testApp({ runJobs: false })
    // A handler with a bug, standing for any unexpected failure; registered before the app is ready.
    t.app.get('/newsroom/broken', { config: { auth: 'contributor' } }, async () => {
      throw new Error('database password is hunter2 at /srv/newsreel/secret.ts:12')
    })
    editor = await signInAs(t, 'editor')
    contributor = await signInAs(t, 'contributor')
  })
  after(() => t.dispose())

  it('a missing story is a 404 in the shell, linking back to the stories and the dashboard', async () => {
    const res = await t.app.inject({ url: '/newsroom/stories/99', headers: { cookie: editor.cookie } })
    assert.equal(res.statusCode, 404)
    assert.match(String(res.headers['content-type']), /text\/html/)
    assertNewsroomShell(res.body, '404')
    assert.match(res.body, /<h1>Not found<\/h1>/)
    assert.match(res.body, /No such story\./)
    assert.deepEqual(waysBack(res.body), ['/newsroom/stories', '/newsroom'])
    // The editor's own sections are in the navigation.
    assert.match(res.body, /href="\/newsroom\/documentaries"/)
  })

  it('an address nothing answers under /newsroom is a 404 in the shell too, with the list it would belong to', async () => {
    const res = await t.app.inject({ url: '/newsroom/podcasts/7/nothing-here', headers: { cookie: editor.cookie } })
    assert.equal(res.statusCode, 404)
    assertNewsroomShell(res.body, 'unmatched 404')
    assert.deepEqual(waysBack(res.body), ['/newsroom/podcasts', '/newsroom'])
    const episode = await t.app.inject({ url: '/newsroom/episodes/424242', headers: { cookie: editor.cookie } })
    assert.equal(episode.statusCode, 404)
    assert.deepEqual(waysBack(episode.body), ['/newsroom/podcasts', '/newsroom'])
  })

  it('a page above the role is a 403 in the shell, with the person’s own navigation and no link to where they may not go', async () => {
    const res = await t.app.inject({ url: '/newsroom/staff', headers: { cookie: contributor.cookie } })
    assert.equal(res.statusCode, 403)
    assertNewsroomShell(res.body, '403')
    assert.match(res.body, /<h1>Not allowed<\/h1>/)
    assert.match(res.body, /This needs the admin role; your account is contributor\./)
    assert.doesNotMatch(res.body, /href="\/newsroom\/staff"/)
    assert.doesNotMatch(res.body, /href="\/newsroom\/documentaries"/)
    assert.deepEqual(waysBack(res.body), ['/newsroom'])
  })

  it('someone else’s story refused to a contributor links back to their stories', async () => {
    const story = await makeStory(t.database.db, { status: 'draft', publishedAt: null })
    const res = await t.app.inject({ url: `/newsroom/stories/${story.id}`, headers: { cookie: contributor.cookie } })
    assert.equal(res.statusCode, 403)
    assertNewsroomShell(res.body, '403 story')
    assert.deepEqual(waysBack(res.body), ['/newsroom/stories', '/newsroom'])
  })

  it('a conflict is a 409 in the shell, leading back to the page the form came from', async () => {
    const story = await makeStory(t.database.db, { status: 'published' })
    const res = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${story.id}/autosave`,
      headers: {
        cookie: editor.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        referer: `http://localhost:80/newsroom/stories/${story.id}`,
      },
      payload: new URLSearchParams({
        _csrf: editor.csrf,
        version: '1',
        title: 'T',
        dek: '',
        section: 'article',
        body: '{"type":"doc","content":[]}',
      }).toString(),
    })
    assert.equal(res.statusCode, 409)
    assertNewsroomShell(res.body, '409')
    assert.match(res.body, /<h1>Changed in the meantime<\/h1>/)
    assert.match(res.body, /Only drafts are saved automatically/)
    assert.deepEqual(waysBack(res.body), [`/newsroom/stories/${story.id}`, '/newsroom/stories', '/newsroom'])
  })

  it('the same conflict asked for as JSON (the autosave fetch) answers JSON', async () => {
    const story = await makeStory(t.database.db, { status: 'published' })
    const res = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${story.id}/autosave`,
      headers: {
        cookie: editor.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      payload: new URLSearchParams({
        _csrf: editor.csrf,
        version: '1',
        title: 'T',
        dek: '',
        section: 'article',
        body: '{"type":"doc","content":[]}',
      }).toString(),
    })
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error.code, 'conflict')
  })

  it('a form that does not fit its rules is a 400 in the shell naming the field; a referer from another site is not offered', async () => {
    const story = await makeStory(t.database.db, { status: 'draft', publishedAt: null })
    const res = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${story.id}/status`,
      headers: {
        cookie: editor.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        referer: 'https://evil.example/newsroom/stories',
      },
      payload: new URLSearchParams({ _csrf: editor.csrf, action: 'explode' }).toString(),
    })
    assert.equal(res.statusCode, 400)
    assertNewsroomShell(res.body, '400')
    assert.match(res.body, /action/)
    assert.deepEqual(waysBack(res.body), ['/newsroom/stories', '/newsroom'])
    const empty = await postForm(t, editor, '/newsroom/stories/abc/status', { action: 'submit' })
    assert.equal(empty.statusCode, 400)
    assertNewsroomShell(empty.body, '400 address')
  })

  it('the newsroom API answers JSON errors whatever the browser accepts', async () => {
    for (const accept of ['text/html', '*/*', 'application/json']) {
      const res = await t.app.inject({ url: '/newsroom/api/nothing', headers: { cookie: editor.cookie, accept } })
      assert.equal(res.statusCode, 404, accept)
      assert.match(String(res.headers['content-type']), /application\/json/)
      assert.equal(res.json().error.code, 'not_found')
      assert.equal(typeof res.json().error.message, 'string')
    }
    const film = await t.app.inject({
      url: '/newsroom/api/documentaries/99/film',
      headers: { cookie: editor.cookie, accept: 'text/html' },
    })
    assert.equal(film.statusCode, 404)
    assert.equal(film.json().error.code, 'not_found')
    const refused = await t.app.inject({
      url: '/newsroom/api/documentaries/1/film',
      headers: { cookie: contributor.cookie, accept: 'text/html' },
    })
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().error.code, 'forbidden')
  })

  it('a crash is a 500 in the shell that tells nothing of what broke', async () => {
    const res = await t.app.inject({ url: '/newsroom/broken', headers: { cookie: editor.cookie } })
    assert.equal(res.statusCode, 500)
    assertNewsroomShell(res.body, '500')
    assert.match(res.body, /<h1>Something went wrong<\/h1>/)
    assert.doesNotMatch(res.body, /hunter2|secret\.ts|at \//)
    assert.deepEqual(waysBack(res.body), ['/newsroom'])
  })

  it('signed out: pages still redirect to sign in; an unknown address gets the shell without navigation', async () => {
    const page = await t.app.inject({ url: '/newsroom/stories/99' })
    assert.equal(page.statusCode, 303)
    assert.match(String(page.headers.location), /^\/newsroom\/sign-in\?next=/)
    const unknown = await t.app.inject({ url: '/newsroom/nothing-here' })
    assert.equal(unknown.statusCode, 404)
    assert.match(unknown.body, /<body class="newsroom">/)
    assert.doesNotMatch(unknown.body, /<nav aria-label="Newsroom">/)
    assert.deepEqual(waysBack(unknown.body), ['/newsroom/sign-in', '/'])
    const post = await t.app.inject({
      method: 'POST',
      url: '/newsroom/stories',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    })
    assert.equal(post.statusCode, 401)
    assert.match(post.body, /<h1>Please sign in<\/h1>/)
  })

  it('outside /newsroom the reader’s error page stays, even at an address that merely starts alike', async () => {
    for (const url of ['/newsroomx', '/stories/nothing-here']) {
      const res = await t.app.inject({ url, headers: { cookie: editor.cookie } })
      assert.equal(res.statusCode, 404, url)
      assert.match(res.body, /error-page/, url)
      assert.doesNotMatch(res.body, /<body class="newsroom">/, url)
    }
  })
})
