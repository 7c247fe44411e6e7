// When the newsroom gives something a new address (a new slug), readers' old links, search
// engines and podcast apps are sent on with a 301 instead of meeting a 404: a topic, a person
// (and their feed), a static page, a published documentary, a podcast show (its feed and its
// episodes below it) and a published episode. A draft's old address tells nobody where it went.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, redirectedId, signInAs, type Browser } from './newsroom-helpers.js'
import { makeDocumentary, paragraphs } from './factories.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

describe('moved addresses', () => {
  let t: TestApp
  let editor: Browser

  before(async () => {
    t = await testApp()
    editor = await signInAs(t, 'editor')
  })
  after(() => t.dispose())

  /** Asserts a GET of `from` answers 301 to `to`, and that `to` is a page that exists. */
  async function movedTo(from: string, to: string) {
    const res = await t.app.inject(from)
    assert.equal(res.statusCode, 301, `${from} answers ${res.statusCode}`)
    assert.equal(res.headers.location, to)
    assert.equal((await t.app.inject(to)).statusCode, 200, `${to} is there`)
  }

  it('a renamed topic and its feed send readers on; a new topic may take the old address', async () => {
    const topic = { name: 'Housing', slug: 'housing', description: 'Where people live.', position: '' }
    const id = redirectedId(await postForm(t, editor, '/newsroom/topics', topic))
    redirectedId(await postForm(t, editor, `/newsroom/topics/${id}`, { ...topic, slug: 'homes' }))
    await movedTo('/topics/housing', '/topics/homes')
    await movedTo('/topics/housing/feed.xml', '/topics/homes/feed.xml')
    await movedTo('/topics/housing?page=1', '/topics/homes?page=1')

    redirectedId(await postForm(t, editor, '/newsroom/topics', { ...topic, name: 'Housing policy' }))
    const live = await t.app.inject('/topics/housing')
    assert.equal(live.statusCode, 200, 'a live page at the old address wins')
    assert.match(live.body, /Housing policy/)
  })

  it('a renamed person, and a static page, send readers on', async () => {
    const person = {
      name: 'June Park',
      slug: 'june-park',
      jobTitle: 'Data Reporter',
      bio: 'Counts things.',
      photoId: '',
      socialsKey: [''],
      socialsHref: [''],
    }
    const personId = redirectedId(await postForm(t, editor, '/newsroom/people', person))
    redirectedId(await postForm(t, editor, `/newsroom/people/${personId}`, { ...person, slug: 'june-park-lee' }))
    await movedTo('/people/june-park', '/people/june-park-lee')
    await movedTo('/people/june-park/feed.xml', '/people/june-park-lee/feed.xml')

    const page = {
      title: 'Our ethics',
      slug: 'ethics',
      summary: 'How we work.',
      body: JSON.stringify(paragraphs('We report.')),
    }
    const pageId = redirectedId(await postForm(t, editor, '/newsroom/pages', page))
    redirectedId(await postForm(t, editor, `/newsroom/pages/${pageId}`, { ...page, slug: 'how-we-work' }))
    await movedTo('/ethics', '/how-we-work')
  })

  it('a published documentary moves with its readers; a draft’s old address stays a 404 that names nothing', async () => {
    const fields = (slug: string, status: string) => ({
      title: 'The Long River',
      slug,
      dek: 'A river that moved.',
      synopsis: 'The river left.',
      runtime: '114',
      releaseDate: '2026-01-15',
      posterId: '',
      status,
      topics: [''],
      funders: [''],
      creditRole: [''],
      creditName: [''],
    })
    const film = await makeDocumentary(t.database.db, { slug: 'the-long-river', status: 'published' })
    redirectedId(await postForm(t, editor, `/newsroom/documentaries/${film.id}`, fields('the-river', 'published')))
    await movedTo('/documentaries/the-long-river', '/documentaries/the-river')

    const draft = await makeDocumentary(t.database.db, {
      slug: 'secret-working-title',
      status: 'draft',
      publishedAt: null,
    })
    redirectedId(await postForm(t, editor, `/newsroom/documentaries/${draft.id}`, fields('final-title', 'draft')))
    const res = await t.app.inject('/documentaries/secret-working-title')
    assert.equal(res.statusCode, 404)
    assert.equal(res.headers.location, undefined)
  })

  it('a renamed show sends its page, its feed and its episodes on; a renamed published episode too', async () => {
    const show = {
      title: 'Night Desk',
      slug: 'night-shift',
      description: 'Stories from the overnight shift.',
      artworkId: '',
      category: 'News',
      explicit: '',
      ownerName: 'Night Desk team',
      ownerEmail: 'night@example.org',
      author: 'The Example Newsroom',
      language: 'en',
      showType: 'episodic',
      copyright: '',
    }
    const showId = redirectedId(await postForm(t, editor, '/newsroom/podcasts', show))
    const episode = {
      title: 'The 3 a.m. call',
      slug: 'the-call',
      number: '1',
      season: '',
      episodeType: 'full',
      status: 'published',
      publishedAt: '2026-01-10T09:00',
      summary: 'Who calls at 3 a.m.',
      showNotes: JSON.stringify(paragraphs('Notes.')),
    }
    const created = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, episode)
    assert.equal(created.statusCode, 303, created.body.slice(0, 500))
    const episodeId = Number(String(created.headers.location).match(/episodes\/(\d+)/)?.[1])
    assert.equal((await t.app.inject('/podcasts/night-shift/the-call')).statusCode, 200)

    assert.equal(
      (await postForm(t, editor, `/newsroom/podcasts/${showId}`, { ...show, slug: 'night-desk' })).statusCode,
      303,
    )
    await movedTo('/podcasts/night-shift', '/podcasts/night-desk')
    await movedTo('/podcasts/night-shift/feed.xml', '/podcasts/night-desk/feed.xml')
    await movedTo('/podcasts/night-shift/the-call', '/podcasts/night-desk/the-call')

    assert.equal(
      (await postForm(t, editor, `/newsroom/episodes/${episodeId}`, { ...episode, slug: 'the-3am-call' })).statusCode,
      303,
    )
    await movedTo('/podcasts/night-desk/the-call', '/podcasts/night-desk/the-3am-call')
    await movedTo('/podcasts/night-shift/the-call', '/podcasts/night-desk/the-3am-call')
  })

  it('only reads are sent on: a form posted to an old address is not redirected', async () => {
    const topic = { name: 'Courts', slug: 'courts', description: 'Judges and juries.', position: '' }
    const id = redirectedId(await postForm(t, editor, '/newsroom/topics', topic))
    redirectedId(await postForm(t, editor, `/newsroom/topics/${id}`, { ...topic, slug: 'justice' }))
    await movedTo('/topics/courts', '/topics/justice')
    const posted = await t.app.inject({ method: 'POST', url: '/topics/courts', payload: { q: 'x' } })
    assert.equal(posted.statusCode, 404)
    assert.equal(posted.headers.location, undefined)
  })
})
