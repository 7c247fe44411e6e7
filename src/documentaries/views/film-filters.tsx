// The /documentaries filters: topic and release year as a small GET form (one Show button; it works
// without JavaScript), and the addresses of filtered pages in the canonical order (sorted names).
import type { Topic } from '../../topics/index.js'

/** The filters a page shows; undefined is "all". */
export interface FilmFilterState {
  topic?: Topic | undefined
  year?: number | undefined
}

/** /documentaries with the filters, parameters sorted as canonical addresses are (page, topic, year). */
export function documentariesHref(filter: FilmFilterState, page = 1): string {
  const query = new URLSearchParams([
    ...(page > 1 ? [['page', String(page)]] : []),
    ...(filter.topic ? [['topic', filter.topic.slug]] : []),
    ...(filter.year ? [['year', String(filter.year)]] : []),
  ]).toString()
  return query ? `/documentaries?${query}` : '/documentaries'
}

/** The filter form: topics and years that published films have. */
export function FilmFilters({
  topics,
  years,
  filter,
}: {
  topics: readonly Topic[]
  years: readonly number[]
  filter: FilmFilterState
}) {
  return (
    <form class="film-filters" method="get" action="/documentaries" aria-label="Filter the films">
      <div class="film-filters__field">
        <label for="film-topic">Topic</label>
        <select id="film-topic" name="topic">
          <option value="">All topics</option>
          {topics.map(t => (
            <option key={t.id} value={t.slug} selected={filter.topic?.id === t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div class="film-filters__field">
        <label for="film-year">Year</label>
        <select id="film-year" name="year">
          <option value="">All years</option>
          {years.map(y => (
            <option key={y} value={String(y)} selected={filter.year === y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button class="button film-filters__submit" type="submit">
        Show films
      </button>
      {filter.topic || filter.year ? (
        <a class="film-filters__clear" href="/documentaries">
          All films
        </a>
      ) : null}
    </form>
  )
}
