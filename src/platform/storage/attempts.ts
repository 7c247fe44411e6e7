// Upload-attempt bookkeeping for jobs that write their outputs to a fresh folder each run (the
// transcode and audio jobs): the folder's list of files is stored first, so a later run can
// remove what a killed one left half-written, and never touch a folder readers play from.
import { readStoredText, type Storage } from './index.js'

/** The file in an attempt folder that lists the folder's other files. */
const MANIFEST = 'files.json'

/** Stores the list of files an attempt is about to upload under `prefix`; call it before uploading them. */
export async function writeAttemptManifest(storage: Storage, prefix: string, files: readonly string[]): Promise<void> {
  await storage.put(`${prefix}/${MANIFEST}`, Buffer.from(JSON.stringify(files)))
}

/** Removes what an unfinished attempt uploaded, as its manifest lists; a folder without one is left alone. */
export async function removeAttempt(storage: Storage, prefix: string): Promise<void> {
  const manifestKey = `${prefix}/${MANIFEST}`
  if (!(await storage.stat(manifestKey))) return
  let files: unknown
  try {
    files = JSON.parse(await readStoredText(storage, manifestKey))
  } catch {
    files = []
  }
  for (const file of Array.isArray(files) ? files : [])
    if (typeof file === 'string') await storage.remove(`${prefix}/${file}`).catch(() => {})
  await storage.remove(manifestKey)
}
