// A story body that embeds an image, excerpt or documentary that does not exist is refused at
// save, naming the block, and nothing is stored.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeDocumentary, makeExcerpt, makeImage, makeStory, paragraphs } from './factories.js'
import { makeList } from './newsletter-factories.js'
import { findStoryForEditing } from '../src/stories/index.js'
import { missingReferenceProblems, referringBlocks, validateBody, type BodyDocument } from '../src/body/index.js'

const text = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })
const excerpt = (id: number) => ({ type: 'excerpt', attrs: { excerptId: id } })
const image = (id: number) => ({ type: 'image', attrs: { imageId: id } })
const card = (id: number) => ({ type: 'documentaryCard', attrs: { documentaryId: id } })

describe('body references', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let editor: Browser
  const ids = { image: 0, excerpt: 0, film: 0 }

  before(async () => {
    t = await testApp()
    editor = await signInAs(t, 'editor')
    const db = t.database.db
    const film = await makeDocumentary(db, { status: 'draft', publishedAt: null })
    ids.film = film.id
    ids.excerpt = (await makeExcerpt(db, film.id)).id
    ids.image = (await makeImage(db)).id
  })
  after(() => t.dispose())

  it('collects the referring blocks by position and words the problem for each missing one', () => {
    const checked = validateBody({
      type: 'doc',
      content: [text('One'), image(4), excerpt(999), { type: 'horizontalRule' }, card(7)],
    })
    assert.ok(checked.ok, JSON.stringify(checked))
    const blocks = referringBlocks((checked as { doc: BodyDocument }).doc)
    assert.deepEqual(blocks, [
      { block: 2, kind: 'image', id: 4 },
      { block: 3, kind: 'excerpt', id: 999 },
      { block: 5, kind: 'documentary', id: 7 },
    ])
    assert.deepEqual(
      missingReferenceProblems(blocks, { image: new Set(), excerpt: new Set([999]), documentary: new Set([7]) }),
      [
        'Block 3 (video excerpt) refers to excerpt 999, which does not exist.',
        'Block 5 (documentary card) refers to documentary 7, which does not exist.',
      ],
    )
  })

  /** Saves a draft through the newsroom form with this body; answers the response. */
  async function saveWith(storyId: number, content: unknown[]) {
    const story = await findStoryForEditing(t.database.db, storyId)
    assert.ok(story)
    return postForm(t, editor, `/newsroom/stories/${storyId}`, {
      version: String(story.version),
      title: story.title,
      slug: story.slug,
      dek: 'A dek',
      section: 'article',
      body: JSON.stringify({ type: 'doc', content }),
    })
  }

  it('a save whose body embeds an excerpt, image or film that does not exist is refused, naming each block, and nothing is stored', async () => {
    const story = await makeStory(t.database.db, { status: 'draft', publishedAt: null, body: paragraphs('Before.') })
    const version = (await findStoryForEditing(t.database.db, story.id))?.version
    const cases: [unknown[], RegExp][] = [
      [
        [text('One'), text('Two'), excerpt(999)],
        /Block 3 \(video excerpt\) refers to excerpt 999, which does not exist\./,
      ],
      [[image(424242)], /Block 1 \(image\) refers to image 424242, which does not exist\./],
      [[text('One'), card(31337)], /Block 2 \(documentary card\) refers to documentary 31337, which does not exist\./],
      [
        [excerpt(9_007_199_254_740_991)],
        /Block 1 \(video excerpt\) refers to excerpt 9007199254740991, which does not exist\./,
      ],
    ]
    for (const [content, message] of cases) {
      const res = await saveWith(story.id, content)
      assert.equal(res.statusCode, 400, res.body.slice(0, 300))
      assert.match(res.body, message)
      const stored = await findStoryForEditing(t.database.db, story.id)
      assert.equal(stored?.version, version, 'no new version')
      assert.deepEqual(stored?.body, paragraphs('Before.'), 'the stored body is unchanged')
    }
  })

  it('a body whose embeds all exist saves, an unpublished film’s card included', async () => {
    const story = await makeStory(t.database.db, { status: 'draft', publishedAt: null, body: paragraphs('Before.') })
    const res = await saveWith(story.id, [text('One'), image(ids.image), excerpt(ids.excerpt), card(ids.film)])
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    const stored = await findStoryForEditing(t.database.db, story.id)
    assert.equal(stored?.body.content.length, 4)
  })

  it('static pages, episode show notes and campaign intros refuse a missing embed the same way, storing nothing', async () => {
    const db = t.database.db
    const doc = (content: unknown[]) => JSON.stringify({ type: 'doc', content })
    const count = async (table: 'pages' | 'podcast_episodes' | 'newsletter_campaigns') =>
      (await db.selectFrom(table).select('id').execute()).length

    const pagesBefore = await count('pages')
    const page = await postForm(t, editor, '/newsroom/pages', {
      title: 'Our archive',
      slug: 'our-archive',
      summary: '',
      body: doc([text('One'), excerpt(999)]),
    })
    assert.equal(page.statusCode, 400)
    assert.match(page.body, /Block 2 \(video excerpt\) refers to excerpt 999, which does not exist\./)
    assert.equal(await count('pages'), pagesBefore)

    const show = await postForm(t, editor, '/newsroom/podcasts', {
      title: 'Reference Desk',
      slug: 'reference-desk',
      description: 'A show.',
      artworkId: '',
      category: 'News|Daily News',
      explicit: '',
      ownerName: 'Desk',
      ownerEmail: 'desk@example.org',
      author: 'Desk',
      language: 'en',
      showType: 'episodic',
      copyright: '',
    })
    const showId = Number(String(show.headers.location).match(/podcasts\/(\d+)/)?.[1])
    assert.ok(showId, show.body.slice(0, 300))
    const episodesBefore = await count('podcast_episodes')
    const episode = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, {
      title: 'Missing picture',
      slug: 'missing-picture',
      number: '',
      season: '',
      episodeType: 'full',
      status: 'draft',
      publishedAt: '',
      summary: 'x',
      showNotes: doc([image(424242)]),
    })
    assert.equal(episode.statusCode, 400)
    assert.match(episode.body, /Block 1 \(image\) refers to image 424242, which does not exist\./)
    assert.equal(await count('podcast_episodes'), episodesBefore)

    const list = await makeList(db, { slug: 'references' })
    const campaignsBefore = await count('newsletter_campaigns')
    const campaign = await postForm(t, editor, '/newsroom/newsletter/campaigns', {
      list: String(list.id),
      subject: 'Hello',
      preheader: '',
      template: 'standard',
      intro: doc([card(31337)]),
    })
    assert.equal(campaign.statusCode, 400)
    assert.match(campaign.body, /Block 1 \(documentary card\) refers to documentary 31337, which does not exist\./)
    assert.equal(await count('newsletter_campaigns'), campaignsBefore)
  })
})
