// `newsreel start` seeds the demo with tiny previews and queues the artwork: the pages have a
// picture at once, and each job swaps in the full artwork with its responsive variants.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import sharp from 'sharp'
import { testDatabase } from '../../test/helpers.js'
import { createContentEvents } from '../platform/events.js'
import { createLocalStorage } from '../platform/storage/index.js'
import { listJobs } from '../platform/jobs/index.js'
import { findImagesByIds, listImages } from '../media/index.js'
import { demoContent } from './content/index.js'
import { seedDemoNewsroom } from './seed.js'
import { DEMO_ARTWORK_JOB, createDemoArtworkHandler } from './artwork-job.js'
import { renderDemoImage, renderDemoStill } from './artwork.js'

describe('the demo seeded with queued artwork', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  const mediaDir = () => join(database.dataDir, 'media')

  before(async () => {
    database = await testDatabase()
    await seedDemoNewsroom(database.db, { mediaDir: mediaDir(), artwork: 'queued' })
  })
  after(() => database.dispose())

  it('stores a small preview of every picture, laid out at the full size, and queues one job per picture', async () => {
    const images = await listImages(database.db, 1000)
    assert.equal(images.length, demoContent.images.length)
    const storage = createLocalStorage(mediaDir())
    for (const image of images) {
      assert.match(image.storageKey, /^images\/demo\/[a-z0-9-]+\.preview\.(jpg|png)$/)
      assert.deepEqual(image.variants, [])
      assert.ok(image.width >= 600, `${image.storageKey} keeps the artwork's width`)
      assert.ok(await storage.stat(image.storageKey), `${image.storageKey} is stored`)
    }
    const jobs = await listJobs(database.db, { status: 'queued', kind: DEMO_ARTWORK_JOB, limit: 1000 })
    assert.equal(jobs.length, demoContent.images.length)
  })

  it('a job replaces the preview with the artwork and its variants, and drops the cached pages', async () => {
    const [job] = await listJobs(database.db, { status: 'queued', kind: DEMO_ARTWORK_JOB, limit: 1 })
    assert.ok(job)
    const events = createContentEvents()
    const purged: string[] = []
    events.on(event => purged.push(...event.tags))
    const log = { info: () => {}, warn: () => {}, error: () => {} }
    const storage = createLocalStorage(mediaDir())
    const handler = createDemoArtworkHandler({ db: database.db, storage, events, log })
    await handler(job.payload, {} as never)
    const { imageId } = job.payload as { imageId: number }
    const image = (await findImagesByIds(database.db, [imageId])).get(imageId)
    assert.ok(image)
    assert.match(image.storageKey, /^images\/demo\/[a-z0-9-]+\.(jpg|png)$/)
    assert.ok(!image.storageKey.includes('.preview.'))
    assert.ok(image.variants.length > 0)
    const stored = await sharp(join(mediaDir(), image.storageKey)).metadata()
    assert.equal(stored.width, image.width)
    assert.ok(purged.includes('site'))
  })

  it("queues each film with the landscapes it is cut from, which the film's job draws at full quality", async () => {
    const jobs = await listJobs(database.db, { status: 'queued', kind: 'video-demo-master', limit: 100 })
    assert.equal(jobs.length, demoContent.documentaries.length)
    const landscapes = new Set(demoContent.images.filter(i => i.kind === 'landscape').map(i => i.seed))
    const openings = new Set<number>()
    for (const job of jobs) {
      const { stills } = job.payload as { stills: { kind: string; seed: number }[] }
      assert.ok(stills.length >= 4, `${stills.length} pictures`)
      for (const still of stills) assert.ok(still.kind === 'landscape' && landscapes.has(still.seed))
      openings.add(stills[0]!.seed)
    }
    assert.ok(openings.size > 1, 'films do not all open on the same picture')
    // Drawn at the film's size from the artwork's source: the full artwork itself, scaled down.
    const { stills } = jobs[0]!.payload as { stills: { kind: 'landscape'; seed: number }[] }
    const png = await renderDemoStill(stills[0]!, 800, 450)
    const grey = (image: Buffer) =>
      sharp(image).resize(800, 450).greyscale().raw().toBuffer({ resolveWithObject: true })
    const drawn = await grey(png)
    assert.deepEqual([drawn.info.width, drawn.info.height], [800, 450])
    const full = await grey((await renderDemoImage(stills[0]!)).data)
    let difference = 0
    for (let i = 0; i < drawn.data.length; i++) difference += Math.abs(drawn.data[i]! - full.data[i]!)
    assert.ok(difference / drawn.data.length < 6, `${(difference / drawn.data.length).toFixed(1)} levels apart`)
  })
})
