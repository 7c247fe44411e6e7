// The newsroom's form for a person, and the list of people.
import { Csrf, ErrorSummary, ImageSelect, LinkRows, TextField } from '../../newsroom/views.js'
import type { FormProblems, ImageChoice, LinkRow } from '../../newsroom/index.js'
import type { Person } from '../store.js'
import { NETWORK_CHOICES } from '../networks.js'
import { personUrl } from '../urls.js'

/** A person form's fields as typed (social links as rows of network and address). */
export interface PersonFields {
  name: string
  slug: string
  jobTitle: string
  bio: string
  photoId: string
  socials: LinkRow[]
}

export const PERSON_LIMITS = { name: 200, jobTitle: 200, bio: 5000, socials: 12 }

/** The form that creates (no `id`) or edits a person. */
export function PersonForm({
  id,
  fields,
  problems,
  images,
  csrf,
}: {
  id?: number | undefined
  fields: PersonFields
  problems: FormProblems
  images: readonly ImageChoice[]
  csrf: string
}) {
  return (
    <>
      <ErrorSummary problems={problems} />
      <form
        class="nr-form nr-narrow"
        method="post"
        action={id ? `/newsroom/people/${id}` : '/newsroom/people'}
        novalidate
      >
        <Csrf token={csrf} />
        <TextField
          id="name"
          label="Name"
          value={fields.name}
          problems={problems}
          required
          maxLength={PERSON_LIMITS.name}
          autocomplete="off"
          hint="As it appears in bylines."
        />
        <TextField
          id="slug"
          label="Slug"
          value={fields.slug}
          problems={problems}
          required
          maxLength={100}
          hint="The profile’s address: /people/<slug>. Lower-case letters and digits joined by hyphens, e.g. “june-park”. Changing it changes the address."
        />
        <TextField
          id="jobTitle"
          label="Job title"
          value={fields.jobTitle}
          problems={problems}
          maxLength={PERSON_LIMITS.jobTitle}
          hint="E.g. “Senior Investigative Reporter”."
        />
        <TextField
          id="bio"
          label="Bio"
          value={fields.bio}
          problems={problems}
          rows={5}
          maxLength={PERSON_LIMITS.bio}
          hint={`A few sentences for the profile and the author box. Plain text, up to ${PERSON_LIMITS.bio.toLocaleString('en')} characters.`}
        />
        <ImageSelect
          id="photoId"
          label="Portrait"
          value={fields.photoId}
          problems={problems}
          images={images}
          noneLabel="No portrait"
          hint="Chosen from the stored images, listed by their alt text."
        />
        <LinkRows
          name="socials"
          legend="Accounts elsewhere"
          rows={fields.socials}
          problems={problems}
          max={PERSON_LIMITS.socials}
          keyLabel="Network"
          hrefLabel="Address"
          keyChoices={NETWORK_CHOICES}
          hint="Each account’s address: https://… (or mailto:… for email). Empty an address to remove its row."
        />
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the person' : 'Create the person'}
          </button>
        </div>
      </form>
    </>
  )
}

/** Everyone, by name, each linking to their form. */
export function PeopleList({ people }: { people: readonly Person[] }) {
  if (people.length === 0) return <p>No people yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Job title</th>
          <th scope="col">Profile</th>
        </tr>
      </thead>
      <tbody>
        {people.map(p => (
          <tr key={p.id}>
            <td>
              <a href={`/newsroom/people/${p.id}`}>{p.name}</a>
            </td>
            <td>{p.jobTitle}</td>
            <td>
              <a href={personUrl(p.slug)}>{personUrl(p.slug)}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
