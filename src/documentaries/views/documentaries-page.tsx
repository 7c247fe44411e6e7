// /documentaries: the featured film, then every published film, filtered by topic and year.
import type { DocumentaryTeaser } from '../teasers.js'
import { DocumentaryGrid } from './documentary-card.js'
import { Pagination } from '../../site/views.js'
import type { Topic } from '../../topics/index.js'
import { FeaturedFilm, type FeaturedFilmProps } from './featured-film.js'
import { documentariesHref, FilmFilters, type FilmFilterState } from './film-filters.js'

export interface DocumentariesPageProps {
  /** The featured film, shown on the unfiltered first page only. */
  featured?: FeaturedFilmProps | undefined
  teasers: DocumentaryTeaser[]
  page: number
  pageCount: number
  filter: FilmFilterState
  topics: readonly Topic[]
  years: readonly number[]
}

/** What the list shows, in words: "Films on Housing from 2025". */
function filterWords({ topic, year }: FilmFilterState): string {
  return ['Films', topic ? `on ${topic.name}` : '', year ? `from ${year}` : ''].filter(Boolean).join(' ')
}

/** The documentaries list page. */
export function DocumentariesPage(props: DocumentariesPageProps) {
  const { featured, teasers, page, pageCount, filter, topics, years } = props
  const filtered = Boolean(filter.topic || filter.year)
  return (
    <>
      <div class="wrap documentaries__header">
        <header class="list-page__header">
          <h1>Documentaries</h1>
          <p class="list-page__intro">Feature films from our newsroom, free to stream in full.</p>
        </header>
      </div>
      {featured ? <FeaturedFilm {...featured} /> : null}
      <div class="wrap list-page documentaries__list">
        <h2 class="section-heading" id="films-heading">
          {filtered ? filterWords(filter) : featured ? 'More films' : 'All films'}
        </h2>
        <FilmFilters topics={topics} years={years} filter={filter} />
        {teasers.length ? (
          <DocumentaryGrid teasers={teasers} />
        ) : (
          <p class="documentaries__empty">
            No films match. <a href="/documentaries">See all documentaries</a>.
          </p>
        )}
        <Pagination path={documentariesHref(filter)} page={page} pageCount={pageCount} />
      </div>
    </>
  )
}
