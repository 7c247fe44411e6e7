// Resumable uploads over HTTP: chunks at the stored offset, types read from the bytes,
// refusals that leave nothing behind, and the stored files served with byte ranges.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import http from 'node:http'
import sharp from 'sharp'
import { testApp } from './helpers.js'
import { signInAs, type Browser } from './newsroom-helpers.js'
import { makeStory } from './factories.js'
import { makeTestClip } from './media-fixtures.js'
import { findImagesByIds } from '../src/media/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('uploads', () => {
  let t: TestApp
  let editor: Browser
  let photo: Buffer

  before(async () => {
    t = await testApp()
    editor = await signInAs(t, 'editor')
    photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#5a7' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Secret Photographer', Copyright: 'GPS-ish secret' } })
      .toBuffer()
  })
  after(() => t.dispose())

  const headers = (browser: Browser) => ({
    cookie: browser.cookie,
    'x-csrf-token': browser.csrf,
    accept: 'application/json',
  })

  async function start(browser: Browser, o: { length: number; kind: string; filename: string; alt?: string }) {
    const meta = [
      `filename ${b64(o.filename)}`,
      `kind ${b64(o.kind)}`,
      ...(o.alt !== undefined ? [`alt ${b64(o.alt)}`] : []),
    ].join(',')
    return t.app.inject({
      method: 'POST',
      url: '/newsroom/api/uploads',
      headers: { ...headers(browser), 'upload-length': String(o.length), 'upload-metadata': meta },
    })
  }

  function patch(browser: Browser, location: string, offset: number, payload: Buffer) {
    return t.app.inject({
      method: 'PATCH',
      url: location,
      payload,
      headers: {
        ...headers(browser),
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
      },
    })
  }

  const head = (location: string) => t.app.inject({ method: 'HEAD', url: location, headers: headers(editor) })
  const uploadRows = () => t.database.db.selectFrom('uploads').selectAll().execute()
  const partials = () => {
    const dir = join(t.config.mediaDir, 'uploads')
    return existsSync(dir) ? readdirSync(dir).filter(f => !f.startsWith('.')) : []
  }

  /** Uploads a whole file in `chunks` PATCHes; returns the last answer. */
  async function upload(file: Buffer, o: { kind: string; filename: string; alt?: string }, chunks = 1) {
    const started = await start(editor, { ...o, length: file.length })
    assert.equal(started.statusCode, 201, started.body)
    const location = String(started.headers.location)
    const size = Math.ceil(file.length / chunks)
    let res = started
    for (let offset = 0; offset < file.length; offset += size)
      res = await patch(editor, location, offset, file.subarray(offset, offset + size))
    return { res, location }
  }

  /** Asserts a refused file left no upload row, no partial file and no image. */
  async function assertNothingStored(imagesBefore: number) {
    assert.deepEqual(
      (await uploadRows()).filter(r => r.status !== 'complete'),
      [],
    )
    assert.deepEqual(partials(), [])
    const images = await t.database.db.selectFrom('images').select('id').execute()
    assert.equal(images.length, imagesBefore)
  }
  const countImages = async () => (await t.database.db.selectFrom('images').select('id').execute()).length

  it('a chunked upload in three PATCHes completes, and its image is served with variants', async () => {
    const { res, location } = await upload(
      photo,
      { kind: 'image', filename: 'harbour.jpg', alt: 'The harbour at dawn' },
      3,
    )
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json() as { image: { id: number; url: string; width: number; height: number } }
    assert.equal(body.image.width, 2000)
    assert.equal(res.headers['upload-offset'], String(photo.length))
    const image = (await findImagesByIds(t.database.db, [body.image.id])).get(body.image.id)
    assert.ok(image)
    assert.equal(image.alt, 'The harbour at dawn')
    assert.deepEqual([...new Set(image.variants.map(v => v.format))].sort(), ['avif', 'jpeg', 'webp'])
    assert.deepEqual([...new Set(image.variants.map(v => v.width))], [320, 640, 960, 1280, 1600, 1920])
    for (const v of image.variants) {
      const file = await t.app.inject(`/media/${v.storageKey}`)
      assert.equal(file.statusCode, 200, v.storageKey)
      assert.equal(file.headers['content-type'], `image/${v.format}`)
      assert.match(String(file.headers['cache-control']), /immutable/)
      const meta = await sharp(file.rawPayload).metadata()
      assert.equal(meta.width, v.width)
      assert.equal(meta.exif, undefined, `${v.storageKey} keeps no EXIF`)
    }
    assert.equal((await t.app.inject(body.image.url)).statusCode, 200)
    assert.equal((await head(location)).headers['upload-offset'], String(photo.length))
  })

  it('variants are never wider than the original', async () => {
    const small = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#333' } })
      .png()
      .toBuffer()
    const { res } = await upload(small, { kind: 'image', filename: 'small.png', alt: 'A small grey picture' })
    assert.equal(res.statusCode, 200, res.body)
    const id = (res.json() as { image: { id: number } }).image.id
    const image = (await findImagesByIds(t.database.db, [id])).get(id)
    assert.deepEqual([...new Set(image?.variants.map(v => v.width))], [320, 640])
  })

  it('a chunk at the wrong offset is refused with 409 and the stored offset is unchanged', async () => {
    const started = await start(editor, { kind: 'image', filename: 'a.jpg', alt: 'A picture', length: photo.length })
    const location = String(started.headers.location)
    assert.equal((await patch(editor, location, 0, photo.subarray(0, 1000))).statusCode, 204)
    const wrong = await patch(editor, location, 500, photo.subarray(500, 1500))
    assert.equal(wrong.statusCode, 409)
    const state = await head(location)
    assert.equal(state.statusCode, 200)
    assert.equal(state.headers['upload-offset'], '1000')
    assert.equal(state.headers['upload-length'], String(photo.length))
    await t.app.inject({ method: 'DELETE', url: location, headers: headers(editor) })
  })

  it('after a dropped connection the upload resumes from the offset HEAD reports', async () => {
    const started = await start(editor, {
      kind: 'image',
      filename: 'b.jpg',
      alt: 'Another picture',
      length: photo.length,
    })
    const location = String(started.headers.location)
    // Over a real socket: the client means to send the whole file, and the connection breaks after 1500 bytes.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const request = http.request(`${address}${location}`, {
      method: 'PATCH',
      headers: {
        ...headers(editor),
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
        'content-length': String(photo.length),
      },
    })
    request.on('error', () => {})
    request.write(photo.subarray(0, 1500))
    await new Promise(resolve => setTimeout(resolve, 100))
    request.destroy()
    // The server keeps what arrived; HEAD says where to resume.
    let offset = 0
    for (let i = 0; i < 50 && offset === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 20))
      offset = Number((await head(location)).headers['upload-offset'])
    }
    assert.equal(offset, 1500)
    await new Promise(resolve => setTimeout(resolve, 20))
    const rest = await patch(editor, location, offset, photo.subarray(offset))
    assert.equal(rest.statusCode, 200, rest.body)
    assert.equal((rest.json() as { upload: { status: string } }).upload.status, 'complete')
  })

  it('files whose bytes lie about their type are refused and nothing is stored', async () => {
    const before = await countImages()
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    const asVideo = await upload(png, { kind: 'video', filename: 'film.mp4' })
    assert.equal(asVideo.res.statusCode, 415, asVideo.res.body)
    assert.equal((await head(asVideo.location)).statusCode, 404)
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    const asJpeg = await upload(html, { kind: 'image', filename: 'photo.jpg', alt: 'Not really' })
    assert.equal(asJpeg.res.statusCode, 415)
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    const asSvg = await upload(svg, { kind: 'image', filename: 'logo.svg', alt: 'A logo' })
    assert.equal(asSvg.res.statusCode, 415)
    assert.match((asSvg.res.json() as { error: { message: string } }).error.message, /SVG/)
    await assertNothingStored(before)
  })

  it('a video whose bytes start like an MP4 but cannot be played is refused with the reason, and nothing is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsreel-broken-'))
    try {
      makeTestClip(join(dir, 'clip.mp4'), { width: 160, height: 90, seconds: 2 })
      const clip = readFileSync(join(dir, 'clip.mp4'))
      // The real header, then noise where the frames and index should be: the sniff passes, ffprobe does not.
      const broken = Buffer.concat([clip.subarray(0, 64), randomBytes(20_000)])
      const before = await countImages()
      const { res } = await upload(broken, { kind: 'video', filename: 'interview.mp4' }, 2)
      assert.equal(res.statusCode, 415, res.body)
      const message = (res.json() as { error: { message: string } }).error.message
      assert.match(message, /“interview\.mp4” is not a video we can play: .+ Nothing was stored\./)
      assert.doesNotMatch(message, /\/tmp|\/media|\.part/, 'no server paths in the reason')
      await assertNothingStored(before)
      assert.equal((await uploadRows()).filter(r => r.kind === 'video').length, 0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('an upload left unfinished is removed, bytes and row, when its time is up; a finished one is kept', async () => {
    const started = await start(editor, {
      kind: 'image',
      filename: 'half.jpg',
      alt: 'Half a picture',
      length: photo.length,
    })
    const location = String(started.headers.location)
    assert.equal((await patch(editor, location, 0, photo.subarray(0, 1000))).statusCode, 204)
    const done = await upload(photo, { kind: 'image', filename: 'whole.jpg', alt: 'A whole picture' })
    const id = (loc: string) => loc.split('/').pop()!
    // Time passes: both expiry jobs fall due.
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('unique_key', 'in', [`upload-expire:${id(location)}`, `upload-expire:${id(done.location)}`])
      .execute()
    await t.jobs.runDueJobs()
    assert.equal((await head(location)).statusCode, 404)
    assert.ok(!partials().includes(`${id(location)}.part`))
    assert.equal((await uploadRows()).filter(r => r.id === id(location)).length, 0)
    assert.equal((await uploadRows()).find(r => r.id === id(done.location))?.status, 'complete')
  })

  it('an oversized file is refused with 413, declared or sent, and nothing is stored', async () => {
    const before = await countImages()
    const declared = await start(editor, { kind: 'image', filename: 'huge.jpg', alt: 'Huge', length: 31 * 1024 * 1024 })
    assert.equal(declared.statusCode, 413)
    assert.equal(
      (await start(editor, { kind: 'captions', filename: 'c.vtt', length: 2 * 1024 * 1024 })).statusCode,
      413,
    )
    const started = await start(editor, { kind: 'image', filename: 'liar.jpg', alt: 'Liar', length: 100 })
    const sent = await patch(editor, String(started.headers.location), 0, photo.subarray(0, 5000))
    assert.equal(sent.statusCode, 413)
    await assertNothingStored(before)
  })

  it('an image needs alt text, and a contributor may not upload', async () => {
    assert.equal((await start(editor, { kind: 'image', filename: 'x.jpg', length: 100 })).statusCode, 400)
    assert.equal(
      (await start(editor, { kind: 'image', filename: 'x.jpg', alt: 'x'.repeat(501), length: 100 })).statusCode,
      400,
    )
    const contributor = await signInAs(t, 'contributor')
    assert.equal(
      (await start(contributor, { kind: 'image', filename: 'x.jpg', alt: 'A picture', length: 100 })).statusCode,
      403,
    )
  })

  it('video and captions completions record the stored file under its real type', async () => {
    const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n')
    const { res } = await upload(vtt, { kind: 'captions', filename: 'en.vtt' })
    assert.equal(res.statusCode, 200, res.body)
    const { upload: done } = res.json() as { upload: { id: string } }
    const row = await t.database.db
      .selectFrom('uploads')
      .selectAll()
      .where('id', '=', done.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.status, 'complete')
    assert.match(row.storage_key, /^captions\/[a-f0-9]+\.vtt$/)
    const served = await t.app.inject(`/media/${row.storage_key}`)
    assert.equal(served.headers['content-type'], 'text/vtt; charset=utf-8')
    assert.equal(served.body, vtt.toString())
  })

  it('stored files answer byte ranges: 206 with the right bytes, 416 when unsatisfiable, 200 in full', async () => {
    const { res } = await upload(photo, { kind: 'image', filename: 'range.jpg', alt: 'Range test' })
    const url = (res.json() as { image: { url: string } }).image.url
    const full = await t.app.inject(url)
    assert.equal(full.statusCode, 200)
    assert.equal(full.headers['accept-ranges'], 'bytes')
    assert.equal(full.headers['content-disposition'], 'inline')
    assert.equal(full.headers['x-content-type-options'], 'nosniff')
    assert.ok(full.headers.etag && full.headers['last-modified'])
    assert.deepEqual(full.rawPayload, photo)
    const part = await t.app.inject({ url, headers: { range: 'bytes=100-199' } })
    assert.equal(part.statusCode, 206)
    assert.equal(part.headers['content-range'], `bytes 100-199/${photo.length}`)
    assert.deepEqual(part.rawPayload, photo.subarray(100, 200))
    const tail = await t.app.inject({ url, headers: { range: 'bytes=-10' } })
    assert.deepEqual(tail.rawPayload, photo.subarray(photo.length - 10))
    const beyond = await t.app.inject({ url, headers: { range: `bytes=${photo.length}-` } })
    assert.equal(beyond.statusCode, 416)
    assert.equal(beyond.headers['content-range'], `bytes */${photo.length}`)
    assert.equal((await t.app.inject({ url, headers: { 'if-none-match': String(full.headers.etag) } })).statusCode, 304)
    assert.equal((await t.app.inject('/media/uploads/abc.mp4')).statusCode, 404, 'partial uploads are never served')
    await t.storage.put('videos/masters/film.mp4', photo)
    assert.equal(
      (await t.app.inject('/media/videos/masters/film.mp4')).statusCode,
      404,
      'a film’s master is the newsroom’s alone',
    )
  })

  it('a story page shows an uploaded hero image as a <picture> with AVIF, WebP and a JPEG fallback', async () => {
    const { res } = await upload(photo, { kind: 'image', filename: 'hero.jpg', alt: 'A hero picture' })
    const id = (res.json() as { image: { id: number } }).image.id
    await makeStory(t.database.db, { slug: 'with-hero', heroImageId: id })
    const html = (await t.app.inject('/stories/with-hero')).body
    const picture = html.match(/<picture>[\s\S]*?<\/picture>/)?.[0] ?? ''
    assert.match(picture, /<source type="image\/avif" srcset="[^"]*320w[^"]*" sizes="[^"]+"/)
    assert.match(picture, /<source type="image\/webp" srcset="[^"]*1920w[^"]*"/)
    assert.match(picture, /<img [^>]*srcset="[^"]*\.jpg 1920w"[^>]*width="2000" height="1000" alt="A hero picture"/)
  })
})
