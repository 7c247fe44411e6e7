// SQL for the newsroom's side of one story: any status, drafts, saves guarded by version, the
// revisions and old slugs a save keeps. Status changes are in transition-store.ts, the newsroom's
// list in newsroom-list-store.ts.
import type { Db } from '../db/index.js'
import { parseBody, readStoredBody, type BodyDocument } from '../body/index.js'
import { DomainError } from '../platform/errors.js'
import { nowIso } from '../platform/time.js'
import { assertBodyReferencesExist } from '../site/index.js'
import type { StorySection, StoryStatus } from './schema.js'
import { syncStorySearch } from './search.js'
import { assertInterviewReferences, keepStoryInterviews } from './interview-references.js'

/** A story as the newsroom edits it. */
export interface EditableStory {
  id: number
  slug: string
  title: string
  dek: string
  body: BodyDocument
  section: StorySection
  status: StoryStatus
  publishedAt: string | null
  scheduledFor: string | null
  updatedAt: string
  heroImageId: number | null
  version: number
  ownerAccountId: number | null
  authorIds: number[]
  topicIds: number[]
  documentaryIds: number[]
}

/** The fields a save writes. */
export interface StoryFields {
  slug: string
  title: string
  dek: string
  body: unknown
  section: StorySection
  heroImageId: number | null
  authorIds: number[]
  topicIds: number[]
  documentaryIds: number[]
}

