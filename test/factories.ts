// Small factories that build content through the parts' own store functions.
import type { Db } from '../src/db/index.js'
import { insertPerson, type Person } from '../src/people/index.js'
import { insertTopic, type Topic } from '../src/topics/index.js'
import { insertStory, type NewStory, type Story } from '../src/stories/index.js'
import { insertDocumentary, type Documentary, type NewDocumentary } from '../src/documentaries/index.js'
import { insertCorrection } from '../src/corrections/index.js'
import { insertImage, type Image } from '../src/media/index.js'
import { insertFunder, type Funder } from '../src/funders/index.js'
import { insertExcerpt, type Excerpt } from '../src/excerpts/index.js'
import { hoursAgo } from '../src/platform/time.js'
import {
  findInterviewById,
  insertInterview,
  setInterviewStatus,
  type Interview,
  type InterviewFields,
} from '../src/interviews/store.js'
import { replacePassages } from '../src/interviews/passages.js'
import type { InterviewStatus } from '../src/interviews/schema.js'
import type { Passage } from '../src/interviews/transcript-files.js'

let counter = 0
const next = () => ++counter

/** A paragraph body with the given text. */
export function paragraphs(...texts: string[]) {
  return { type: 'doc', content: texts.map(text => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

export async function makeImage(db: Db, overrides: Partial<Parameters<typeof insertImage>[1]> = {}): Promise<Image> {
  return insertImage(db, {
    storageKey: `images/test/${next()}.jpg`,
    contentType: 'image/jpeg',
    width: 1600,
    height: 900,
    alt: 'A test picture',
    ...overrides,
  })
}

export async function makePerson(db: Db, overrides: Partial<Parameters<typeof insertPerson>[1]> = {}): Promise<Person> {
  const n = next()
  return insertPerson(db, {
    slug: `person-${n}`,
    name: `Reporter ${n}`,
    jobTitle: 'Senior Digital Writer',
    bio: 'Covers things.',
    photoId: null,
    socials: [],
    ...overrides,
  })
}

export async function makeTopic(db: Db, overrides: Partial<Parameters<typeof insertTopic>[1]> = {}): Promise<Topic> {
  const n = next()
  return insertTopic(db, { slug: `topic-${n}`, name: `Topic ${n}`, description: 'A topic.', position: n, ...overrides })
}

export async function makeFunder(db: Db, overrides: Partial<Parameters<typeof insertFunder>[1]> = {}): Promise<Funder> {
  const n = next()
  return insertFunder(db, {
    slug: `funder-${n}`,
    name: `Funder ${n}`,
    url: 'https://example.org',
    logoId: null,
    tier: 'major',
    description: 'Gives.',
    siteWide: true,
    position: n,
    ...overrides,
  })
}

export async function makeDocumentary(db: Db, overrides: Partial<NewDocumentary> = {}): Promise<Documentary> {
  const n = next()
  return insertDocumentary(db, {
    slug: `film-${n}`,
    title: `Film ${n}`,
    dek: 'A film.',
    synopsis: 'First paragraph.\n\nSecond paragraph.',
    runtimeSeconds: 6840,
    releaseDate: '2026-01-15',
    posterId: null,
    credits: [{ role: 'Director', name: 'Ada Example' }],
    status: 'published',
    publishedAt: hoursAgo(24),
    topicIds: [],
    funderIds: [],
    ...overrides,
  })
}

export async function makeExcerpt(
  db: Db,
  documentaryId: number,
  overrides: Partial<Parameters<typeof insertExcerpt>[1]> = {},
): Promise<Excerpt> {
  return insertExcerpt(db, {
    documentaryId,
    title: 'A passage',
    caption: 'What happens here.',
    startSeconds: 12,
    endSeconds: 30,
    ...overrides,
  })
}

export async function makeStory(db: Db, overrides: Partial<NewStory> = {}): Promise<Story> {
  const n = next()
  return insertStory(db, {
    slug: `story-${n}`,
    title: `Story ${n}`,
    dek: 'What it is about.',
    body: paragraphs('Once upon a time.'),
    section: 'article',
    status: 'published',
    publishedAt: hoursAgo(n),
    heroImageId: null,
    authorIds: [],
    topicIds: [],
    documentaryIds: [],
    ...overrides,
  })
}

export async function makeCorrection(
  db: Db,
  storyId: number,
  overrides: Partial<Parameters<typeof insertCorrection>[1]> = {},
) {
  return insertCorrection(db, {
    storyId,
    kind: 'correction',
    body: 'An earlier version misstated a date.',
    publishedAt: hoursAgo(0.5),
    ...overrides,
  })
}

let interviewCount = 0
/** An interview (a draft, owned by no account, unless told) with a person of its own and, when given, passages. */
export async function makeInterview(
  db: Db,
  overrides: Partial<InterviewFields> & {
    status?: InterviewStatus
    passages?: Passage[]
    ownerAccountId?: number | null
  } = {},
): Promise<Interview> {
  interviewCount += 1
  const { status, passages, ownerAccountId = null, ...fields } = overrides
  const personId = fields.personId ?? (await makePerson(db)).id
  const interview = await insertInterview(
    db,
    {
      slug: `interview-${interviewCount}-${Math.random().toString(36).slice(2, 8)}`,
      title: `Interview ${interviewCount}`,
      personRole: 'Former aide',
      recordedOn: '2026-03-14',
      place: 'Lisbon',
      summary: 'A conversation.',
      ...fields,
      personId,
    },
    ownerAccountId,
  )
  if (passages) await replacePassages(db, interview.id, passages)
  if (status && status !== 'draft') await setInterviewStatus(db, interview.id, status, { accountId: null })
  return (await findInterviewById(db, interview.id)) ?? interview
}
