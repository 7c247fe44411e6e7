// The newsroom's form for a static page, with the body editor island, and the list of pages.
import { Clock, Csrf, ErrorSummary, TextField } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import type { PageListing } from '../store.js'

/** A page form's fields as typed; the body as JSON text. */
export interface PageFields {
  title: string
  slug: string
  summary: string
  body: string
}

export const PAGE_LIMITS = { title: 200, summary: 500 }
/** The id of the body's textarea, which the editor island is told to take over. */
export const BODY_FIELD_ID = 'page-body'

/** The body: the editor island (mounted by the newsroom's script) over the JSON textarea it writes to. */
function BodyField({ value, problems }: { value: string; problems: readonly string[] }) {
  const describedBy = ['page-body-hint', problems.length ? 'page-body-error' : ''].filter(Boolean).join(' ')
  return (
    <div class="nr-field">
      <label for={BODY_FIELD_ID}>Body</label>
      <p id="page-body-hint" class="nr-hint">
        The page’s text. Without the editor, write it as a body document in JSON, like {'{"type":"doc","content":[…]}'}.
      </p>
      {problems.length ? (
        <div id="page-body-error" class="nr-field__error">
          <p>
            <span class="visually-hidden">Error: </span>
            {problems.length === 1 ? 'The body has a problem:' : `The body has ${problems.length} problems:`}
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div
        class="body-editor"
        data-body-editor={BODY_FIELD_ID}
        data-images-url="/newsroom/api/images"
        data-excerpts-url="/newsroom/api/excerpts"
        data-documentaries-url="/newsroom/api/documentaries"
        data-label="Page body"
      ></div>
      <textarea
        id={BODY_FIELD_ID}
        name="body"
        class="body-json"
        rows={20}
        aria-describedby={describedBy}
        aria-invalid={problems.length ? 'true' : undefined}
      >
        {value}
      </textarea>
    </div>
  )
}

/** The form that creates (no `id`) or edits a static page. */
export function PageForm({
  id,
  fields,
  problems,
  bodyProblems,
  csrf,
}: {
  id?: number | undefined
  fields: PageFields
  problems: FormProblems
  bodyProblems: readonly string[]
  csrf: string
}) {
  return (
    <>
      <ErrorSummary problems={problems} />
      <form class="nr-form" method="post" action={id ? `/newsroom/pages/${id}` : '/newsroom/pages'} novalidate>
        <Csrf token={csrf} />
        <div class="nr-narrow nr-form">
          <TextField
            id="title"
            label="Title"
            value={fields.title}
            problems={problems}
            required
            maxLength={PAGE_LIMITS.title}
            hint="E.g. “Journalistic Standards”."
          />
          <TextField
            id="slug"
            label="Slug"
            value={fields.slug}
            problems={problems}
            required
            maxLength={100}
            hint="The page’s address: /<slug>. Lower-case letters and digits joined by hyphens, e.g. “ethics-and-funding”. Changing it changes the address."
          />
          <TextField
            id="summary"
            label="Summary"
            value={fields.summary}
            problems={problems}
            rows={2}
            maxLength={PAGE_LIMITS.summary}
            hint={`The line under the title, also what search engines show. Up to ${PAGE_LIMITS.summary} characters.`}
          />
        </div>
        <BodyField value={fields.body} problems={bodyProblems} />
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the page' : 'Create the page'}
          </button>
        </div>
      </form>
    </>
  )
}

/** Every page by title, each linking to its form. */
export function PageList({ pages }: { pages: readonly PageListing[] }) {
  if (pages.length === 0) return <p>No pages yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Address</th>
          <th scope="col">Last updated</th>
        </tr>
      </thead>
      <tbody>
        {pages.map(p => (
          <tr key={p.id}>
            <td>
              <a href={`/newsroom/pages/${p.id}`}>{p.title}</a>
            </td>
            <td>
              <a href={`/${p.slug}`}>/{p.slug}</a>
            </td>
            <td>
              <Clock iso={p.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
