// What staff do with accounts: invite a colleague, change a role or disable an account, revoke a
// session, set up the first admin, choose a new password, ask for a reset link, and (from the
// command line) create an account. Each write commits with its audit row in one transaction;
// mail goes out after the commit, so nobody is mailed a link to an account that rolled back.
import type { Db } from '../db/index.js'
import { isUniqueViolation } from '../db/index.js'
import { DomainError } from '../platform/errors.js'
import type { Mailer } from '../platform/mail/index.js'
import { runAction, type ActionDeps, type Actor } from './acting.js'
import { hashPassword } from './passwords.js'
import { createPasswordLink, enqueuePasswordReset, usablePasswordToken, usableSetupToken } from './password-reset.js'
import type { Role } from './schema.js'
import { hitRateLimit } from './rate-limit-store.js'
import { revokeAllSessions, revokeSession } from './session-store.js'
import { countAdmins, findAccountById, insertAccount, insertAudit, updateAccount, type Account } from './store.js'
import { useToken } from './token-store.js'

/** What the actions that mail a link are given, beside the database and events. */
export type MailingDeps = ActionDeps & { mailer: Mailer; publicUrl: string }

const INVITE_DAYS = 7
const HOUR = 3_600_000
/** Said for a set-up link that no longer works, whatever the reason. */
export const SETUP_LINK_GONE = 'This set-up link has expired or has already been used.'
/** Said for a reset link or invitation that no longer works. */
export const PASSWORD_LINK_GONE = 'This link has expired or has already been used. Ask for a new one.'

/** Inserts an account; an address already in use is a conflict (409), not a crash. */
async function insertNewAccount(trx: Db, account: Parameters<typeof insertAccount>[1]): Promise<Account> {
  try {
    return await insertAccount(trx, account)
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DomainError('conflict', `An account with the address ${account.email} already exists.`)
    throw err
  }
}

/** Creates an account without a password and mails its owner a link to choose one. */
export async function inviteStaff(
  deps: MailingDeps,
  actor: Actor,
  invite: { name: string; email: string; role: Role },
): Promise<Account> {
  const { account, link, inviter } = await runAction(deps, actor, async (trx, audit) => {
    const account = await insertNewAccount(trx, {
      email: invite.email,
      name: invite.name,
      role: invite.role,
      passwordHash: null,
    })
    const link = await createPasswordLink(
      { db: trx, publicUrl: deps.publicUrl },
      account.id,
      'invite',
      INVITE_DAYS * 24 * 60,
    )
    await audit({
      action: 'account-invited',
      subject: `account:${account.id}`,
      detail: { role: invite.role, email: invite.email },
    })
    const inviter = (await findAccountById(trx, actor.accountId))?.name ?? 'An admin'
    return { result: { account, link, inviter }, tags: [] }
  })
  await deps.mailer.send({
    to: account.email,
    subject: 'You are invited to the newsroom',
    text: `${inviter} invited you to the newsroom as ${invite.role}.\n\nChoose your password here (the link works once, for ${INVITE_DAYS} days):\n${link}`,
  })
  return account
}

/**
 * Sets an account's role and whether it is active; disabling it ends its sessions. The newsroom
 * keeps at least one active admin, so the last one cannot be demoted or disabled.
 */
export function changeStaffAccess(
  deps: ActionDeps,
  actor: Actor,
  accountId: number,
  access: { role: Role; active: boolean },
): Promise<void> {
  return runAction(deps, actor, async (trx, audit) => {
    const target = await findAccountById(trx, accountId)
    if (!target) throw new DomainError('not_found', 'No such account.')
    const { role, active } = access
    const losesAdmin = target.role === 'admin' && target.active && (role !== 'admin' || !active)
    if (losesAdmin && (await countAdmins(trx)) <= 1)
      throw new DomainError('conflict', 'The newsroom needs at least one active admin; make someone else admin first.')
    await updateAccount(trx, target.id, { role, active })
    if (!active) await revokeAllSessions(trx, target.id)
    const subject = `account:${target.id}`
    if (role !== target.role) await audit({ action: 'role-changed', subject, detail: { from: target.role, to: role } })
    if (active !== target.active) await audit({ action: active ? 'account-enabled' : 'account-disabled', subject })
    return { result: undefined, tags: [] }
  })
}

