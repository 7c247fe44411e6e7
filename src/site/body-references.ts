// Refuses a body document that embeds an image, excerpt or documentary that does not exist,
// naming the block. Pages, stories, show notes and campaign intros share it; it asks the
// owners' doors, so it sits here beside loadBodyContext rather than in the pure validator.
import type { Db } from '../db/index.js'
import { missingReferenceProblems, referencedIds, referringBlocks, type BodyDocument } from '../body/index.js'
import { findImagesByIds } from '../media/index.js'
import { findExcerptsByIds } from '../excerpts/index.js'
import { findDocumentaryById } from '../documentaries/index.js'
import { InvalidInput } from '../platform/errors.js'
import { MAX_ID } from '../platform/http/integer-inputs.js'

const storable = (id: number) => id <= MAX_ID

/** One sentence per block whose image, excerpt or documentary does not exist; empty when all do. */
export async function findMissingBodyReferences(db: Db, doc: BodyDocument): Promise<string[]> {
  const blocks = referringBlocks(doc)
  if (blocks.length === 0) return []
  // An id past what an id column holds exists nowhere, and PostgreSQL would refuse to compare it.
  const all = referencedIds(blocks)
  const ids = {
    image: all.image.filter(storable),
    excerpt: all.excerpt.filter(storable),
    documentary: all.documentary.filter(storable),
  }
  const [images, excerpts, documentaries] = await Promise.all([
    findImagesByIds(db, ids.image),
    findExcerptsByIds(db, ids.excerpt),
    // Any status: a card may point at a film that is not yet published (it shows once it is).
    Promise.all(ids.documentary.map(async id => ((await findDocumentaryById(db, id)) ? id : undefined))),
  ])
  const foundFilms = new Set(documentaries)
  return missingReferenceProblems(blocks, {
    image: new Set(all.image.filter(id => !images.has(id))),
    excerpt: new Set(all.excerpt.filter(id => !excerpts.has(id))),
    documentary: new Set(all.documentary.filter(id => !foundFilms.has(id))),
  })
}

/** Throws InvalidInput naming each block whose reference does not exist; call before the save writes. */
export async function assertBodyReferencesExist(db: Db, doc: BodyDocument): Promise<void> {
  const problems = await findMissingBodyReferences(db, doc)
  if (problems.length) throw new InvalidInput(problems[0] as string, problems)
}
