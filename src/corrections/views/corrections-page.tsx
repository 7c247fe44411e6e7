// /corrections: every correction and clarification readers can see, newest first, each linked
// to its story's corrections.
import { DateTime, Pagination } from '../../site/views.js'
import { storyUrl } from '../../stories/index.js'
import type { Correction } from '../store.js'
import { correctionLabel } from '../labels.js'

/** A correction with the public story it belongs to. */
export interface ShownCorrection {
  correction: Correction
  story: { slug: string; title: string }
}

export interface CorrectionsPageProps {
  shown: ShownCorrection[]
  page: number
  pageCount: number
  timeZone: string
}

/** The page's content; the site layout adds the chrome. */
export function CorrectionsPage({ shown, page, pageCount, timeZone }: CorrectionsPageProps) {
  return (
    <div class="wrap wrap--narrow list-page">
      <header class="list-page__header">
        <h1>Corrections and clarifications</h1>
        <p class="list-page__intro">
          When we get something wrong, we fix it and say so. Every correction and clarification we have published is
          listed here, newest first. Read how we handle them in our <a href="/standards">journalistic standards</a>.
        </p>
        <p class="feed-link">
          <a href="/corrections/feed.xml">RSS feed of corrections</a>
        </p>
      </header>
      {shown.length ? (
        <ol class="corrections-list">
          {shown.map(({ correction, story }) => (
            <li key={correction.id} class="corrections-list__item">
              <p class="corrections-list__meta">
                <span class={`label label--${correction.kind}`}>{correctionLabel(correction.kind)}</span>{' '}
                <DateTime iso={correction.publishedAt} timeZone={timeZone} />
                {correction.updatedAt ? (
                  <>
                    {' '}
                    · Updated <DateTime iso={correction.updatedAt} timeZone={timeZone} />
                  </>
                ) : null}
              </p>
              <h2 class="corrections-list__story">
                <a href={`${storyUrl(story.slug)}#corrections`}>{story.title}</a>
              </h2>
              <p>{correction.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>No corrections have been published.</p>
      )}
      <Pagination path="/corrections" page={page} pageCount={pageCount} />
    </div>
  )
}
