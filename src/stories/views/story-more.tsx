// The modules below a story: the story's film as a wide "Watch the documentary" band, related
// stories, and the newest films, each list an orphan-free CardGrid.
import { Picture } from '../../media/views.js'
import { DocumentaryGrid, Runtime } from '../../documentaries/views.js'
import { documentaryUrl, type DocumentaryTeaser } from '../../documentaries/index.js'
import type { StoryPageData } from '../story-page-data.js'
import { StoryList } from './story-card.js'
import { typographic } from '../../platform/text/typography.js'

/** A film shown wide: poster, title, dek, runtime and a way to watch it. */
export function FilmFeature({ teaser }: { teaser: DocumentaryTeaser }) {
  const { documentary, poster } = teaser
  const href = documentaryUrl(documentary.slug)
  return (
    <article class="film-feature">
      {poster ? (
        <Picture class="film-feature__poster" image={poster} alt="" />
      ) : (
        <span class="film-feature__poster film-feature__poster--empty" />
      )}
      <div class="film-feature__text">
        <p class="film-feature__meta">
          <span class="label">Documentary</span> · <Runtime seconds={documentary.runtimeSeconds} />
        </p>
        <h3 class="film-feature__title">
          <a href={href}>{typographic(documentary.title)}</a>
        </h3>
        {documentary.dek ? <p class="film-feature__dek">{typographic(documentary.dek)}</p> : null}
        <p class="film-feature__action">
          <a class="button film-feature__watch" href={`${href}#watch`}>
            <span aria-hidden="true">▶ </span>Watch the film
            <span class="visually-hidden">: {typographic(documentary.title)}</span>
          </a>
        </p>
      </div>
    </article>
  )
}

/** Everything under the story's own article. */
export function StoryMore({ data, timeZone }: { data: StoryPageData; timeZone: string }) {
  const films = data.relatedDocumentaries
  return (
    <div class="wrap related story-more">
      {films.length ? (
        <section aria-labelledby="related-docs-heading" class="story-more__film">
          <h2 id="related-docs-heading" class="section-heading">
            {films.length > 1 ? 'Watch the documentaries' : 'Watch the documentary'}
          </h2>
          <div class="story-more__features">
            {films.map(t => (
              <FilmFeature key={t.documentary.id} teaser={t} />
            ))}
          </div>
        </section>
      ) : null}
      {data.relatedStories.length ? (
        <section aria-labelledby="related-stories-heading" class="related__section">
          <h2 id="related-stories-heading" class="section-heading">
            Related stories
          </h2>
          <StoryList teasers={data.relatedStories} timeZone={timeZone} />
        </section>
      ) : null}
      {data.latestDocumentaries.length ? (
        <section aria-labelledby="latest-docs-heading" class="related__section">
          <h2 id="latest-docs-heading" class="section-heading">
            Latest documentaries
          </h2>
          <DocumentaryGrid teasers={data.latestDocumentaries} />
        </section>
      ) : null}
    </div>
  )
}
