// A story as a card in lists: image, topic, headline, dek, byline, date.
import { Picture } from '../../media/views.js'
import type { StoryTeaser } from '../teasers.js'
import { sectionLabel, storyUrl } from '../urls.js'
import { CardGrid, DateTime } from '../../site/views.js'
import { typographic } from '../../platform/text/typography.js'

export interface StoryCardProps {
  teaser: StoryTeaser
  timeZone: string
  variant?: 'lead' | 'standard' | 'compact' | undefined
  headingLevel?: 2 | 3 | undefined
  /** The first image on a page loads eagerly. */
  priority?: boolean | undefined
}

/** One story card. The headline is the link; the image is decorative beside it. */
export function StoryCard({ teaser, timeZone, variant = 'standard', headingLevel = 3, priority }: StoryCardProps) {
  const { story, hero, topic, authors } = teaser
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article class={`story-card story-card--${variant}`}>
      {hero && variant !== 'compact' ? (
        <Picture class="story-card__image" image={hero} alt="" priority={priority} />
      ) : null}
      <div class="story-card__text">
        <p class="kicker">{topic ? topic.name : sectionLabel(story.section)}</p>
        <Heading class="story-card__title">
          <a href={storyUrl(story.slug)}>{typographic(story.title)}</a>
        </Heading>
        {variant !== 'compact' && story.dek ? <p class="story-card__dek">{typographic(story.dek)}</p> : null}
        <p class="story-card__meta">
          {authors.length ? <span>By {authors.map(a => a.name).join(', ')}</span> : null}
          {story.publishedAt ? <DateTime iso={story.publishedAt} timeZone={timeZone} /> : null}
        </p>
      </div>
    </article>
  )
}

/** A list of story cards: a plain column when compact, else an orphan-free card grid. */
export function StoryList({
  teasers,
  timeZone,
  variant,
  headingLevel,
}: {
  teasers: StoryTeaser[]
  timeZone: string
  variant?: StoryCardProps['variant'] | undefined
  headingLevel?: 2 | 3 | undefined
}) {
  if (variant === 'compact')
    return (
      <ul class="story-list story-list--compact">
        {teasers.map(t => (
          <li key={t.story.id}>
            <StoryCard teaser={t} timeZone={timeZone} variant={variant} headingLevel={headingLevel} />
          </li>
        ))}
      </ul>
    )
  return (
    <CardGrid
      kind="story"
      items={teasers}
      keyOf={t => t.story.id}
      render={t => <StoryCard teaser={t} timeZone={timeZone} variant={variant} headingLevel={headingLevel} />}
    />
  )
}
