// /topics: every topic in navigation order, each with its introduction.
import type { Topic } from '../store.js'
import { CardGrid } from '../../site/views.js'

/** The list of topics. */
export function TopicsPage({ topics }: { topics: readonly Topic[] }) {
  return (
    <div class="wrap list-page">
      <header class="list-page__header">
        <h1>Topics</h1>
        <p class="list-page__intro">Every subject we cover, from the economy to war and conflict.</p>
      </header>
      <CardGrid
        kind="topic"
        class="topic-index"
        items={topics}
        keyOf={t => t.id}
        render={t => (
          <div class="topic-index__card">
            <h2 class="topic-index__name">
              <a href={`/topics/${t.slug}`}>{t.name}</a>
            </h2>
            <p>{t.description}</p>
          </div>
        )}
      />
    </div>
  )
}
