// The /search page: the form, filters by kind and topic with counts, results with highlighted
// words, pagination, and pages for an empty query and for no results.
import { DateTime, Pagination } from '../../site/views.js'
import { KIND_NAMES } from '../present.js'
import { SEARCH_KINDS, type SearchKind } from '../schema.js'
import type { SearchHit, SearchResults } from '../store.js'
import { MarkedText } from './marked-text.js'

/** A topic as the filter offers it. */
export interface TopicChoice {
  slug: string
  name: string
}

export interface SearchPageProps {
  /** What the reader typed, as typed (cut to the query limit). */
  q: string
  /** The words actually searched for (empty when the query held no letters or digits). */
  searched: string
  kind?: SearchKind | undefined
  topic?: TopicChoice | undefined
  topics: TopicChoice[]
  /** Absent when nothing was asked. */
  results?: SearchResults | undefined
  timeZone: string
  /** The last page the address accepts; results go no further. */
  maxPage: number
}

/** The address of a search, page 1 without a page parameter. */
export function searchHref(params: {
  q: string
  kind?: SearchKind | undefined
  topic?: string | undefined
  page?: number | undefined
}): string {
  const query = new URLSearchParams({ q: params.q })
  if (params.kind) query.set('type', params.kind)
  if (params.topic) query.set('topic', params.topic)
  if (params.page && params.page > 1) query.set('page', String(params.page))
  return `/search?${query.toString()}`
}

export function SearchPage(props: SearchPageProps) {
  const { results } = props
  return (
    <div class="wrap search-page">
      <header class="list-page__header">
        <h1>Search</h1>
      </header>
      <SearchForm {...props} />
      {!results ? (
        <EmptyQuery topics={props.topics} />
      ) : (
        <>
          <Filters {...props} results={results} />
          {results.hits.total === 0 ? <NoResults {...props} /> : <Results {...props} results={results} />}
        </>
      )}
    </div>
  )
}

function SearchForm({ q, kind, topic }: SearchPageProps) {
  return (
    <form class="search-page__form" action="/search" method="get" role="search">
      <label class="search-page__label" for="search-page-q">
        Search stories, documentaries, podcast episodes, people and topics
      </label>
      <div class="search-page__row">
        <input
          id="search-page-q"
          class="search-page__input"
          type="search"
          name="q"
          value={q}
          maxLength={200}
          autocomplete="off"
        />
        {kind ? <input type="hidden" name="type" value={kind} /> : null}
        {topic ? <input type="hidden" name="topic" value={topic.slug} /> : null}
        <button class="button" type="submit">
          Search
        </button>
      </div>
    </form>
  )
}

/** A count as shown: "1,000+" past the limit. */
function countLabel(n: number, over: boolean): string {
  return `${n.toLocaleString('en')}${over ? '+' : ''}`
}

