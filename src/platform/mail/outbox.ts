// The outbox: without SMTP, each message is kept as a complete .eml file in one folder, so a
// newsroom on a laptop can still read its invitations and a developer can open them in a mail app.
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { InvalidInput } from '../errors.js'
import { readHeaders } from './headers.js'

/** A message in the outbox, as the newsroom lists it. */
export interface StoredMail {
  /** The file's name inside the outbox (not a path); hand it back to readOutboxMessage. */
  file: string
  messageId: string
  /** The To header, with any encoded words decoded. */
  to: string
  subject: string
  /** When it was written, as an ISO string (the Date header, else the file's time). */
  date: string
  /** Bytes on disk. */
  size: number
}

// Our own names only: a timestamp, a random suffix, `.eml`. Anything else (a path, a dot file,
// a temporary file) is not a message of ours.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*\.eml$/
// Headers sit in the first bytes; reading only those keeps a listing cheap with large messages.
const HEAD_BYTES = 64 * 1024

/**
 * Writes one message under a name that sorts by time: `2025-03-01T09-30-00-123Z-a1b2c3d4.eml`
 * (the ISO instant with `:` and `.` made `-`, since colons are not allowed in Windows names and
 * need escaping in URLs). The bytes go to a temporary name first, so a listing never sees half a file.
 */
export async function writeOutboxMessage(outboxDir: string, message: Buffer, at: Date): Promise<string> {
  await mkdir(outboxDir, { recursive: true })
  const name = `${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`
  const temp = join(outboxDir, `.${name}.tmp`)
  try {
    await writeFile(temp, message, { flag: 'wx' })
    await rename(temp, join(outboxDir, name))
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  return join(outboxDir, name)
}

/** The messages in the outbox, newest first (at most `limit`, 100 by default); none when the folder is absent. */
export async function listOutbox(outboxDir: string, options: { limit?: number } = {}): Promise<StoredMail[]> {
  const limit = Math.max(1, Math.min(Math.floor(options.limit ?? 100), 1000))
  let names: string[]
  try {
    names = await readdir(outboxDir)
  } catch (error) {
    if (isMissing(error)) return []
    throw error
  }
  // Names begin with the instant, so the reverse name order is newest first.
  const newest = names
    .filter(name => FILE_NAME.test(name))
    .sort()
    .reverse()
    .slice(0, limit)
  const listed = await Promise.all(newest.map(name => describe(outboxDir, name)))
  return listed.filter((mail): mail is StoredMail => mail !== undefined)
}

/** The raw .eml text of one outbox message, or undefined when there is none by that name. */
export async function readOutboxMessage(outboxDir: string, file: string): Promise<string | undefined> {
  if (typeof file !== 'string' || !FILE_NAME.test(file)) {
    throw new InvalidInput('An outbox message is named like 2025-03-01T09-30-00-123Z-a1b2c3d4.eml.')
  }
  try {
    return await readFile(join(outboxDir, file), 'utf8')
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}

// One listing entry; undefined when the file vanished between readdir and here.
async function describe(outboxDir: string, name: string): Promise<StoredMail | undefined> {
  const path = join(outboxDir, name)
  try {
    const info = await stat(path)
    const headers = readHeaders(await readHead(path))
    const date = new Date(headers.get('date') ?? '')
    return {
      file: name,
      messageId: headers.get('message-id') ?? '',
      to: headers.get('to') ?? '',
      subject: headers.get('subject') ?? '',
      date: Number.isNaN(date.getTime()) ? info.mtime.toISOString() : date.toISOString(),
      size: info.size,
    }
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')
}
