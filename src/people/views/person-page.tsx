// /people/:slug: a person's profile and their stories, newest first.
import type { Image } from '../../media/index.js'
import { Picture } from '../../media/views.js'
import { StoryList } from '../../stories/views.js'
import type { StoryTeaser } from '../../stories/index.js'
import { Pagination } from '../../site/views.js'
import type { Person } from '../store.js'
import { personUrl } from '../urls.js'
import { SocialLinks } from './social-links.js'
import { InterviewList } from '../../interviews/views.js'
import type { InterviewListEntry } from '../../interviews/index.js'

/** What a profile page shows. */
export interface PersonPageProps {
  person: Person
  photo: Image | undefined
  teasers: StoryTeaser[]
  page: number
  pageCount: number
  timeZone: string
  /** The published interviews the person gave. */
  interviews?: InterviewListEntry[] | undefined
}

/** A person's profile over a page of their stories. */
export function PersonPage({ person, photo, teasers, page, pageCount, timeZone, interviews = [] }: PersonPageProps) {
  const path = personUrl(person.slug)
  return (
    <div class="wrap list-page">
      <header class="profile">
        {photo ? <Picture class="profile__photo" image={photo} alt={`Portrait of ${person.name}`} priority /> : null}
        <div>
          <h1 class="profile__name">{person.name}</h1>
          <p class="profile__title">{person.jobTitle}</p>
          <p class="profile__bio">{person.bio}</p>
          <SocialLinks links={person.socials} label={`${person.name} elsewhere`} />
          <p class="feed-link">
            <a href={`${path}/feed.xml`}>RSS feed of {person.name}’s stories</a>
          </p>
        </div>
      </header>
      {interviews.length && page === 1 ? (
        <section aria-labelledby="person-interviews" class="person-interviews">
          <h2 id="person-interviews" class="section-heading">
            Interviews with {person.name}
          </h2>
          <InterviewList entries={interviews} timeZone={timeZone} showPerson={false} />
        </section>
      ) : null}
      <section aria-labelledby="person-stories">
        <h2 id="person-stories" class="section-heading">
          Stories by {person.name}
        </h2>
        {teasers.length ? <StoryList teasers={teasers} timeZone={timeZone} /> : <p>No published stories yet.</p>}
      </section>
      <Pagination path={path} page={page} pageCount={pageCount} />
    </div>
  )
}
