// The newsroom's settings page: the saved notice above the form.
import { Notice } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import { SettingsForm, type SettingsFields } from './settings-form.js'

/** The settings page's content; `saved` says the last save went through. */
export function SettingsPage({
  fields,
  problems,
  csrf,
  saved,
}: {
  fields: SettingsFields
  problems: FormProblems
  csrf: string
  saved: boolean
}) {
  return (
    <>
      {saved ? <Notice kind="ok">The settings are saved; every page of the site shows them now.</Notice> : null}
      <p>
        The appeal and the ways to give on /support have a page of their own:{' '}
        <a href="/newsroom/support">Support page</a>.
      </p>
      <SettingsForm fields={fields} problems={problems} csrf={csrf} />
    </>
  )
}
