// What an editor does with people, without the pages around it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: a refused save stores, indexes and announces nothing, a new slug
// keeps the old profile's address alive, and the audit row commits or rolls back with the save.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { actingAs, UNKNOWN_ACTOR } from '../../test/acting.js'
import { makePerson } from '../../test/factories.js'
import { findMovedPath } from '../platform/moved-paths/index.js'
import { listAudit } from '../newsroom/index.js'
import { parseSearchQuery, searchIndex } from '../search/index.js'
import { createPerson, updatePerson } from './actions.js'
import { listPeople } from './store.js'

describe('people actions', () => {
  const db = freshDatabasePerTest()
  const june = {
    name: 'June Park',
    slug: 'june-park',
    jobTitle: 'Data Reporter',
    bio: 'Counts things.',
    photoId: null,
    socials: [],
  }
  const searchFinds = async (q: string) =>
    (await searchIndex(db(), { query: parseSearchQuery(q), page: 1, pageSize: 10, kind: 'person' })).hits.total

  it('a taken slug is refused as slug_taken, on create and on update, and stores, indexes and announces nothing', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    await makePerson(db(), { slug: 'june-park', name: 'June Park' })
    const other = await makePerson(db(), { slug: 'max-colley', name: 'Max Colley' })
    const before = await listPeople(db())
    await assert.rejects(createPerson(deps, actor, { ...june, name: 'Another Quorvale' }), { code: 'slug_taken' })
    await assert.rejects(updatePerson(deps, actor, other.id, { ...june, name: 'Max Quorvale' }), { code: 'slug_taken' })
    assert.deepEqual(await listPeople(db()), before)
    assert.equal(await searchFinds('quorvale'), 0)
    assert.deepEqual(await listAudit(db(), 10), [])
    assert.deepEqual(emitted, [])
  })

  it('an update records the old profile as moved and audits which fields changed, the links among them', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    const created = await createPerson(deps, actor, june)
    const socials = [{ network: 'bluesky' as const, url: 'https://bsky.app/profile/june' }]
    const updated = await updatePerson(deps, actor, created.id, {
      ...june,
      slug: 'june-park-lee',
      jobTitle: 'Data Editor',
      socials,
    })
    assert.deepEqual(updated, { ...june, id: created.id, slug: 'june-park-lee', jobTitle: 'Data Editor', socials })
    assert.equal(await findMovedPath(db(), '/people/june-park'), '/people/june-park-lee')
    const audit = await listAudit(db(), 10)
    assert.deepEqual(
      audit.map(e => [e.action, e.subject, e.detail]),
      [
        ['person-updated', `person:${created.id}`, { changed: ['slug', 'jobTitle', 'socials'] }],
        ['person-created', `person:${created.id}`, { slug: 'june-park' }],
      ],
    )
    assert.deepEqual(emitted, [
      [`person:${created.id}`, 'list:people'],
      [`person:${created.id}`, 'list:people'],
    ])
  })

  it('the audit row is written in the save’s transaction: when it cannot be written, neither the person nor the moved address is', async () => {
    const { deps, emitted } = await actingAs(db(), 'editor')
    const person = await makePerson(db(), { slug: 'ann-brecht', name: 'Ann Brecht' })
    await assert.rejects(createPerson(deps, UNKNOWN_ACTOR, june), /foreign key/i)
    await assert.rejects(
      updatePerson(deps, UNKNOWN_ACTOR, person.id, { ...june, slug: 'ann-quorvale', name: 'Ann Quorvale' }),
      /foreign key/i,
    )
    assert.deepEqual(
      (await listPeople(db())).map(p => p.slug),
      ['ann-brecht'],
    )
    assert.equal(await findMovedPath(db(), '/people/ann-brecht'), undefined)
    assert.equal(await searchFinds('quorvale'), 0)
    assert.deepEqual(emitted, [])
  })
})
