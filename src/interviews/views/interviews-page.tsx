// /interviews: every published interview, grouped by the documentary it was recorded for, with
// filters by person and by topic (a plain GET form, so it works without JavaScript).
import type { Person } from '../../people/index.js'
import type { Topic } from '../../topics/index.js'
import { documentaryUrl } from '../../documentaries/index.js'
import type { InterviewGroup } from '../page-data.js'
import { InterviewList } from './interview-list.js'

export interface InterviewsPageProps {
  groups: InterviewGroup[]
  /** The people and topics the published interviews have, for the filters. */
  people: Person[]
  topics: Topic[]
  person: Person | undefined
  topic: Topic | undefined
  timeZone: string
}

/** The interview archive. */
export function InterviewsPage({ groups, people, topics, person, topic, timeZone }: InterviewsPageProps) {
  const filtered = person !== undefined || topic !== undefined
  return (
    <div class="wrap list-page iv-archive">
      <header class="list-page__header">
        <h1>Interviews</h1>
        <p class="list-page__intro">
          The full interviews behind our documentaries, on video with their transcripts, so you can see what was said
          before and after every quote.
        </p>
      </header>
      <form class="iv-filters" action="/interviews" method="get" aria-label="Filter interviews">
        <label>
          <span>Person</span>
          <select name="person">
            <option value="">Everyone</option>
            {people.map(p => (
              <option key={p.id} value={p.slug} selected={p.id === person?.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Topic</span>
          <select name="topic">
            <option value="">All topics</option>
            {topics.map(t => (
              <option key={t.id} value={t.slug} selected={t.id === topic?.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button class="button" type="submit">
          Show
        </button>
        {filtered ? <a href="/interviews">Show all interviews</a> : null}
      </form>
      {groups.length === 0 ? (
        <p class="iv-empty">
          {filtered
            ? `No published interviews${person ? ` with ${person.name}` : ''}${topic ? ` on ${topic.name}` : ''} yet.`
            : 'No interviews are published yet.'}
        </p>
      ) : (
        groups.map(g => (
          <section
            key={g.documentary?.id ?? 0}
            class="iv-group"
            aria-labelledby={`iv-group-${g.documentary?.id ?? 'other'}`}
          >
            <h2 id={`iv-group-${g.documentary?.id ?? 'other'}`} class="section-heading">
              {g.documentary ? (
                <>
                  For <a href={documentaryUrl(g.documentary.slug)}>{g.documentary.title}</a>
                </>
              ) : (
                'Other interviews'
              )}
            </h2>
            <InterviewList
              entries={g.items.map(item => ({ interview: item.interview, person: item.person }))}
              timeZone={timeZone}
            />
          </section>
        ))
      )}
    </div>
  )
}
