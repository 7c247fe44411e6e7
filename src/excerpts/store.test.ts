// The excerpts store as film pages, embeds in stories and the newsroom's pickers meet it, on
// SQLite or (with TEST_DATABASE_URL) PostgreSQL: the same tests.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { makeDocumentary, makeExcerpt } from '../../test/factories.js'
import {
  findExcerptById,
  findExcerptsByIds,
  insertExcerpt,
  listAllExcerpts,
  listExcerptsOfDocumentary,
  updateExcerpt,
} from './store.js'

describe('the excerpts store', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('lists a film’s excerpts in timeline order, not in the order they were added, and none of another film’s', async () => {
    const db = database.db
    const film = await makeDocumentary(db)
    const other = await makeDocumentary(db)
    await makeExcerpt(db, film.id, { title: 'Late', startSeconds: 300, endSeconds: 330 })
    await makeExcerpt(db, other.id, { title: 'Elsewhere', startSeconds: 5, endSeconds: 9 })
    await makeExcerpt(db, film.id, { title: 'Early', startSeconds: 12, endSeconds: 30 })
    await makeExcerpt(db, film.id, { title: 'Middle', startSeconds: 90, endSeconds: 120 })
    assert.deepEqual(
      (await listExcerptsOfDocumentary(db, film.id)).map(e => e.title),
      ['Early', 'Middle', 'Late'],
    )
    assert.deepEqual(
      (await listExcerptsOfDocumentary(db, other.id)).map(e => e.title),
      ['Elsewhere'],
    )
    assert.deepEqual(await listExcerptsOfDocumentary(db, other.id + 1000), [])
    const all = (await listAllExcerpts(db)).filter(e => [film.id, other.id].includes(e.documentaryId))
    // The newsroom's picker groups by film (the first film made first), each in timeline order.
    assert.deepEqual(
      all.map(e => e.title),
      ['Early', 'Middle', 'Late', 'Elsewhere'],
    )
  })

  it('keeps fractions of a second as numbers and finds an excerpt by id; a missing one is undefined', async () => {
    const db = database.db
    const film = await makeDocumentary(db)
    const made = await makeExcerpt(db, film.id, {
      title: 'The crossing',
      caption: 'At the ford.',
      startSeconds: 12.5,
      endSeconds: 47.25,
    })
    const found = await findExcerptById(db, made.id)
    assert.deepEqual(found, {
      id: made.id,
      documentaryId: film.id,
      title: 'The crossing',
      caption: 'At the ford.',
      startSeconds: 12.5,
      endSeconds: 47.25,
    })
    assert.equal(typeof found?.startSeconds, 'number')
    assert.equal(await findExcerptById(db, made.id + 1000), undefined)
    const many = await findExcerptsByIds(db, [made.id, made.id, made.id + 1000])
    assert.deepEqual([...many.keys()], [made.id])
    assert.equal((await findExcerptsByIds(db, [])).size, 0)
  })

  it('a saved change replaces title, caption and times and stays with its film', async () => {
    const db = database.db
    const film = await makeDocumentary(db)
    const made = await makeExcerpt(db, film.id, { title: 'First cut', startSeconds: 10, endSeconds: 20 })
    await updateExcerpt(db, made.id, { title: 'Second cut', caption: 'Trimmed.', startSeconds: 11, endSeconds: 19.5 })
    assert.deepEqual(await findExcerptById(db, made.id), {
      id: made.id,
      documentaryId: film.id,
      title: 'Second cut',
      caption: 'Trimmed.',
      startSeconds: 11,
      endSeconds: 19.5,
    })
  })

  it('refuses an excerpt of a film that does not exist and stores nothing', async () => {
    const db = database.db
    const before = (await listAllExcerpts(db)).length
    await assert.rejects(
      insertExcerpt(db, { documentaryId: 999_999, title: 'Orphan', caption: '', startSeconds: 0, endSeconds: 5 }),
    )
    assert.equal((await listAllExcerpts(db)).length, before)
  })
})
