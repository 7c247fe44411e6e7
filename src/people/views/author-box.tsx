// "About the authors": photo, name, job title and a line of bio for each byline.
import type { Person } from '../store.js'
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import { personUrl } from '../urls.js'

/** One author with their portrait, if any. */
export interface AuthorWithPhoto {
  person: Person
  photo?: Image | undefined
}

/** The author box under a story. */
export function AuthorBox({ authors }: { authors: AuthorWithPhoto[] }) {
  if (authors.length === 0) return null
  return (
    <section class="author-box" aria-labelledby="author-box-heading">
      <h2 id="author-box-heading" class="section-heading">
        About the {authors.length > 1 ? 'authors' : 'author'}
      </h2>
      <ul>
        {authors.map(({ person, photo }) => (
          <li key={person.id} class="author-box__item">
            {photo ? (
              <Picture class="author-box__photo" image={photo} alt={`Portrait of ${person.name}`} />
            ) : (
              <span class="author-box__photo author-box__photo--empty" aria-hidden="true">
                {person.name.slice(0, 1)}
              </span>
            )}
            <div>
              <p class="author-box__name">
                <a href={personUrl(person.slug)}>{person.name}</a>
              </p>
              <p class="author-box__title">{person.jobTitle}</p>
              <p class="author-box__bio">{person.bio}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
