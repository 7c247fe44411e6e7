import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../test/helpers.js'
import { createContentEvents } from '../platform/events.js'
import { DomainError } from '../platform/errors.js'
import { changeStaffAccess, createStaffAccount } from './actions.js'
import { insertSession, listLiveSessions } from './session-store.js'
import { findAccountById, insertAccount, listAudit } from './store.js'
import type { Role } from './schema.js'

describe('staff actions', () => {
  const db = freshDatabasePerTest()
  const deps = () => ({ db: db(), events: createContentEvents() })
  const account = (role: Role, email: string) =>
    insertAccount(db(), { email, name: email.split('@')[0] ?? email, role, passwordHash: 'x' })
  const signInSomewhere = (accountId: number, token: string) =>
    insertSession(db(), {
      token,
      accountId,
      csrfToken: token,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      ip: '203.0.113.9',
      userAgent: 'test',
    })

  it('a role change and a disabling are audited by who did them, and disabling ends every session of the account', async () => {
    const admin = await account('admin', 'boss@example.org')
    const reporter = await account('author', 'reporter@example.org')
    await signInSomewhere(reporter.id, 'a'.repeat(43))
    await signInSomewhere(reporter.id, 'b'.repeat(43))
    await changeStaffAccess(deps(), { accountId: admin.id, ip: '198.51.100.7' }, reporter.id, {
      role: 'editor',
      active: false,
    })
    const after = await findAccountById(db(), reporter.id)
    assert.equal(after?.role, 'editor')
    assert.equal(after?.active, false)
    assert.deepEqual(await listLiveSessions(db(), reporter.id), [])
    const audit = await listAudit(db(), 10)
    assert.deepEqual(audit.map(e => [e.action, e.accountId, e.subject, e.ip]).sort(), [
      ['account-disabled', admin.id, `account:${reporter.id}`, '198.51.100.7'],
      ['role-changed', admin.id, `account:${reporter.id}`, '198.51.100.7'],
    ])
  })

  it('the last active admin can be neither demoted nor disabled, and the refusal stores nothing', async () => {
    const admin = await account('admin', 'only@example.org')
    for (const access of [
      { role: 'editor', active: true },
      { role: 'admin', active: false },
    ] as const) {
      await assert.rejects(
        changeStaffAccess(deps(), { accountId: admin.id, ip: '' }, admin.id, access),
        err => err instanceof DomainError && err.code === 'conflict',
      )
    }
    const after = await findAccountById(db(), admin.id)
    assert.equal(after?.role, 'admin')
    assert.equal(after?.active, true)
    assert.deepEqual(await listAudit(db(), 10), [])
    // With a second admin, the first may step down.
    await account('admin', 'second@example.org')
    await changeStaffAccess(deps(), { accountId: admin.id, ip: '' }, admin.id, { role: 'editor', active: true })
    assert.equal((await findAccountById(db(), admin.id))?.role, 'editor')
  })

  it('an account made on the command line is audited as made there and gets a one-time link unless it has a password', async () => {
    const site = { db: db(), publicUrl: 'https://news.example.org' }
    const invited = await createStaffAccount(site, {
      email: 'new@example.org',
      name: 'New',
      role: 'author',
      passwordHash: null,
    })
    assert.match(invited.link ?? '', /^https:\/\/news\.example\.org\/newsroom\/reset\?token=/)
    const withPassword = await createStaffAccount(site, {
      email: 'ready@example.org',
      name: 'Ready',
      role: 'editor',
      passwordHash: 'x',
    })
    assert.equal(withPassword.link, undefined)
    const audit = await listAudit(db(), 10)
    assert.equal(audit.length, 2)
    assert.ok(
      audit.every(e => e.action === 'account-created' && e.accountId === null && e.detail.via === 'command line'),
    )
  })

  it('a taken address is a conflict on the command line too, and stores neither account, link nor audit row', async () => {
    const site = { db: db(), publicUrl: 'https://news.example.org' }
    await account('author', 'taken@example.org')
    await assert.rejects(
      createStaffAccount(site, { email: 'taken@example.org', name: 'Again', role: 'admin', passwordHash: null }),
      err => err instanceof DomainError && err.code === 'conflict',
    )
    assert.equal((await db().selectFrom('accounts').select('id').execute()).length, 1)
    assert.equal((await db().selectFrom('account_tokens').select('id').execute()).length, 0)
    assert.deepEqual(await listAudit(db(), 10), [])
  })
})
