// Password reset and first-admin set-up links; reset by mail, as a durable job. The request only enqueues the address it was given,
// so its answer takes the same time whether or not an account uses it; the job looks the
// account up and mails the link afterwards, and a restart in between loses nothing.
import type { Db } from '../db/index.js'
import { enqueueJob, type JobHandler } from '../platform/jobs/index.js'
import type { Mailer } from '../platform/mail/index.js'
import { countAdmins, findAccountForSignIn, insertAudit } from './store.js'
import { findUsableToken, insertAccountToken } from './token-store.js'
import type { NewsroomDeps } from './deps.js'
import { newToken } from './tokens.js'

/** How long a reset link works. */
export const RESET_MINUTES = 60
/** The job kind that mails a reset link. */
export const PASSWORD_RESET_JOB = 'newsroom-password-reset'

/** Creates a link with which an account sets its password (reset or invitation). */
export async function createPasswordLink(
  deps: { db: Db; publicUrl: string },
  accountId: number,
  kind: 'reset' | 'invite',
  minutes: number,
): Promise<string> {
  const token = newToken()
  await insertAccountToken(deps.db, {
    token,
    kind,
    accountId,
    expiresAt: new Date(Date.now() + minutes * 60_000).toISOString(),
  })
  return `${deps.publicUrl}/newsroom/reset?token=${token}`
}

/**
 * Queues the reset for an address, known or not. One row per address: asking again before the
 * job ran replaces it, so a burst of requests sends one mail.
 */
export async function enqueuePasswordReset(db: Db, request: { email: string; ip: string }): Promise<void> {
  await enqueueJob(db, {
    kind: PASSWORD_RESET_JOB,
    payload: { email: request.email, ip: request.ip },
    uniqueKey: `password-reset:${request.email}`,
  })
}

function parsePayload(payload: unknown): { email: string; ip: string } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const { email, ip } = payload as Record<string, unknown>
  return typeof email === 'string' && email.length <= 320 ? { email, ip: typeof ip === 'string' ? ip : '' } : undefined
}

/**
 * The newsroom's job handlers. The reset mails a link when an active account uses the address,
 * and does nothing otherwise. Delivered at least once: a worker dying between the mail and
 * "done" mails a second link; each works once and for an hour, which harms nobody.
 */
export function newsroomJobs(deps: { db: Db; mailer: Mailer; publicUrl: string }): Record<string, JobHandler> {
  return {
    [PASSWORD_RESET_JOB]: async payload => {
      const request = parsePayload(payload)
      if (!request) return
      const found = await findAccountForSignIn(deps.db, request.email)
      if (!found?.account.active) return
      const link = await createPasswordLink(deps, found.account.id, 'reset', RESET_MINUTES)
      await deps.mailer.send({
        to: found.account.email,
        subject: 'Reset your newsroom password',
        text: `Someone asked to reset the password of your newsroom account.\n\nChoose a new password here (the link works once, for ${RESET_MINUTES} minutes):\n${link}\n\nIf it was not you, ignore this email; your password stays as it is.`,
      })
      await insertAudit(deps.db, {
        accountId: found.account.id,
        action: 'password-reset-requested',
        subject: `account:${found.account.id}`,
        ip: request.ip,
      })
    },
  }
}

/** A set-up link's token while it can still be used: unexpired, unused, and no admin yet. */
export async function usableSetupToken(db: Db, token: string): Promise<{ id: number } | undefined> {
  const usable = await findUsableToken(db, token, 'setup')
  return usable && (await countAdmins(db)) === 0 ? usable : undefined
}

/** A reset link's or an invitation's token while it can still be used, with its account. */
export async function usablePasswordToken(
  db: Db,
  token: string,
): Promise<{ id: number; accountId: number } | undefined> {
  const usable = (await findUsableToken(db, token, 'reset')) ?? (await findUsableToken(db, token, 'invite'))
  return usable?.accountId ? { id: usable.id, accountId: usable.accountId } : undefined
}

/** Creates the one-time link for setting up the first admin, when no admin exists. */
export async function createSetupLink(deps: Pick<NewsroomDeps, 'db' | 'publicUrl'>): Promise<string | undefined> {
  if ((await countAdmins(deps.db)) > 0) return undefined
  const token = newToken()
  await insertAccountToken(deps.db, {
    token,
    kind: 'setup',
    accountId: null,
    expiresAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
  })
  return `${deps.publicUrl}/newsroom/setup?token=${token}`
}
