// The demo film job when its master is cut elsewhere (the demo's drawing process): the file it
// answers is streamed into storage and its scratch folder removed, captions and chapters are added,
// and the transcode is queued to copy the pictures; a bad payload is refused.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary } from '../../test/factories.js'
import { findJobByKey, type JobContext } from '../platform/jobs/index.js'
import { createLocalStorage, readStoredText, type Storage } from '../platform/storage/index.js'
import {
  DEMO_MASTER_JOB,
  TRANSCODE_JOB,
  createDemoMasterHandler,
  findVideoByDocumentary,
  queueDemoVideos,
} from './index.js'
import { listCaptions } from './caption-store.js'

let database: Awaited<ReturnType<typeof testDatabase>>
let storage: Storage
before(async () => {
  database = await testDatabase()
  storage = createLocalStorage(join(database.dataDir, 'media'))
})
after(() => database.dispose())

const ctx: JobContext = {
  jobId: 0,
  kind: DEMO_MASTER_JOB,
  attempt: 1,
  maxAttempts: 3,
  uniqueKey: null,
  signal: new AbortController().signal,
}

describe('the demo film job with its master cut elsewhere', () => {
  it('stores the file it is handed, removes its folder and queues a transcode that copies the pictures', async () => {
    const film = await makeDocumentary(database.db)
    await queueDemoVideos(database.db, [{ documentaryId: film.id, title: 'A Test Film', stills: [] }])
    const video = await findVideoByDocumentary(database.db, film.id)
    assert.ok(video)
    let folder = ''
    const handler = createDemoMasterHandler({
      db: database.db,
      storage,
      cutFilm: async order => {
        assert.equal(order.title, 'A Test Film')
        folder = await mkdtemp(join(tmpdir(), 'demo-master-job-test-'))
        await writeFile(join(folder, 'master.mp4'), 'not really a film')
        return join(folder, 'master.mp4')
      },
    })
    await handler({ videoId: video.id, title: 'A Test Film', index: 0, stills: [] }, ctx)
    assert.equal(await readStoredText(storage, video.masterKey), 'not really a film')
    assert.ok(!existsSync(folder), 'the scratch folder is removed')
    assert.equal((await listCaptions(database.db, video.id)).length, 2)
    const transcode = await findJobByKey(database.db, `${TRANSCODE_JOB}:${video.id}`)
    assert.deepEqual(transcode?.payload, { videoId: video.id, preset: 'ultrafast', madeAtRung: true })
  })

  it('refuses a payload without a video, title or index', async () => {
    const handler = createDemoMasterHandler({ db: database.db, storage })
    await assert.rejects(handler({ videoId: 'one', title: 'x', index: 0 }, ctx), /bad payload/)
    await assert.rejects(handler(null, ctx), /bad payload/)
  })
})
