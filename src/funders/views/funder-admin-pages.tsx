// The newsroom's funder pages as a whole: the list in listing order, and the form page.
import { Notice } from '../../newsroom/views.js'
import type { FormProblems, ImageChoice } from '../../newsroom/index.js'
import type { Funder } from '../store.js'
import { FunderForm, FunderList, type FunderFields } from './funder-form.js'

/** /newsroom/funders: every funder in listing order. */
export function FundersAdminPage({ funders }: { funders: readonly Funder[] }) {
  return (
    <>
      <p>Everyone whose support is credited: on /funders by tier, and site-wide funders on every page.</p>
      <p>
        <a class="nr-button" href="/newsroom/funders/new">
          New funder
        </a>
      </p>
      <FunderList funders={funders} />
    </>
  )
}

/** What the form page shows: the funder being edited (none for a new one), the fields as typed, their problems. */
export interface FunderFormPageProps {
  funder: Funder | undefined
  fields: FunderFields
  problems: FormProblems
  images: readonly ImageChoice[]
  saved: boolean
  csrf: string
}

/** /newsroom/funders/new and /newsroom/funders/:id: the form with links back and to /funders. */
export function FunderFormPage({ funder, fields, problems, images, saved, csrf }: FunderFormPageProps) {
  return (
    <>
      <p>
        <a href="/newsroom/funders">All funders</a> · <a href="/funders">View /funders</a>
      </p>
      {saved ? <Notice kind="ok">The funder is saved; the site shows the change now.</Notice> : null}
      <FunderForm id={funder?.id} fields={fields} problems={problems} images={images} csrf={csrf} />
    </>
  )
}
