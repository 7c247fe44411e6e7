// What an admin does with funders, without the pages around it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: a refused save stores and announces nothing, and the audit row
// commits or rolls back with the save it describes.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { actingAs, UNKNOWN_ACTOR } from '../../test/acting.js'
import { makeFunder } from '../../test/factories.js'
import { listAudit } from '../newsroom/index.js'
import { createFunder, updateFunder, type FunderInput } from './actions.js'
import { listFunders } from './store.js'

describe('funder actions', () => {
  const db = freshDatabasePerTest()
  const lantern: FunderInput = {
    name: 'The Lantern Fund',
    slug: 'lantern-fund',
    url: 'https://lantern.example.org',
    tier: 'lead',
    description: 'Backs long films.',
    siteWide: true,
    position: undefined,
    logoId: null,
  }

  it('a taken slug is refused as slug_taken, on create and on update, and stores and announces nothing', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'admin')
    await makeFunder(db(), { slug: 'lantern-fund' })
    const other = await makeFunder(db(), { slug: 'harbour-trust' })
    const before = await listFunders(db())
    await assert.rejects(createFunder(deps, actor, lantern), { code: 'slug_taken' })
    await assert.rejects(updateFunder(deps, actor, other.id, lantern), { code: 'slug_taken' })
    assert.deepEqual(await listFunders(db()), before)
    assert.deepEqual(await listAudit(db(), 10), [])
    assert.deepEqual(emitted, [])
  })

  it('a new funder goes last; an update audits which fields changed and drops the credits on every page', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'admin')
    await makeFunder(db(), { position: 7 })
    const created = await createFunder(deps, actor, lantern)
    assert.equal(created.position, 8)
    const updated = await updateFunder(deps, actor, created.id, {
      ...lantern,
      tier: 'major',
      siteWide: false,
      position: 2,
    })
    assert.deepEqual(updated, { ...lantern, id: created.id, tier: 'major', siteWide: false, position: 2 })
    const audit = await listAudit(db(), 10)
    assert.deepEqual(
      audit.map(e => [e.action, e.subject, e.detail]),
      [
        ['funder-updated', `funder:${created.id}`, { changed: ['tier', 'siteWide', 'position'] }],
        ['funder-created', `funder:${created.id}`, { slug: 'lantern-fund' }],
      ],
    )
    assert.deepEqual(emitted, [
      [`funder:${created.id}`, 'funders'],
      [`funder:${created.id}`, 'funders'],
    ])
  })

  it('the audit row is written in the save’s transaction: when it cannot be written, the funder is not either', async () => {
    const { deps, emitted } = await actingAs(db(), 'admin')
    const funder = await makeFunder(db(), { slug: 'harbour-trust', name: 'Harbour Trust' })
    await assert.rejects(createFunder(deps, UNKNOWN_ACTOR, lantern), /foreign key/i)
    await assert.rejects(updateFunder(deps, UNKNOWN_ACTOR, funder.id, lantern), /foreign key/i)
    assert.deepEqual(
      (await listFunders(db())).map(f => [f.slug, f.name]),
      [['harbour-trust', 'Harbour Trust']],
    )
    assert.deepEqual(emitted, [])
  })
})
