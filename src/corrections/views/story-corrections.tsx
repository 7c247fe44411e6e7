// Corrections and clarifications as they are appended to a story.
import type { Correction } from '../store.js'
import { correctionLabel } from '../labels.js'
import { DateTime } from '../../site/views.js'

/** The list at the foot of a story, an amended one saying when; nothing when the story has none. */
export function StoryCorrections({ corrections, timeZone }: { corrections: Correction[]; timeZone: string }) {
  if (corrections.length === 0) return null
  return (
    <section id="corrections" class="story-corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading" class="story-corrections__heading">
        Corrections and clarifications
      </h2>
      <ol>
        {corrections.map(c => (
          <li key={c.id} class={`story-corrections__item story-corrections__item--${c.kind}`}>
            <p>
              <strong>
                {correctionLabel(c.kind)}, <DateTime iso={c.publishedAt} timeZone={timeZone} />:
              </strong>{' '}
              {c.body}
              {c.updatedAt ? (
                <>
                  {' '}
                  <span class="story-corrections__updated">
                    (Updated <DateTime iso={c.updatedAt} timeZone={timeZone} />
                    .)
                  </span>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}
