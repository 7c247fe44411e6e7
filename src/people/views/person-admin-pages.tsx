// The newsroom's people pages as a whole: the list, and the form page.
import { Notice } from '../../newsroom/views.js'
import type { FormProblems, ImageChoice } from '../../newsroom/index.js'
import type { Person } from '../store.js'
import { personUrl } from '../urls.js'
import { PeopleList, PersonForm, type PersonFields } from './person-form.js'

/** /newsroom/people: everyone, by name. */
export function PeopleAdminPage({ people }: { people: readonly Person[] }) {
  return (
    <>
      <p>The people named in bylines and on their own profile pages.</p>
      <p>
        <a class="nr-button" href="/newsroom/people/new">
          New person
        </a>
      </p>
      <PeopleList people={people} />
    </>
  )
}

/** What the form page shows: the person being edited (none for a new one), the fields as typed, their problems. */
export interface PersonFormPageProps {
  person: Person | undefined
  fields: PersonFields
  problems: FormProblems
  images: readonly ImageChoice[]
  saved: boolean
  csrf: string
}

/** /newsroom/people/new and /newsroom/people/:id: the form with links back and to the profile. */
export function PersonFormPage({ person, fields, problems, images, saved, csrf }: PersonFormPageProps) {
  return (
    <>
      <p>
        <a href="/newsroom/people">All people</a>
        {person ? (
          <>
            {' '}
            · <a href={personUrl(person.slug)}>View the profile</a>
          </>
        ) : null}
      </p>
      {saved ? <Notice kind="ok">The person is saved; the site shows the change now.</Notice> : null}
      <PersonForm id={person?.id} fields={fields} problems={problems} images={images} csrf={csrf} />
    </>
  )
}