/** Ends one of the actor's own sessions; another account's session is left alone. */
export function revokeOwnSession(deps: ActionDeps, actor: Actor, sessionId: string): Promise<void> {
  return runAction(deps, actor, async (trx, audit) => {
    if (await revokeSession(trx, sessionId, actor.accountId))
      await audit({ action: 'session-revoked', subject: `account:${actor.accountId}` })
    return { result: undefined, tags: [] }
  })
}

/**
 * Creates the first admin from a set-up link, which then stops working. Not through runAction:
 * the actor is the account this creates, so its audit row can only name it inside the transaction.
 */
export async function setUpFirstAdmin(
  deps: ActionDeps,
  ip: string,
  setup: { token: string; name: string; email: string; password: string },
): Promise<Account> {
  const usable = await usableSetupToken(deps.db, setup.token)
  if (!usable) throw new DomainError('not_found', SETUP_LINK_GONE)
  // Hashed before the transaction: scrypt takes a while, and a transaction should not wait on it.
  const passwordHash = await hashPassword(setup.password)
  return deps.db.transaction().execute(async trx => {
    if (!(await useToken(trx, usable.id))) throw new DomainError('conflict', 'This set-up link has just been used.')
    const created = await insertNewAccount(trx, { email: setup.email, name: setup.name, role: 'admin', passwordHash })
    await insertAudit(trx, {
      accountId: created.id,
      action: 'account-created',
      subject: `account:${created.id}`,
      detail: { role: 'admin', via: 'setup link' },
      ip,
    })
    return created
  })
}

/** Sets a new password from a reset link or an invitation, used once; every session of the account ends. */
export async function resetPassword(
  deps: ActionDeps,
  ip: string,
  reset: { token: string; password: string },
): Promise<void> {
  const usable = await usablePasswordToken(deps.db, reset.token)
  if (!usable) throw new DomainError('not_found', PASSWORD_LINK_GONE)
  const passwordHash = await hashPassword(reset.password)
  const { accountId } = usable
  await runAction(deps, { accountId, ip }, async (trx, audit) => {
    if (!(await useToken(trx, usable.id))) throw new DomainError('conflict', 'This link has just been used.')
    await updateAccount(trx, accountId, { passwordHash })
    // A new password ends every session that may have been opened with the old one.
    await revokeAllSessions(trx, accountId)
    await audit({ action: 'password-changed', subject: `account:${accountId}` })
    return { result: undefined, tags: [] }
  })
}

/**
 * Asks for a reset link for an address, known or not. Only counts the request and queues the
 * job: no lookup, no mail and no audit row here, so the answer's timing says nothing about
 * the address (the job audits when it mails). Over three an hour per address, or twenty per
 * network address, queue nothing.
 */
export async function requestPasswordReset(db: Db, request: { email: string; ip: string }): Promise<void> {
  const byAccount = await hitRateLimit(db, `reset:account:${request.email}`, HOUR)
  const byAddress = await hitRateLimit(db, `reset:ip:${request.ip}`, HOUR)
  if (byAccount <= 3 && byAddress <= 20) await enqueuePasswordReset(db, request)
}

/**
 * Creates an account from the command line, audited as made there (no actor), with a link to
 * choose its password when none is given.
 */
export function createStaffAccount(
  deps: { db: Db; publicUrl: string },
  account: { email: string; name: string; role: Role; passwordHash: string | null },
): Promise<{ account: Account; link: string | undefined }> {
  return deps.db.transaction().execute(async trx => {
    const created = await insertNewAccount(trx, account)
    await insertAudit(trx, {
      accountId: null,
      action: 'account-created',
      subject: `account:${created.id}`,
      detail: { role: account.role, via: 'command line' },
    })
    const link = account.passwordHash
      ? undefined
      : await createPasswordLink({ db: trx, publicUrl: deps.publicUrl }, created.id, 'invite', 24 * 60)
    return { account: created, link }
  })
}
