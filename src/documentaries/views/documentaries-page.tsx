// /documentaries: every published film with its runtime.
import type { DocumentaryTeaser } from '../teasers.js'
import { DocumentaryGrid } from './documentary-card.js'
import { Pagination } from '../../site/views.js'

/** The documentaries list page. */
export function DocumentariesPage({
  teasers,
  page,
  pageCount,
}: {
  teasers: DocumentaryTeaser[]
  page: number
  pageCount: number
}) {
  return (
    <div class="wrap list-page">
      <header class="list-page__header">
        <h1>Documentaries</h1>
        <p class="list-page__intro">Feature films from our newsroom, free to stream in full.</p>
      </header>
      <DocumentaryGrid teasers={teasers} headingLevel={2} />
      <Pagination path="/documentaries" page={page} pageCount={pageCount} />
    </div>
  )
}
