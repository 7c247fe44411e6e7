// /articles: every published story, newest first.
import type { StoryTeaser } from '../teasers.js'
import { StoryList } from './story-card.js'
import { Pagination } from '../../site/views.js'

/** The articles list page. */
export function ArticlesPage({
  teasers,
  page,
  pageCount,
  timeZone,
}: {
  teasers: StoryTeaser[]
  page: number
  pageCount: number
  timeZone: string
}) {
  return (
    <div class="wrap list-page">
      <header class="list-page__header">
        <h1>Articles</h1>
        <p class="list-page__intro">
          Investigations, explainers and companion reporting to our films.
          {page > 1 ? ` Page ${page} of ${pageCount}.` : ''}
        </p>
      </header>
      <StoryList teasers={teasers} timeZone={timeZone} headingLevel={2} />
      <Pagination path="/articles" page={page} pageCount={pageCount} />
    </div>
  )
}
