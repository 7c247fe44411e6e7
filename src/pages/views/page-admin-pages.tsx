// The newsroom's static-page pages as a whole: the list, and the form page.
import { Notice } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import type { Page, PageListing } from '../store.js'
import { PageForm, PageList, type PageFields } from './page-form.js'

/** /newsroom/pages: every page by title. */
export function PagesAdminPage({ pages }: { pages: readonly PageListing[] }) {
  return (
    <>
      <p>The newsroom’s standing pages, such as its journalistic standards. Every page here is public.</p>
      <p>
        <a class="nr-button" href="/newsroom/pages/new">
          New page
        </a>
      </p>
      <PageList pages={pages} />
    </>
  )
}

/** What the form page shows: the page being edited (none for a new one), the fields as typed, their problems. */
export interface PageFormPageProps {
  page: Page | undefined
  fields: PageFields
  problems: FormProblems
  /** The body validator's problems, one by one. */
  bodyProblems: readonly string[]
  saved: boolean
  csrf: string
}

/** /newsroom/pages/new and /newsroom/pages/:id: the form with links back and to the public page. */
export function PageFormPage({ page, fields, problems, bodyProblems, saved, csrf }: PageFormPageProps) {
  return (
    <>
      <p>
        <a href="/newsroom/pages">All pages</a>
        {page ? (
          <>
            {' '}
            · <a href={`/${page.slug}`}>View on the site</a>
          </>
        ) : null}
      </p>
      {saved ? <Notice kind="ok">The page is saved; the site shows the change now.</Notice> : null}
      <PageForm id={page?.id} fields={fields} problems={problems} bodyProblems={bodyProblems} csrf={csrf} />
    </>
  )
}
