// The newsroom part's door: staff accounts, sessions, roles and the newsroom's pages.
export {
  createAuth,
  decorateStaff,
  hasRole,
  SESSION_COOKIE,
  SECURE_SESSION_COOKIE,
  type Auth,
  type Staff,
} from './auth.js'
export { ROLES, type Role } from './schema.js'
export type { NewsroomDeps, NewsroomShell } from './deps.js'
export { createPasswordLink, createSetupLink, newsroomJobs, PASSWORD_RESET_JOB } from './password-reset.js'
export {
  insertAccount,
  findAccountById,
  listAccounts,
  findAccountForSignIn,
  countAdmins,
  insertAudit,
  listAudit,
  pruneStaleAccessRecords,
  type Account,
  type AuditEntry,
} from './store.js'
export { hitRateLimit } from './rate-limit-store.js'
export { hashPassword, passwordProblem } from './passwords.js'
export { SPARE_ROWS, type FormProblems, type ImageChoice, type LinkRow } from './forms/values.js'
export { textField } from './forms/schemas.js'
export {
  formText,
  textProblem,
  slugProblem,
  SLUG_TAKEN,
  slugTakenError,
  unlessSlugTaken,
  readPosition,
  checkLink,
  readLinkRows,
  checkLinkRows,
  readImageChoice,
  type LinkKinds,
  type LinkRowRules,
} from './forms/checks.js'
export { runUserCommand, USER_USAGE } from './cli.js'
export { actorOf, runAction, type Actor, type ActionDeps, type ActionOutcome, type AuditNote } from './acting.js'