function Filters({ q, kind, topic, topics, results }: SearchPageProps & { results: SearchResults }) {
  const all = countLabel(
    Object.values(results.counts).reduce((a, b) => a + b, 0),
    results.overLimit.length > 0,
  )
  const shown = SEARCH_KINDS.filter(k => results.counts[k] > 0 || k === kind)
  return (
    <div class="search-filters">
      <nav aria-label="Filter by type">
        <ul class="search-filters__kinds">
          <li>
            <a href={searchHref({ q, topic: topic?.slug })} aria-current={kind ? undefined : 'page'}>
              All <span class="search-filters__count">{all}</span>
            </a>
          </li>
          {shown.map(k => (
            <li key={k}>
              <a href={searchHref({ q, kind: k, topic: topic?.slug })} aria-current={k === kind ? 'page' : undefined}>
                {KIND_NAMES[k].many}{' '}
                <span class="search-filters__count">
                  {countLabel(results.counts[k], results.overLimit.includes(k))}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {topics.length ? (
        <form class="search-filters__topic" action="/search" method="get">
          <input type="hidden" name="q" value={q} />
          {kind ? <input type="hidden" name="type" value={kind} /> : null}
          <label for="search-topic">Topic</label>
          <select id="search-topic" name="topic">
            <option value="">All topics</option>
            {topics.map(t => (
              <option key={t.slug} value={t.slug} selected={t.slug === topic?.slug}>
                {t.name}
              </option>
            ))}
          </select>
          <button class="button button--quiet" type="submit">
            Filter
          </button>
        </form>
      ) : null}
    </div>
  )
}

function summary({ q, kind, topic }: SearchPageProps, total: number, over: boolean): string {
  const what = kind ? KIND_NAMES[kind].many.toLowerCase() : total === 1 ? 'result' : 'results'
  const count =
    kind && total === 1 && !over ? `1 ${KIND_NAMES[kind].one.toLowerCase()}` : `${countLabel(total, over)} ${what}`
  return `${count} for “${q}”${topic ? ` in ${topic.name}` : ''}`
}

function Results(props: SearchPageProps & { results: SearchResults }) {
  const { hits } = props.results
  const first = (hits.page - 1) * hits.pageSize + 1
  return (
    <>
      <p class="search-summary">
        {summary(props, hits.total, props.results.totalIsLowerBound)}
        {hits.pageCount > 1 ? (
          <span class="search-summary__range">
            {' '}
            · showing {first}–{first + hits.items.length - 1}
          </span>
        ) : null}
      </p>
      <ol class="search-results" start={first}>
        {hits.items.map(hit => (
          <Result key={`${hit.kind}:${hit.ownerId}`} hit={hit} timeZone={props.timeZone} />
        ))}
      </ol>
      {hits.items.length === 0 ? (
        <p>
          There are no more results.{' '}
          <a href={searchHref({ q: props.q, kind: props.kind, topic: props.topic?.slug })}>Back to the first page</a>.
        </p>
      ) : null}
      <Pagination
        path={searchHref({ q: props.q, kind: props.kind, topic: props.topic?.slug })}
        page={hits.page}
        pageCount={Math.min(hits.pageCount, props.maxPage)}
        labels={{ previous: '← Previous', next: 'Next →' }}
      />
    </>
  )
}

function Result({ hit, timeZone }: { hit: SearchHit; timeZone: string }) {
  return (
    <li class={`search-result search-result--${hit.kind}`}>
      <p class="search-result__meta">
        <span class="search-result__kind">{KIND_NAMES[hit.kind].one}</span>
        {hit.publishedAt ? (
          <>
            {' '}
            · <DateTime iso={hit.publishedAt} timeZone={timeZone} />
          </>
        ) : null}
      </p>
      <h2 class="search-result__title">
        <a href={hit.url}>
          <MarkedText text={hit.title} />
        </a>
      </h2>
      {hit.snippet ? (
        <p class="search-result__snippet">
          <MarkedText text={hit.snippet} />
        </p>
      ) : null}
    </li>
  )
}

function TopicLinks({ topics }: { topics: TopicChoice[] }) {
  if (topics.length === 0) return null
  return (
    <section class="search-help__section">
      <h2 class="section-heading">Browse by topic</h2>
      <ul class="topic-chips">
        {topics.map(t => (
          <li key={t.slug}>
            <a href={`/topics/${t.slug}`}>{t.name}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}

function LatestLinks() {
  return (
    <section class="search-help__section">
      <h2 class="section-heading">Or start from our latest work</h2>
      <ul class="search-help__latest">
        <li>
          <a href="/articles">Latest articles</a>
        </li>
        <li>
          <a href="/documentaries">Latest documentaries</a>
        </li>
        <li>
          <a href="/topics">All topics</a>
        </li>
      </ul>
    </section>
  )
}

function NoResults(props: SearchPageProps) {
  const filtered = props.kind || props.topic
  return (
    <div class="search-help">
      <p class="search-summary">
        Nothing found for “{props.q}”{props.topic ? ` in ${props.topic.name}` : ''}
        {props.kind ? ` among ${KIND_NAMES[props.kind].many.toLowerCase()}` : ''}.
      </p>
      {props.searched === '' ? <p>Search looks for words: this query has no letters or digits to look for.</p> : null}
      <h2 class="search-help__heading">Some things to try</h2>
      <ul class="search-help__tips">
        {filtered ? (
          <li>
            <a href={searchHref({ q: props.q })}>Search everything</a> instead of one {props.kind ? 'type' : 'topic'}.
          </li>
        ) : null}
        <li>Check the spelling, or use fewer words: every word must appear.</li>
        <li>Take the quotation marks off a phrase to find its words in any order.</li>
        <li>
          End a word with * to find every word that starts with it: <em>invest*</em>.
        </li>
      </ul>
      <TopicLinks topics={props.topics} />
      <LatestLinks />
    </div>
  )
}

function EmptyQuery({ topics }: { topics: TopicChoice[] }) {
  return (
    <div class="search-help">
      <p class="list-page__intro">Find any story, documentary, podcast episode, person or topic by a word.</p>
      <ul class="search-help__tips">
        <li>
          Every word you type must appear: <em>water rights</em>.
        </li>
        <li>
          Put words in quotation marks to find them together: <em>"water rights"</em>.
        </li>
        <li>
          End a word with * to find every word that starts with it: <em>invest*</em>.
        </li>
      </ul>
      <TopicLinks topics={topics} />
      <LatestLinks />
    </div>
  )
}
