// What an editor does with static pages, without the pages around it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: a refused save stores and announces nothing, a new slug keeps
// the old address alive, and the audit row commits or rolls back with the save it describes.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { actingAs, UNKNOWN_ACTOR } from '../../test/acting.js'
import { paragraphs } from '../../test/factories.js'
import { findMovedPath } from '../platform/moved-paths/index.js'
import { listAudit } from '../newsroom/index.js'
import { createPage, updatePage } from './actions.js'
import { insertPage, listPages } from './store.js'

describe('static page actions', () => {
  const db = freshDatabasePerTest()
  const ethics = { title: 'Our ethics', slug: 'ethics', summary: 'How we work.', body: paragraphs('We report.') }

  it('a taken slug or a body that is not a document is refused, and stores and announces nothing', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    await insertPage(db(), ethics)
    const other = await insertPage(db(), { ...ethics, slug: 'about', title: 'About us' })
    const before = await listPages(db())
    await assert.rejects(createPage(deps, actor, { ...ethics, title: 'Ethics again' }), { code: 'slug_taken' })
    await assert.rejects(updatePage(deps, actor, other.id, { ...ethics, title: 'About us' }), { code: 'slug_taken' })
    await assert.rejects(
      updatePage(deps, actor, other.id, {
        ...ethics,
        slug: 'about-us',
        body: { type: 'doc', content: [{ type: 'marquee' }] },
      }),
    )
    assert.deepEqual(await listPages(db()), before)
    assert.equal(await findMovedPath(db(), '/about'), undefined)
    assert.deepEqual(await listAudit(db(), 10), [])
    assert.deepEqual(emitted, [])
  })

  it('an update records the old address as moved and audits which fields changed, the body among them', async () => {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    const created = await createPage(deps, actor, ethics)
    const updated = await updatePage(deps, actor, created.id, {
      ...ethics,
      slug: 'how-we-work',
      body: paragraphs('We report, and we correct.'),
    })
    assert.equal(updated.slug, 'how-we-work')
    assert.deepEqual(updated.body, paragraphs('We report, and we correct.'))
    assert.equal(await findMovedPath(db(), '/ethics'), '/how-we-work')
    const audit = await listAudit(db(), 10)
    assert.deepEqual(
      audit.map(e => [e.action, e.subject, e.detail]),
      [
        ['page-updated', `page:${created.id}`, { changed: ['slug', 'body'] }],
        ['page-created', `page:${created.id}`, { slug: 'ethics' }],
      ],
    )
    assert.deepEqual(emitted, [
      [`page:${created.id}`, 'list:pages'],
      [`page:${created.id}`, 'list:pages'],
    ])
  })

  it('the audit row is written in the save’s transaction: when it cannot be written, neither the page nor the moved address is', async () => {
    const { deps, emitted } = await actingAs(db(), 'editor')
    const page = await insertPage(db(), { ...ethics, slug: 'standards', title: 'Standards' })
    await assert.rejects(createPage(deps, UNKNOWN_ACTOR, ethics), /foreign key/i)
    await assert.rejects(updatePage(deps, UNKNOWN_ACTOR, page.id, { ...ethics, slug: 'our-standards' }), /foreign key/i)
    assert.deepEqual(
      (await listPages(db())).map(p => p.slug),
      ['standards'],
    )
    assert.equal(await findMovedPath(db(), '/standards'), undefined)
    assert.deepEqual(emitted, [])
  })
})
