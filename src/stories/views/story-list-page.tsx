// The newsroom's list of stories: filters by headline, status, author and topic, and a table of
// what matched with each story's status and when it last changed.
import { Clock } from '../../newsroom/views.js'
import type { Person } from '../../people/index.js'
import type { Topic } from '../../topics/index.js'
import type { Paged } from '../../platform/pagination.js'
import { STORY_STATUSES } from '../schema.js'
import type { NewsroomStoryRow } from '../newsroom-list-store.js'

/** The filters as typed, so the form shows them again. */
export interface StoryListFilters {
  q?: string | undefined
  status?: string | undefined
  person?: string | undefined
  topic?: string | undefined
}

export interface StoryListPageProps {
  list: Paged<NewsroomStoryRow>
  filters: StoryListFilters
  people: Person[]
  topics: Topic[]
  /** The list holds only the signed-in person's own stories (contributors and authors). */
  ownOnly: boolean
}

/** The page's content; the newsroom layout adds the title and navigation. */
export function StoryListPage({ list, filters, people, topics, ownOnly }: StoryListPageProps) {
  return (
    <>
      <p class="nr-actions">
        <a class="nr-button" href="/newsroom/stories/new">
          New story
        </a>
      </p>
      <form method="get" action="/newsroom/stories" class="nr-filters" role="search">
        <div class="nr-field">
          <label for="q">Title contains</label>
          <input id="q" name="q" value={filters.q ?? ''} />
        </div>
        <div class="nr-field">
          <label for="f-status">Status</label>
          <select id="f-status" name="status">
            <option value="">Any</option>
            {STORY_STATUSES.map(s => (
              <option key={s} value={s} selected={filters.status === s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="f-person">Author</label>
          <select id="f-person" name="person">
            <option value="">Anyone</option>
            {people.map(p => (
              <option key={p.id} value={String(p.id)} selected={filters.person === String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="f-topic">Topic</label>
          <select id="f-topic" name="topic">
            <option value="">Any</option>
            {topics.map(t => (
              <option key={t.id} value={String(t.id)} selected={filters.topic === String(t.id)}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button class="nr-button nr-button--quiet" type="submit">
          Filter
        </button>
      </form>
      <p>
        {list.total} {list.total === 1 ? 'story' : 'stories'}
        {ownOnly ? ' of yours' : ''}.
      </p>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Status</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map(s => (
            <tr key={s.id}>
              <td>
                <a href={`/newsroom/stories/${s.id}`}>{s.title || 'Untitled story'}</a>
              </td>
              <td>
                <span class="nr-pill">{s.status.replace('_', ' ')}</span>
                {s.scheduledFor && s.status === 'scheduled' ? (
                  <>
                    {' '}
                    <Clock iso={s.scheduledFor} />
                  </>
                ) : (
                  ''
                )}
              </td>
              <td>
                <Clock iso={s.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
