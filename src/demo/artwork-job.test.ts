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
})
