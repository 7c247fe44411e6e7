// Moved addresses: when something's address changes (a new slug), its old address answers with a
// 301 to the new one instead of a 404, and so does every address below it (an episode under a
// renamed show, a person's feed). Looked up only on the way to a 404, so a live page always wins
// and found pages pay nothing.
import type { Db } from '../../db/index.js'
import { nowIso } from '../time.js'

/** Moves followed one after another at most, so a chain of renames still ends in one redirect. */
const MAX_HOPS = 5

/** Site-relative, no query or fragment, no protocol-relative `//host`: only such paths are kept or followed. */
function isSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !/[?#\\\s]/.test(path)
}

/**
 * Records that `oldPath` (and everything below it) now lives at `newPath`. A move back to an
 * address that had moved away removes that older record, so no loop can form. Call inside the
 * transaction that changes the address.
 */
export async function recordMovedPath(db: Db, oldPath: string, newPath: string): Promise<void> {
  if (!isSitePath(oldPath) || !isSitePath(newPath))
    throw new RangeError(`moved paths must be site paths: ${oldPath} → ${newPath}`)
  if (oldPath === newPath) return
  await db.deleteFrom('moved_paths').where('old_path', 'in', [oldPath, newPath]).execute()
  await db.insertInto('moved_paths').values({ old_path: oldPath, new_path: newPath, moved_at: nowIso() }).execute()
}

/** `/a/b/c`, `/a/b`, `/a`: the path and each address above it, longest first. */
function pathAndParents(path: string): string[] {
  const out: string[] = []
  for (let p = path; p.length > 1; p = p.slice(0, p.lastIndexOf('/'))) out.push(p)
  return out
}

/**
 * Where a path that found nothing has moved to, following later moves too; undefined when it
 * never moved. The longest recorded address at or above the path wins, and the rest of the path
 * is carried over (`/podcasts/old-show/ep-1` → `/podcasts/new-show/ep-1`).
 */
export async function findMovedPath(db: Db, path: string): Promise<string | undefined> {
  if (!isSitePath(path) || path.length > 1000) return undefined
  let current = path.replace(/(.)\/+$/, '$1')
  let moved = false
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const candidates = pathAndParents(current)
    if (!candidates.length) break
    const rows = await db
      .selectFrom('moved_paths')
      .select(['old_path', 'new_path'])
      .where('old_path', 'in', candidates)
      .execute()
    const longest = rows.sort((a, b) => b.old_path.length - a.old_path.length)[0]
    if (!longest) break
    current = longest.new_path + current.slice(longest.old_path.length)
    moved = true
  }
  return moved ? current : undefined
}