async function links(db: Db, storyId: number) {
  const [authors, topics, films] = await Promise.all([
    db
      .selectFrom('story_authors')
      .select('person_id as id')
      .where('story_id', '=', storyId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('story_topics')
      .select('topic_id as id')
      .where('story_id', '=', storyId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('story_documentaries')
      .select('documentary_id as id')
      .where('story_id', '=', storyId)
      .orderBy('position')
      .execute(),
  ])
  return { authorIds: authors.map(r => r.id), topicIds: topics.map(r => r.id), documentaryIds: films.map(r => r.id) }
}

/** Any story by id, whatever its status. */
export async function findStoryForEditing(db: Db, id: number): Promise<EditableStory | undefined> {
  const row = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    body: readStoredBody(row.body),
    section: row.section,
    status: row.status,
    publishedAt: row.published_at,
    scheduledFor: row.scheduled_for,
    updatedAt: row.updated_at,
    heroImageId: row.hero_image_id,
    version: row.version,
    ownerAccountId: row.owner_account_id,
    ...(await links(db, row.id)),
  }
}

/** Whether a slug is used by another story, now or as an old address. */
export async function slugInUse(db: Db, slug: string, exceptStoryId?: number): Promise<boolean> {
  let story = db.selectFrom('stories').select('id').where('slug', '=', slug)
  if (exceptStoryId !== undefined) story = story.where('id', '!=', exceptStoryId)
  let redirect = db.selectFrom('story_redirects').select('story_id').where('old_slug', '=', slug)
  if (exceptStoryId !== undefined) redirect = redirect.where('story_id', '!=', exceptStoryId)
  return (await story.executeTakeFirst()) !== undefined || (await redirect.executeTakeFirst()) !== undefined
}

/**
 * Creates an empty draft owned by an account, at version 0, and returns its id. Only the
 * editor's first save calls it, in the transaction that then saves the fields (version 1):
 * a story never exists without what its writer typed.
 */
export async function createDraft(
  db: Db,
  draft: { ownerAccountId: number; title: string; slug: string; authorIds: number[] },
): Promise<number> {
  const now = nowIso()
  const row = await db
    .insertInto('stories')
    .values({
      slug: draft.slug,
      title: draft.title,
      dek: '',
      body: JSON.stringify({ type: 'doc', content: [] }),
      section: 'article',
      status: 'draft',
      published_at: null,
      updated_at: now,
      created_at: now,
      hero_image_id: null,
      owner_account_id: draft.ownerAccountId,
      scheduled_for: null,
      version: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (draft.authorIds.length)
    await db
      .insertInto('story_authors')
      .values(draft.authorIds.map((person_id, position) => ({ story_id: row.id, person_id, position })))
      .execute()
  await db
    .insertInto('story_transitions')
    .values({ story_id: row.id, from_status: 'new', to_status: 'draft', account_id: draft.ownerAccountId, at: now })
    .execute()
  return row.id
}

/**
 * Saves a story if nobody saved it since `expectedVersion`; call inside a transaction. The
 * body is validated here. A changed slug of a story readers have seen keeps answering with a
 * redirect; a save of a published story keeps a revision.
 */
export async function saveStory(
  db: Db,
  id: number,
  expectedVersion: number,
  fields: StoryFields,
  accountId: number,
): Promise<number> {
  const body = parseBody(fields.body)
  // Every way a story is saved (the form, autosave, restoring a revision) comes through here, so
  // an embed of an image, excerpt or film that does not exist is refused here, naming its block.
  await assertBodyReferencesExist(db, body)
  await assertInterviewReferences(db, body)
  const before = await db
    .selectFrom('stories')
    .select(['slug', 'status', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!before) throw new DomainError('not_found', 'No such story.')
  const result = await db
    .updateTable('stories')
    .set(eb => ({
      slug: fields.slug,
      title: fields.title,
      dek: fields.dek,
      body: JSON.stringify(body),
      section: fields.section,
      hero_image_id: fields.heroImageId,
      updated_at: nowIso(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) {
    throw new DomainError(
      'conflict',
      'Someone else saved this story after you opened it. Nothing of yours was saved: your text is still in the form below. Open the story again in another tab to see their changes, then copy yours across.',
    )
  }
  await replaceLinks(db, id, fields)
  await keepStoryInterviews(db, id, body)
  if (before.slug !== fields.slug && before.published_at) {
    await db.deleteFrom('story_redirects').where('old_slug', '=', fields.slug).execute()
    await db
      .insertInto('story_redirects')
      .values({ old_slug: before.slug, story_id: id })
      .onConflict(oc => oc.column('old_slug').doUpdateSet({ story_id: id }))
      .execute()
  }
  const version = expectedVersion + 1
  if (before.status === 'published') await insertRevision(db, id, version, { ...fields, body }, accountId)
  // A published story's edit reaches search in the same transaction; a draft's stays out.
  await syncStorySearch(db, id)
  return version
}

async function replaceLinks(
  db: Db,
  id: number,
  fields: Pick<StoryFields, 'authorIds' | 'topicIds' | 'documentaryIds'>,
): Promise<void> {
  await db.deleteFrom('story_authors').where('story_id', '=', id).execute()
  await db.deleteFrom('story_topics').where('story_id', '=', id).execute()
  await db.deleteFrom('story_documentaries').where('story_id', '=', id).execute()
  if (fields.authorIds.length)
    await db
      .insertInto('story_authors')
      .values(fields.authorIds.map((person_id, position) => ({ story_id: id, person_id, position })))
      .execute()
  if (fields.topicIds.length)
    await db
      .insertInto('story_topics')
      .values(fields.topicIds.map((topic_id, position) => ({ story_id: id, topic_id, position })))
      .execute()
  if (fields.documentaryIds.length)
    await db
      .insertInto('story_documentaries')
      .values(fields.documentaryIds.map((documentary_id, position) => ({ story_id: id, documentary_id, position })))
      .execute()
}

/** A stored revision: the whole story as one save left it. */
export interface StoryRevision {
  id: number
  storyId: number
  version: number
  fields: StoryFields & { body: BodyDocument }
  accountId: number | null
  savedAt: string
}

export async function insertRevision(
  db: Db,
  storyId: number,
  version: number,
  fields: StoryFields & { body: BodyDocument },
  accountId: number | null,
): Promise<void> {
  await db
    .insertInto('story_revisions')
    .values({ story_id: storyId, version, snapshot: JSON.stringify(fields), account_id: accountId, saved_at: nowIso() })
    .execute()
}

export async function listRevisions(db: Db, storyId: number): Promise<StoryRevision[]> {
  const rows = await db
    .selectFrom('story_revisions')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy('version', 'desc')
    .execute()
  return rows.map(r => ({
    id: r.id,
    storyId: r.story_id,
    version: r.version,
    fields: JSON.parse(r.snapshot) as StoryRevision['fields'],
    accountId: r.account_id,
    savedAt: r.saved_at,
  }))
}

/** The current slug of a story that once had `oldSlug`, if it is public. */
export async function findRedirect(db: Db, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('story_redirects')
    .innerJoin('stories', 'stories.id', 'story_redirects.story_id')
    .select('stories.slug')
    .where('story_redirects.old_slug', '=', oldSlug)
    .where('stories.status', '=', 'published')
    .executeTakeFirst()
  return row?.slug
}
