// The image picker's API, /newsroom/api/images: content pictures only (never a person's
// portrait, a funder's logo or a show's artwork), searchable by alt text, caption and file
// name, in pages; bad paging answers 400 and names the parameter.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import sharp from 'sharp'
import { testApp } from './helpers.js'
import { signInAs, type Browser } from './newsroom-helpers.js'
import { makeFunder, makeImage, makePerson } from './factories.js'
import { insertShow } from '../src/podcasts/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
interface Item {
  id: number
  src: string
  thumb: string
  alt: string
  caption: string
  credit: string
  filename: string
}

describe('the image picker’s API', () => {
  let t: TestApp
  let contributor: Browser
  let editor: Browser
  const content: number[] = []
  const reserved: number[] = []
  let uploadedId = 0

  before(async () => {
    t = await testApp()
    const db = t.database.db
    contributor = await signInAs(t, 'contributor')
    editor = await signInAs(t, 'editor')
    content.push((await makeImage(db, { alt: 'A grey heron on the weir', caption: 'Morning on the river' })).id)
    content.push(
      (
        await makeImage(db, {
          alt: 'Flooded fields near the dam',
          caption: 'The valley after the storm',
          credit: 'Photo: Ines Duarte',
        })
      ).id,
    )
    content.push((await makeImage(db, { alt: 'Council chamber', caption: '50% of seats empty' })).id)
    for (let i = 0; i < 4; i++) content.push((await makeImage(db, { alt: `Archive print ${i}` })).id)
    const portrait = await makeImage(db, { alt: 'Portrait of a heron expert' })
    await makePerson(db, { photoId: portrait.id })
    const logo = await makeImage(db, { alt: 'Heron Foundation logo' })
    await makeFunder(db, { logoId: logo.id })
    const artwork = await makeImage(db, { alt: 'Show artwork with a heron' })
    await insertShow(db, {
      slug: 'the-heron-hour',
      title: 'The Heron Hour',
      description: 'Birds.',
      artworkId: artwork.id,
      category: 'News',
      subcategory: null,
      explicit: false,
      ownerName: 'Desk',
      ownerEmail: 'desk@example.org',
      author: 'Desk',
      language: 'en',
      showType: 'episodic',
      copyright: '',
      podcastGuid: 'a9d7c4f0-1b2c-5d3e-8f4a-000000000001',
    })
    reserved.push(portrait.id, logo.id, artwork.id)
    uploadedId = await uploadPhoto('harbour-at-dawn.JPG', 'Boats')
    content.push(uploadedId)
  })
  after(() => t.dispose())

  /** Sends a real image through the upload API, as the picker's upload panel does; returns its image id. */
  async function uploadPhoto(filename: string, alt: string): Promise<number> {
    const file = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer()
    const headers = { cookie: editor.cookie, 'x-csrf-token': editor.csrf, accept: 'application/json' }
    const b64 = (s: string) => Buffer.from(s).toString('base64')
    const started = await t.app.inject({
      method: 'POST',
      url: '/newsroom/api/uploads',
      headers: {
        ...headers,
        'upload-length': String(file.length),
        'upload-metadata': `filename ${b64(filename)},kind ${b64('image')},alt ${b64(alt)}`,
      },
    })
    assert.equal(started.statusCode, 201, started.body)
    const done = await t.app.inject({
      method: 'PATCH',
      url: String(started.headers.location),
      payload: file,
      headers: { ...headers, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    })
    assert.equal(done.statusCode, 200, done.body)
    return (done.json() as { image: { id: number } }).image.id
  }

  const get = (query = '', browser: Browser | null = contributor) =>
    t.app.inject({ url: `/newsroom/api/images${query}`, headers: browser ? { cookie: browser.cookie } : {} })
  const ids = (body: string) => (JSON.parse(body) as Item[]).map(i => i.id)

  it('lists content images only, newest first, leaving out portraits, funders’ logos and show artwork', async () => {
    const res = await get()
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(
      ids(res.body),
      [...content].sort((a, b) => b - a),
    )
    for (const id of reserved) assert.ok(!ids(res.body).includes(id), `image ${id} is not a content image`)
    assert.equal(res.headers['x-total-count'], String(content.length))
    const uploaded = (res.json() as Item[]).find(i => i.id === uploadedId)
    assert.equal(uploaded?.filename, 'harbour-at-dawn.JPG')
    assert.match(
      uploaded?.thumb ?? '',
      /^\/media\/images\/uploads\/.+\.320w\.jpg$/,
      'the thumbnail is the smallest JPEG variant',
    )
    assert.equal((await t.app.inject(uploaded?.thumb ?? '')).statusCode, 200)
  })

  it('search narrows the list by alt text, caption, credit or file name, in any case, every word counting', async () => {
    const search = async (q: string) => ids((await get(`?q=${encodeURIComponent(q)}`)).body)
    assert.deepEqual(
      await search('heron'),
      [content[0]],
      'the portrait, logo and artwork with “heron” in their alt stay out',
    )
    assert.deepEqual(await search('STORM'), [content[1]])
    assert.deepEqual(await search('duarte'), [content[1]])
    assert.deepEqual(await search('harbour dawn'), [uploadedId])
    assert.deepEqual(await search('heron storm'), [])
    assert.deepEqual(await search('50%'), [content[2]], 'a % is a character, not a wildcard')
    assert.deepEqual(await search('%'), [content[2]])
    assert.deepEqual(await search('   '), ids((await get()).body), 'blank words are no filter')
  })

  it('pages through the library, saying where the neighbouring pages are', async () => {
    const all = ids((await get()).body)
    const first = await get('?perPage=3')
    const second = await get('?page=2&perPage=3')
    const last = await get('?page=3&perPage=3')
    assert.deepEqual(ids(first.body), all.slice(0, 3))
    assert.deepEqual(ids(second.body), all.slice(3, 6))
    assert.deepEqual(ids(last.body), all.slice(6, 9))
    assert.equal(second.headers['x-page-count'], '3')
    assert.match(String(second.headers.link), /<\/newsroom\/api\/images\?page=1&perPage=3>; rel="prev"/)
    assert.match(String(second.headers.link), /<\/newsroom\/api\/images\?page=3&perPage=3>; rel="next"/)
    assert.doesNotMatch(String(last.headers.link), /rel="next"/)
    const searched = await get('?q=archive&page=2&perPage=2')
    assert.equal(searched.headers['x-total-count'], '4')
    assert.equal(ids(searched.body).length, 2)
    assert.match(String(searched.headers.link), /q=archive&page=1&perPage=2>; rel="prev"/)
    assert.deepEqual(ids((await get('?page=9&perPage=3')).body), [], 'a page past the end is empty, not an error')
  })

  it('refuses bad paging and overlong searches with a 400 naming the parameter', async () => {
    for (const [query, name] of [
      ['?page=0', 'page'],
      ['?page=-1', 'page'],
      ['?page=abc', 'page'],
      ['?page=1.5', 'page'],
      ['?page=1001', 'page'],
      ['?page=1e400', 'page'],
      ['?perPage=0', 'perPage'],
      ['?perPage=501', 'perPage'],
      [`?q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const res = await get(query)
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`)
      assert.match(res.body, new RegExp(name), `${query} names ${name}: ${res.body}`)
    }
  })

  it('answers signed-in staff only', async () => {
    assert.equal((await get('', null)).statusCode, 401)
  })
})
