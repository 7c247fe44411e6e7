// The newsroom's form for a funder, and the list of funders.
import { Csrf, CheckboxField, ErrorSummary, ImageSelect, SelectField, TextField } from '../../newsroom/views.js'
import type { FormProblems, ImageChoice } from '../../newsroom/index.js'
import { FUNDER_TIERS, TIER_NAMES } from '../schema.js'
import type { Funder } from '../store.js'

/** A funder form's fields as typed. */
export interface FunderFields {
  name: string
  slug: string
  url: string
  tier: string
  description: string
  siteWide: boolean
  position: string
  logoId: string
}

export const FUNDER_LIMITS = { name: 200, description: 2000 }

/** The form that creates (no `id`) or edits a funder. */
export function FunderForm({
  id,
  fields,
  problems,
  images,
  csrf,
}: {
  id?: number | undefined
  fields: FunderFields
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
        action={id ? `/newsroom/funders/${id}` : '/newsroom/funders'}
        novalidate
      >
        <Csrf token={csrf} />
        <TextField
          id="name"
          label="Name"
          value={fields.name}
          problems={problems}
          required
          maxLength={FUNDER_LIMITS.name}
          hint="As it is credited, e.g. “The Example Foundation”."
        />
        <TextField
          id="slug"
          label="Slug"
          value={fields.slug}
          problems={problems}
          required
          maxLength={100}
          hint="A short name for the funder: lower-case letters and digits joined by hyphens, e.g. “example-foundation”."
        />
        <TextField
          id="url"
          label="Website"
          value={fields.url}
          problems={problems}
          type="url"
          maxLength={2000}
          hint="Optional: https://… The funder’s name links to it on /funders."
        />
        <SelectField
          id="tier"
          label="Tier"
          value={fields.tier}
          problems={problems}
          options={FUNDER_TIERS.map(t => ({ value: t, label: `${t} (${TIER_NAMES[t]})` }))}
          hint="How the support ranks; /funders groups funders by tier."
        />
        <TextField
          id="description"
          label="Description"
          value={fields.description}
          problems={problems}
          rows={3}
          maxLength={FUNDER_LIMITS.description}
          hint={`What the funder supports, shown on /funders. Plain text, up to ${FUNDER_LIMITS.description.toLocaleString('en')} characters.`}
        />
        <CheckboxField
          id="siteWide"
          label="Credit on every page"
          checked={fields.siteWide}
          hint="Site-wide funders appear in the “Support provided by” band on every page; others only on /funders and on the films they back."
        />
        <TextField
          id="position"
          label="Position"
          value={fields.position}
          problems={problems}
          inputMode="numeric"
          maxLength={4}
          hint="Lower numbers are listed first. Leave empty to put the funder last."
        />
        <ImageSelect
          id="logoId"
          label="Logo"
          value={fields.logoId}
          problems={problems}
          images={images}
          noneLabel="No logo"
          hint="Chosen from the stored images, listed by their alt text."
        />
        <div>
          <button class="nr-button" type="submit">
            {id ? 'Save the funder' : 'Create the funder'}
          </button>
        </div>
      </form>
    </>
  )
}

/** Every funder in listing order, each linking to its form. */
export function FunderList({ funders }: { funders: readonly Funder[] }) {
  if (funders.length === 0) return <p>No funders yet.</p>
  return (
    <table class="nr-table">
      <thead>
        <tr>
          <th scope="col">Position</th>
          <th scope="col">Name</th>
          <th scope="col">Tier</th>
          <th scope="col">Every page</th>
        </tr>
      </thead>
      <tbody>
        {funders.map(f => (
          <tr key={f.id}>
            <td>{f.position}</td>
            <td>
              <a href={`/newsroom/funders/${f.id}`}>{f.name}</a>
            </td>
            <td>{TIER_NAMES[f.tier]}</td>
            <td>{f.siteWide ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
