// `newsreel user create`: makes a staff account from the command line and prints a one-time
// link where its owner chooses a password (or takes one from standard input).
import { parseArgs } from 'node:util'
import type { Db } from '../db/index.js'
import { normalizeEmail } from '../platform/email.js'
import { DomainError } from '../platform/errors.js'
import { createStaffAccount } from './actions.js'
import { hashPassword, passwordProblem } from './passwords.js'
import { ROLES, type Role } from './schema.js'

export const USER_USAGE = `Usage: newsreel user create --email EMAIL --role ${ROLES.join('|')} [--name NAME] [--password-stdin]`

/** Runs `user <subcommand>`; returns the exit code. `readStdin` supplies the password for --password-stdin. */
export async function runUserCommand(
  db: Db,
  publicUrl: string,
  argv: string[],
  readStdin: () => Promise<string>,
): Promise<number> {
  const [sub, ...rest] = argv
  if (sub !== 'create') {
    console.error(USER_USAGE)
    return 64
  }
  let values: { email?: string; role?: string; name?: string; 'password-stdin'?: boolean }
  try {
    values = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    }).values
  } catch (err) {
    console.error(`${(err as Error).message}\n${USER_USAGE}`)
    return 64
  }
  const email = normalizeEmail(values.email ?? '')
  if (!email) return fail(`--email must be an email address.\n${USER_USAGE}`)
  if (!values.role || !(ROLES as readonly string[]).includes(values.role))
    return fail(`--role must be one of ${ROLES.join(', ')}.\n${USER_USAGE}`)
  const role = values.role as Role
  let passwordHash: string | null = null
  if (values['password-stdin']) {
    const password = (await readStdin()).replace(/\r?\n$/, '')
    const problem = passwordProblem(password)
    if (problem) return fail(problem)
    passwordHash = await hashPassword(password)
  }
  try {
    const { link } = await createStaffAccount(
      { db, publicUrl },
      { email, name: values.name?.trim() || email.split('@')[0] || email, role, passwordHash },
    )
    console.log(`Created ${role} account ${email}.`)
    if (link) console.log(`Choose its password here (the link works once, for 24 hours):\n  ${link}`)
    return 0
  } catch (err) {
    // A taken address: the action's conflict, said in its words.
    if (err instanceof DomainError && err.code === 'conflict') return fail(err.message)
    throw err
  }
}

function fail(message: string): number {
  console.error(message)
  return 1
}
