// Corrections are appended only to stories readers have seen: a story never published has
// nothing to correct, and the newsroom says so rather than storing one.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../test/helpers.js'
import { makeStory } from '../../test/factories.js'
import { makeAccount, postForm, signIn, type Browser } from '../../test/newsroom-helpers.js'
import { listCorrectionsForNewsroom } from './index.js'
import { applyStoryAction } from '../stories/index.js'
import type { Account } from '../newsroom/index.js'

const wallTime = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16)

describe('corrections and publication', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let editor: Browser
  let account: Account

  before(async () => {
    t = await testApp({ runJobs: false })
    account = await makeAccount(t, 'editor')
    editor = await signIn(t, account.email)
  })
  after(() => t.dispose())

  const append = (storyId: number, body: string) =>
    postForm(t, editor, `/newsroom/stories/${storyId}/corrections`, {
      kind: 'correction',
      body,
      publishedAt: wallTime(-5),
      fixesRevisionId: '',
    })

  it('a story that was never published refuses a correction with 409 and a reason, keeps the typed text, and stores nothing', async () => {
    for (const status of ['draft', 'in_review', 'scheduled'] as const) {
      const story = await makeStory(t.database.db, { status, publishedAt: null })
      const page = await t.app.inject({
        url: `/newsroom/stories/${story.id}/corrections`,
        headers: { cookie: editor.cookie },
      })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /never been published/)
      const res = await append(story.id, 'Typed before publication.')
      assert.equal(res.statusCode, 409, status)
      assert.match(res.body, /never been published, so there is nothing to correct yet/)
      assert.match(res.body, /Typed before publication\./, 'the typed text comes back')
      assert.equal((await listCorrectionsForNewsroom(t.database.db, story.id)).length, 0, status)
    }
  })

  it('a story published once and since unpublished still takes corrections', async () => {
    const story = await makeStory(t.database.db, { status: 'draft', publishedAt: null })
    const actor = { account, ip: '127.0.0.1' }
    await applyStoryAction({ db: t.database.db, events: t.events }, actor, story.id, 'publish')
    await applyStoryAction({ db: t.database.db, events: t.events }, actor, story.id, 'unpublish')
    assert.equal((await append(story.id, 'Corrected after it came down.')).statusCode, 303)
    assert.equal((await listCorrectionsForNewsroom(t.database.db, story.id)).length, 1)
  })
})
