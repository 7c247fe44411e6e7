// What the newsroom's media pages share on the way in: the finished upload an editor attaches
// (their own, of the right kind) and a refusal a person can fix turned into its messages, so
// the page is shown again with them beside the form.
import type { Db } from '../../db/index.js'
import { InvalidInput } from '../../platform/errors.js'
import type { UploadKind } from '../sniff.js'
import { findCompletedUpload, type Upload } from '../upload-store.js'

const KIND_NAMES: Record<UploadKind, string> = {
  image: 'an image',
  video: 'a video',
  audio: 'audio',
  captions: 'a WebVTT file',
}

/** A finished upload of this kind that this account made, or a refusal saying why not. */
export async function ownUpload(db: Db, accountId: number, id: string | undefined, kind: UploadKind): Promise<Upload> {
  const upload = id ? await findCompletedUpload(db, id.trim()) : undefined
  if (!upload || upload.accountId !== accountId) throw new InvalidInput('No finished upload of yours has that id.')
  if (upload.kind !== kind)
    throw new InvalidInput(`That upload is ${KIND_NAMES[upload.kind]}, not ${KIND_NAMES[kind]}.`)
  return upload
}

/** Runs an action; a refusal a person can fix comes back as its messages, anything else is thrown on. */
export async function refusalOf(action: () => Promise<unknown>): Promise<string[] | undefined> {
  try {
    await action()
    return undefined
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error
    return error.messages()
  }
}
