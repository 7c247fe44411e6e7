// The newsroom's documentary pages as the shell shows them: the list of every film, and one
// film's form with the links to its excerpts, its film page and (once published) the site.
import { Notice } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import type { DocumentaryFields } from '../form.js'
import type { Documentary } from '../store.js'
import { documentaryUrl } from '../urls.js'
import { DocumentaryForm, DocumentaryList, type DocumentaryFormChoices } from './documentary-form.js'

/** /newsroom/documentaries: every film, drafts included. */
export function DocumentariesAdminPage({ documentaries }: { documentaries: readonly Documentary[] }) {
  return (
    <>
      <p>Every film, drafts included. Published films are on /documentaries and their own pages.</p>
      <p>
        <a class="nr-button" href="/newsroom/documentaries/new">
          New documentary
        </a>
      </p>
      <DocumentaryList documentaries={documentaries} />
    </>
  )
}

/** What the form page shows: the film (none when new), its fields as typed or stored, and their problems. */
export interface DocumentaryEditPageProps {
  film?: Documentary | undefined
  excerptCount: number
  fields: DocumentaryFields
  problems: FormProblems
  choices: DocumentaryFormChoices
  saved: boolean
  csrf: string
}

/** /newsroom/documentaries/new and /newsroom/documentaries/:id. */
export function DocumentaryEditPage({
  film,
  excerptCount,
  fields,
  problems,
  choices,
  saved,
  csrf,
}: DocumentaryEditPageProps) {
  return (
    <>
      <p>
        <a href="/newsroom/documentaries">All documentaries</a>
        {film ? (
          <>
            {' '}
            · <a href={`/newsroom/documentaries/${film.id}/excerpts`}>Excerpts ({excerptCount})</a>
          </>
        ) : null}
        {film ? (
          <>
            {' '}
            · <a href={`/newsroom/documentaries/${film.id}/film`}>Film</a>
          </>
        ) : null}
        {film?.status === 'published' ? (
          <>
            {' '}
            · <a href={documentaryUrl(film.slug)}>View on the site</a>
          </>
        ) : null}
      </p>
      {saved ? <Notice kind="ok">The documentary is saved; the site shows the change now.</Notice> : null}
      <DocumentaryForm id={film?.id} fields={fields} problems={problems} choices={choices} csrf={csrf} />
    </>
  )
}
