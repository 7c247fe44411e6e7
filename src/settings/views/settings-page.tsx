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
      <SettingsForm fields={fields} problems={problems} csrf={csrf} />
    </>
  )
}
