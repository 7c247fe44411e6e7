// The people store as bylines, the staff directory and profile pages meet it, on SQLite or
// (with TEST_DATABASE_URL) PostgreSQL: the same tests.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDatabase } from '../../test/helpers.js'
import { makePerson } from '../../test/factories.js'
import { parseSearchQuery, searchIndex } from '../search/index.js'
import { findPeopleByIds, findPersonById, findPersonBySlug, insertPerson, listPeople, replacePerson } from './store.js'

describe('the people store', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>
  before(async () => {
    database = await testDatabase()
  })
  after(() => database.dispose())

  it('finds a person by slug and by id with their links in the order given; a missing one is undefined', async () => {
    const db = database.db
    const socials = [
      { network: 'mastodon' as const, url: 'https://social.example/@june' },
      { network: 'email' as const, url: 'mailto:june@example.org' },
    ]
    const made = await makePerson(db, { slug: 'june-park', name: 'June Park', jobTitle: 'Data Editor', socials })
    const bySlug = await findPersonBySlug(db, 'june-park')
    assert.equal(bySlug?.name, 'June Park')
    assert.equal(bySlug?.jobTitle, 'Data Editor')
    assert.deepEqual(bySlug?.socials, socials)
    assert.deepEqual(await findPersonById(db, made.id), bySlug)
    assert.equal(await findPersonBySlug(db, 'nobody-here'), undefined)
    assert.equal(await findPersonById(db, made.id + 1000), undefined)
  })

  it('refuses a second person with a taken slug and stores nothing', async () => {
    const db = database.db
    await makePerson(db, { slug: 'taken-slug', name: 'First Holder' })
    await assert.rejects(makePerson(db, { slug: 'taken-slug', name: 'Second Holder' }))
    assert.equal((await findPersonBySlug(db, 'taken-slug'))?.name, 'First Holder')
    assert.ok((await listPeople(db)).every(p => p.name !== 'Second Holder'))
  })

  it('lists everyone alphabetically by name and loads many by id at once', async () => {
    const db = database.db
    const zoe = await makePerson(db, { name: 'Zoe Abara' })
    const ann = await makePerson(db, { name: 'Ann Brecht' })
    const max = await makePerson(db, { name: 'Max Colley' })
    const names = (await listPeople(db)).map(p => p.name)
    assert.deepEqual(names, [...names].sort())
    assert.ok(
      names.indexOf('Ann Brecht') < names.indexOf('Max Colley') &&
        names.indexOf('Max Colley') < names.indexOf('Zoe Abara'),
    )
    const byId = await findPeopleByIds(db, [zoe.id, ann.id, zoe.id, max.id + 1000])
    assert.deepEqual(
      [...byId.keys()].sort((a, b) => a - b),
      [zoe.id, ann.id].sort((a, b) => a - b),
    )
    assert.equal(byId.get(ann.id)?.name, 'Ann Brecht')
    assert.equal((await findPeopleByIds(db, [])).size, 0)
  })

  it('a saved change replaces the fields, moves the slug and is what search finds', async () => {
    const db = database.db
    const person = await insertPerson(db, {
      slug: 'old-slug',
      name: 'Petra Oldname',
      jobTitle: 'Reporter',
      bio: 'Covers courts.',
      photoId: null,
      socials: [],
    })
    await replacePerson(db, person.id, {
      slug: 'new-slug',
      name: 'Petra Quorvale',
      jobTitle: 'Courts Editor',
      bio: 'Edits the courts desk.',
      photoId: null,
      socials: [],
    })
    assert.equal(await findPersonBySlug(db, 'old-slug'), undefined)
    const saved = await findPersonBySlug(db, 'new-slug')
    assert.deepEqual(saved, {
      id: person.id,
      slug: 'new-slug',
      name: 'Petra Quorvale',
      jobTitle: 'Courts Editor',
      bio: 'Edits the courts desk.',
      photoId: null,
      socials: [],
    })
    const search = (q: string) => searchIndex(db, { query: parseSearchQuery(q), page: 1, pageSize: 10, kind: 'person' })
    const found = (await search('quorvale')).hits.items
    assert.deepEqual(
      found.map(h => h.url),
      ['/people/new-slug'],
    )
    assert.equal((await search('oldname')).hits.total, 0)
  })
})
