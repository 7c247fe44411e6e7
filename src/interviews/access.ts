// Who reaches an interview in the newsroom: the one rule the interview pages, their actions and
// the story editor's picker ask. Editors and admins reach every interview; anyone else only the
// interviews they made or on which their own person (accounts.person_id) was an interviewer.
// Someone else's interview answers 404, as if it were not there: an unpublished interview's title
// and who spoke in it (perhaps off the record) are themselves news, so a refusal must not even say
// it exists. (Stories answer 403 for someone else's story; a story's existence is not the secret.)
import type { Db } from '../db/index.js'
import { hasRole, type Account } from '../newsroom/index.js'
import { NotFound } from '../platform/errors.js'
import { findInterviewById, findInterviewLinks, type Interview } from './store.js'

/** What the rule reads of an account. */
export type Reacher = Pick<Account, 'id' | 'role' | 'personId'>

/** The interviews among `interviews` the account reaches, in the order given. */
export async function reachableAmong(db: Db, account: Reacher, interviews: readonly Interview[]): Promise<Interview[]> {
  if (hasRole(account.role, 'editor')) return [...interviews]
  const others = interviews.filter(i => i.ownerAccountId !== account.id)
  const personId = account.personId
  const links =
    personId === null || others.length === 0
      ? new Map()
      : await findInterviewLinks(
          db,
          others.map(i => i.id),
        )
  return interviews.filter(
    i =>
      i.ownerAccountId === account.id ||
      (personId !== null && (links.get(i.id)?.interviewerIds.includes(personId) ?? false)),
  )
}

/** Whether the account reaches the interview. */
export async function reaches(db: Db, account: Reacher, interview: Interview): Promise<boolean> {
  return (await reachableAmong(db, account, [interview])).length === 1
}

/** The interview, when it exists and the account reaches it; a 404 otherwise (see above: never a 403). */
export async function reachableInterview(db: Db, account: Reacher, id: number): Promise<Interview> {
  const interview = await findInterviewById(db, id)
  if (!interview || !(await reaches(db, account, interview))) throw new NotFound('interview', id)
  return interview
}
