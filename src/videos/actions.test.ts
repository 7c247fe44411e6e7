// What an editor does on the film page, without the page around it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: a refused retry queues, audits and announces nothing; an
// accepted one commits the status, the job and the audit row together, then wakes the runner.
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { makeDocumentary } from '../../test/factories.js'
import { createContentEvents, type CacheTag } from '../platform/events.js'
import { findJobByKey } from '../platform/jobs/index.js'
import { createLocalStorage } from '../platform/storage/index.js'
import { insertAccount, listAudit } from '../newsroom/index.js'
import { removeFilmCaptions, retryFilm } from './actions.js'
import { findVideoById, markFailed, markRefused, upsertVideo } from './store.js'
import { TRANSCODE_JOB } from './transcode.js'

describe('film actions', () => {
  const db = freshDatabasePerTest()
  const storageDir = mkdtempSync(join(tmpdir(), 'newsreel-film-actions-'))
  after(() => rmSync(storageDir, { recursive: true, force: true }))
  /** The actions' dependencies with every announced change and wake-up counted, and an editor to act as. */
  async function newsroom() {
    const emitted: CacheTag[][] = []
    const events = createContentEvents()
    events.on(event => emitted.push([...event.tags]))
    const woken = { count: 0 }
    const storage = createLocalStorage(storageDir)
    const editor = await insertAccount(db(), {
      email: 'desk@example.org',
      name: 'Desk',
      role: 'editor',
      passwordHash: null,
    })
    const deps = {
      db: db(),
      events,
      storage,
      wakeJobs: () => {
        woken.count++
      },
    }
    return { deps, actor: { accountId: editor.id, ip: '203.0.113.7' }, emitted, woken }
  }

  it('a retry of a master refused for what it holds is refused, and queues, audits, announces and wakes nothing', async () => {
    const { deps, actor, emitted, woken } = await newsroom()
    const film = await makeDocumentary(db())
    const video = await upsertVideo(db(), film.id, 'masters/broken.mp4')
    await markRefused(db(), video.id, 'Not a readable video.')
    await assert.rejects(retryFilm(deps, actor, film.id), {
      code: 'invalid_input',
      message: /Upload the film again from the original/,
    })
    assert.equal((await findVideoById(db(), video.id))?.status, 'failed')
    assert.equal(await findJobByKey(db(), `${TRANSCODE_JOB}:${video.id}`), undefined)
    assert.deepEqual(await listAudit(db(), 10), [])
    assert.deepEqual([emitted, woken.count], [[], 0])
  })

  it('a retry of a failed film queues it with its job and audit row, then announces the film and wakes the runner once', async () => {
    const { deps, actor, emitted, woken } = await newsroom()
    const film = await makeDocumentary(db())
    const video = await upsertVideo(db(), film.id, 'masters/film.mp4')
    await markFailed(db(), video.id, 'ffmpeg exploded')
    await retryFilm(deps, actor, film.id)
    assert.equal((await findVideoById(db(), video.id))?.status, 'queued')
    assert.equal((await findJobByKey(db(), `${TRANSCODE_JOB}:${video.id}`))?.status, 'queued')
    assert.deepEqual(
      (await listAudit(db(), 10)).map(e => [e.action, e.subject, e.accountId]),
      [['film-retried', `documentary:${film.id}`, actor.accountId]],
    )
    assert.deepEqual([emitted, woken.count], [[[`documentary:${film.id}`]], 1])
  })

  it('a film with no video, or no captions in that language, is not found and nothing is audited', async () => {
    const { deps, actor, emitted } = await newsroom()
    const film = await makeDocumentary(db())
    await assert.rejects(retryFilm(deps, actor, film.id), { code: 'not_found' })
    await upsertVideo(db(), film.id, 'masters/film.mp4')
    await assert.rejects(removeFilmCaptions(deps, actor, film.id, 'en'), { code: 'not_found' })
    assert.deepEqual(await listAudit(db(), 10), [])
    assert.deepEqual(emitted, [])
  })
})
