// SQL for uploads: files being received in chunks until complete.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import type { UploadKind } from './sniff.js'

/** What was said about a file when its upload began (Upload-Metadata). */
export interface UploadMetadata {
  alt?: string
  caption?: string
  credit?: string
  language?: string
}

/** A file being received, or one received in full. */
export interface Upload {
  id: string
  accountId: number
  kind: UploadKind
  filename: string
  length: number
  offset: number
  metadata: UploadMetadata
  storageKey: string
  status: 'receiving' | 'complete'
  imageId: number | null
  createdAt: string
  completedAt: string | null
}

type UploadRow = {
  id: string
  account_id: number
  kind: string
  filename: string
  length: number
  offset: number
  metadata: string
  storage_key: string
  status: string
  image_id: number | null
  created_at: string
  completed_at: string | null
}

function toUpload(row: UploadRow): Upload {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind as UploadKind,
    filename: row.filename,
    length: Number(row.length),
    offset: Number(row.offset),
    metadata: JSON.parse(row.metadata) as UploadMetadata,
    storageKey: row.storage_key,
    status: row.status === 'complete' ? 'complete' : 'receiving',
    imageId: row.image_id,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  }
}

/** Starts an upload with nothing received. */
export async function insertUpload(
  db: Db,
  upload: Pick<Upload, 'id' | 'accountId' | 'kind' | 'filename' | 'length' | 'metadata' | 'storageKey'>,
): Promise<Upload> {
  const row = await db
    .insertInto('uploads')
    .values({
      id: upload.id,
      account_id: upload.accountId,
      kind: upload.kind,
      filename: upload.filename,
      length: upload.length,
      metadata: JSON.stringify(upload.metadata),
      storage_key: upload.storageKey,
      image_id: null,
      created_at: nowIso(),
      completed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toUpload(row)
}

/** One upload by id. */
export async function findUpload(db: Db, id: string): Promise<Upload | undefined> {
  const row = await db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toUpload(row) : undefined
}

/** A finished upload by id, for the video pipeline to pick up; undefined while still receiving. */
export async function findCompletedUpload(db: Db, id: string): Promise<Upload | undefined> {
  const row = await db
    .selectFrom('uploads')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'complete')
    .executeTakeFirst()
  return row ? toUpload(row) : undefined
}

/** Records how many bytes are stored. */
export async function setUploadOffset(db: Db, id: string, offset: number): Promise<void> {
  await db.updateTable('uploads').set({ offset }).where('id', '=', id).execute()
}

/** Marks an upload complete at its final storage key. */
export async function completeUpload(
  db: Db,
  id: string,
  done: { storageKey: string; imageId: number | null },
): Promise<void> {
  await db
    .updateTable('uploads')
    .set({ status: 'complete', storage_key: done.storageKey, image_id: done.imageId, completed_at: nowIso() })
    .where('id', '=', id)
    .execute()
}

/** Forgets an upload (its file is removed by the caller). */
export async function deleteUpload(db: Db, id: string): Promise<void> {
  await db.deleteFrom('uploads').where('id', '=', id).execute()
}

/** Forgets the finished upload whose file is at `storageKey` (a master refused later, in its job); the caller removes the file. */
export async function forgetUploadOfKey(db: Db, storageKey: string): Promise<void> {
  await db.deleteFrom('uploads').where('storage_key', '=', storageKey).where('status', '=', 'complete').execute()
}
