// One interface for uploaded and derived files. The local folder is the default; an
// S3-compatible store can implement the same interface without its callers changing.
import { constants, createReadStream, createWriteStream } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rename, stat, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { pipeline } from 'node:stream/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { randomBytes } from 'node:crypto'

/** What a stored file reports about itself. */
export interface StoredFileInfo {
  size: number
  modifiedAt: Date
}

/** Where Newsreel keeps files; keys are slash-separated relative paths such as `images/ab/cd.jpg`. */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>
  /** Streams a whole file in (never buffered); the key appears only once every byte is written. */
  write(key: string, data: Readable): Promise<StoredFileInfo>
  /**
   * Stores a copy of a file on this machine (a transcode's output, a generated master), the key
   * appearing only once it is whole. Here the kernel copies it, so no byte passes through the
   * server's memory; a remote store streams it up.
   */
  copyIn(key: string, path: string): Promise<StoredFileInfo>
  /**
   * Adds bytes to the end of a file being received (created at offset 0). Refused with
   * `OffsetMismatch` unless the file holds exactly `expectedOffset` bytes. If the stream fails
   * part-way, the bytes that arrived are kept: `OffsetMismatch`-free resumption reads `stat`.
   * On S3 this maps to multipart parts; callers only see offsets.
   */
  append(key: string, data: Readable, expectedOffset: number): Promise<StoredFileInfo>
  /** Gives a finished file its final key (a rename here; a copy and delete on S3). */
  move(from: string, to: string): Promise<void>
  stat(key: string): Promise<StoredFileInfo | undefined>
  /** A stream of the file, optionally only bytes start..end (inclusive), as HTTP ranges count. */
  read(key: string, range?: { start: number; end: number }): Readable
  remove(key: string): Promise<void>
  /**
   * The file's path on this machine when the store keeps files here, for tools such as ffprobe
   * that need to seek in a file; undefined for a remote store (use `withLocalCopy`).
   */
  localPath(key: string): string | undefined
}

/** A stored text file (captions, a transcript), read whole as UTF-8. */
export async function readStoredText(storage: Storage, key: string): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of storage.read(key))
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Runs `work` with a path on this machine holding the stored file: the file itself when the
 * store is local, else a temporary copy that is removed afterwards.
 */
export async function withLocalCopy<T>(storage: Storage, key: string, work: (path: string) => Promise<T>): Promise<T> {
  const local = storage.localPath(key)
  if (local) return work(local)
  const dir = await mkdtemp(join(tmpdir(), 'newsreel-copy-'))
  try {
    const path = join(dir, 'file')
    await pipeline(storage.read(key), createWriteStream(path))
    return await work(path)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The file does not hold the number of bytes the caller expected to append after. */
export class OffsetMismatch extends Error {
  readonly actual: number
  constructor(expected: number, actual: number) {
    super(`expected ${expected} stored bytes, found ${actual}`)
    this.name = 'OffsetMismatch'
    this.actual = actual
  }
}

/** A key is safe when it is relative, has no `..` or empty segments, and uses plain characters. */
export function isSafeKey(key: string): boolean {
  return (
    /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i.test(key) && !key.split('/').some(s => s === '..' || s === '.')
  )
}

/**
 * Makes the file at `path` whole or not at all: `fill` writes a temporary name beside it, which
 * is renamed into place once filled and removed if filling fails.
 */
async function fillThenRename(path: string, fill: (temp: string) => Promise<void>): Promise<StoredFileInfo> {
  await mkdir(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await fill(temp)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  const s = await stat(path)
  return { size: s.size, modifiedAt: s.mtime }
}

/** Stores files in a folder on this machine. Writes go to a temporary name first, then rename. */
export function createLocalStorage(root: string): Storage {
  const base = resolve(root)
  const pathOf = (key: string): string => {
    if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`)
    const full = resolve(base, key)
    if (!full.startsWith(base + sep)) throw new Error(`storage key escapes the folder: ${key}`)
    return full
  }
  return {
    async put(key, data) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`)
      await writeFile(temp, data)
      await rename(temp, path)
    },
    write: async (key, data) =>
      fillThenRename(pathOf(key), temp => pipeline(data, createWriteStream(temp, { flags: 'wx' }))),
    // copy_file_range, where streaming a film's files through 64 KB buffers left the server's
    // allocator holding 10 MB of holes after the demo's first boot (its transcodes).
    copyIn: async (key, from) => fillThenRename(pathOf(key), temp => copyFile(from, temp, constants.COPYFILE_EXCL)),
    async append(key, data, expectedOffset) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const size = await stat(path).then(
        s => s.size,
        () => 0,
      )
      if (size !== expectedOffset) {
        data.resume()
        throw new OffsetMismatch(expectedOffset, size)
      }
      await pipeline(data, createWriteStream(path, { flags: 'a' }))
      const after = await stat(path)
      return { size: after.size, modifiedAt: after.mtime }
    },
    async move(from, to) {
      const target = pathOf(to)
      await mkdir(dirname(target), { recursive: true })
      await rename(pathOf(from), target)
    },
    async stat(key) {
      if (!isSafeKey(key)) return undefined
      try {
        const s = await stat(pathOf(key))
        return s.isFile() ? { size: s.size, modifiedAt: s.mtime } : undefined
      } catch {
        return undefined
      }
    },
    read(key, range) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : undefined)
    },
    async remove(key) {
      await rm(pathOf(key), { force: true })
    },
    localPath(key) {
      return pathOf(key)
    },
  }
}
