// Reading the story editor's form (a browser's form post, or autosave's JSON) into fields,
// with every value checked and each problem said in words.
import { Type, type Static } from '@sinclair/typebox'
import { validateBody } from '../body/index.js'
import { isSlug, slugify } from '../platform/slug.js'
import { STORY_SECTIONS, type StorySection } from './schema.js'
import type { StoryFields } from './draft-store.js'

const Ids = Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 50 })])

/** The status changes the editor's buttons ask for with the fields; `save` only saves. */
export const FORM_ACTIONS = ['save', 'submit', 'publish', 'schedule', 'unpublish', 'to-draft'] as const
export type FormAction = (typeof FORM_ACTIONS)[number]

/** The form as posted: the fields, and which button was pressed. */
export const StoryFormBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.Union(FORM_ACTIONS.map(a => Type.Literal(a)))),
  scheduledFor: Type.Optional(Type.String({ maxLength: 40 })),
  version: Type.String({ pattern: '^[0-9]{1,9}$' }),
  title: Type.String({ maxLength: 300 }),
  slug: Type.Optional(Type.String({ maxLength: 200 })),
  dek: Type.Optional(Type.String({ maxLength: 600 })),
  section: Type.Optional(Type.String({ maxLength: 40 })),
  hero: Type.Optional(Type.String({ maxLength: 20 })),
  authors: Type.Optional(Ids),
  topics: Type.Optional(Ids),
  documentaries: Type.Optional(Ids),
  body: Type.String({ maxLength: 400_000 }),
})
export type StoryFormBody = Static<typeof StoryFormBody>

function ids(value: string | string[] | undefined): number[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value]
  return [...new Set(list.filter(v => /^\d{1,9}$/.test(v)).map(Number))]
}

/** What the person typed, as the form shows it again. */
export function formValues(body: StoryFormBody): StoryFormValues {
  return {
    title: body.title,
    slug: body.slug ?? '',
    dek: body.dek ?? '',
    section: body.section ?? 'article',
    heroImageId: body.hero && /^\d+$/.test(body.hero) ? Number(body.hero) : null,
    authorIds: ids(body.authors),
    topicIds: ids(body.topics),
    documentaryIds: ids(body.documentaries),
    bodyJson: body.body,
    version: Number(body.version),
  }
}

/** One thing wrong with the form, and the field it belongs beside (`form` when none). */
/** What the editor's fields hold, as typed: shown again after a refused post. */
export interface StoryFormValues {
  title: string
  slug: string
  dek: string
  section: string
  heroImageId: number | null
  authorIds: number[]
  topicIds: number[]
  documentaryIds: number[]
  bodyJson: string
  version: number
}

export interface FieldProblem {
  field:
    | 'title'
    | 'slug'
    | 'section'
    | 'body'
    | 'hero'
    | 'authors'
    | 'topics'
    | 'documentaries'
    | 'scheduledFor'
    | 'form'
  message: string
}

/**
 * The checked fields, or the problems to show. A draft may be saved without a headline (it
 * is listed as an untitled story, with a placeholder slug the first real headline replaces);
 * `needsHeadline` is set for a story that is or is about to be public.
 */
export function readStoryForm(
  body: StoryFormBody,
  options: { needsHeadline: boolean; placeholderSlug?: string },
): { fields: StoryFields; version: number } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const values = formValues(body)
  const title = values.title.trim()
  if (title === '' && options.needsHeadline) problems.push({ field: 'title', message: 'The headline cannot be empty.' })
  const slug =
    values.slug.trim() !== '' ? values.slug.trim() : title !== '' ? slugify(title) : (options.placeholderSlug ?? '')
  if (!isSlug(slug))
    problems.push({
      field: 'slug',
      message: 'The slug may use only lower-case letters, digits and single hyphens (like “river-that-moved”).',
    })
  if (!(STORY_SECTIONS as readonly string[]).includes(values.section))
    problems.push({ field: 'section', message: 'Choose a section from the list.' })
  let document: unknown
  try {
    document = JSON.parse(values.bodyJson)
  } catch {
    problems.push({
      field: 'body',
      message: 'The body is not valid JSON. (If you are editing it by hand, check the brackets and quotes.)',
    })
  }
  if (document !== undefined) {
    const checked = validateBody(document)
    if (!checked.ok) problems.push(...checked.errors.map(e => ({ field: 'body' as const, message: `Body: ${e}` })))
  }
  if (problems.length) return { problems }
  return {
    version: values.version,
    fields: {
      slug,
      title,
      dek: values.dek.trim(),
      body: document,
      section: values.section as StorySection,
      heroImageId: values.heroImageId,
      authorIds: values.authorIds,
      topicIds: values.topicIds,
      documentaryIds: values.documentaryIds,
    },
  }
}
