// A documentary as a card: poster, title, runtime.
import { Picture } from '../../media/views.js'
import { formatRuntime, spokenRuntime } from '../../platform/format.js'
import type { DocumentaryTeaser } from '../teasers.js'
import { documentaryUrl } from '../urls.js'
import { CardGrid } from '../../site/views.js'
import { typographic } from '../../platform/text/typography.js'

/** The runtime as shown, with the spoken form for screen readers. */
export function Runtime({ seconds }: { seconds: number }) {
  return (
    <span class="runtime">
      <span aria-hidden="true">{formatRuntime(seconds)}</span>
      <span class="visually-hidden">{spokenRuntime(seconds)}</span>
    </span>
  )
}

/** A poster card linking to the documentary page. */
export function DocumentaryCard({
  teaser,
  headingLevel = 3,
}: {
  teaser: DocumentaryTeaser
  headingLevel?: 2 | 3 | undefined
}) {
  const { documentary, poster } = teaser
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article class="documentary-card-item">
      <a class="documentary-card-item__link" href={documentaryUrl(documentary.slug)}>
        {poster ? (
          <Picture class="documentary-card-item__poster" image={poster} alt="" />
        ) : (
          <span class="documentary-card-item__poster documentary-card-item__poster--empty" />
        )}
        <Heading class="documentary-card-item__title">{typographic(documentary.title)}</Heading>
      </a>
      <p class="documentary-card-item__meta">
        <span class="label">Documentary</span> · <Runtime seconds={documentary.runtimeSeconds} />
      </p>
      {documentary.dek ? <p class="documentary-card-item__dek">{typographic(documentary.dek)}</p> : null}
    </article>
  )
}

/** A grid of documentary cards, without orphans (CardGrid). */
export function DocumentaryGrid({
  teasers,
  headingLevel,
}: {
  teasers: DocumentaryTeaser[]
  headingLevel?: 2 | 3 | undefined
}) {
  return (
    <CardGrid
      kind="film"
      items={teasers}
      keyOf={t => t.documentary.id}
      render={t => <DocumentaryCard teaser={t} headingLevel={headingLevel} />}
    />
  )
}
