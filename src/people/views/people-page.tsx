// /people: everyone on the staff, with their portraits.
import type { Image } from '../../media/index.js'
import { Picture } from '../../media/views.js'
import type { Person } from '../store.js'
import { personUrl } from '../urls.js'
import { CardGrid } from '../../site/views.js'

/** The staff directory; `photos` holds the portraits by image id. */
export function PeoplePage({
  people,
  photos,
  siteName,
}: {
  people: readonly Person[]
  photos: ReadonlyMap<number, Image>
  siteName: string
}) {
  return (
    <div class="wrap list-page">
      <header class="list-page__header">
        <h1>Our people</h1>
        <p class="list-page__intro">The reporters, editors and filmmakers of {siteName}.</p>
      </header>
      <CardGrid
        kind="person"
        class="people-grid"
        items={people}
        keyOf={person => person.id}
        render={person => {
          const photo = person.photoId ? photos.get(person.photoId) : undefined
          return (
            <div class="people-grid__card">
              {photo ? (
                <Picture class="people-grid__photo" image={photo} alt="" />
              ) : (
                <span class="people-grid__photo people-grid__photo--initials" aria-hidden="true">
                  {initials(person.name)}
                </span>
              )}
              <div class="people-grid__text">
                <h2 class="people-grid__name">
                  <a href={personUrl(person.slug)}>{person.name}</a>
                </h2>
                <p class="people-grid__title">{person.jobTitle}</p>
              </div>
            </div>
          )
        }}
      />
    </div>
  )
}

/** "Ray Dunleavy" → "RD": the stand-in for a portrait not yet taken. */
function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean)
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words
  return picked.map(w => w?.[0]?.toUpperCase() ?? '').join('')
}
