// The newsroom's form for the site settings: identity, navigation, footer and accounts elsewhere.
import { Csrf, ErrorSummary, LinkRows, TextField } from '../../newsroom/views.js'
import { NETWORK_CHOICES } from '../../people/index.js'
import type { FormProblems, LinkRow } from '../../newsroom/index.js'

/** The settings form's fields as typed; links as rows. */
export interface SettingsFields {
  name: string
  tagline: string
  description: string
  timeZone: string
  navigation: LinkRow[]
  footerLinks: LinkRow[]
  socials: LinkRow[]
  footerText: string
  copyrightHolder: string
}

export const SETTINGS_LIMITS = {
  name: 100,
  tagline: 200,
  description: 500,
  timeZone: 100,
  footerText: 2000,
  copyrightHolder: 200,
  navigation: 10,
  footerLinks: 20,
  socials: 12,
  linkLabel: 60,
}

/** Every time zone this server knows, UTC first, for the field's suggestions. */
function timeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter(z => z !== 'UTC')]
}

/** The whole settings form. */
export function SettingsForm({
  fields,
  problems,
  csrf,
}: {
  fields: SettingsFields
  problems: FormProblems
  csrf: string
}) {
  const links =
    'Each link: a label and an address, either a path on this site (/topics) or https://…. Empty both to remove a row.'
  return (
    <>
      <ErrorSummary problems={problems} />
      <form class="nr-form nr-narrow" method="post" action="/newsroom/settings" novalidate>
        <Csrf token={csrf} />
        <h2>The site</h2>
        <TextField
          id="name"
          label="Site name"
          value={fields.name}
          problems={problems}
          required
          maxLength={SETTINGS_LIMITS.name}
          hint="Shown in the header, in page titles and in feeds."
        />
        <TextField
          id="tagline"
          label="Tagline"
          value={fields.tagline}
          problems={problems}
          maxLength={SETTINGS_LIMITS.tagline}
          hint="The line beside the name in the header."
        />
        <TextField
          id="description"
          label="Description"
          value={fields.description}
          problems={problems}
          rows={2}
          maxLength={SETTINGS_LIMITS.description}
          hint="One or two sentences about the newsroom, for search engines, feeds and the footer (unless the footer text says otherwise)."
        />
        <TextField
          id="timeZone"
          label="Time zone"
          value={fields.timeZone}
          problems={problems}
          required
          maxLength={SETTINGS_LIMITS.timeZone}
          list="time-zones"
          hint="Dates are shown to readers in this zone. An IANA name such as America/New_York, Europe/Berlin or UTC."
        />
        <datalist id="time-zones">
          {timeZones().map(z => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <h2>Navigation</h2>
        <LinkRows
          name="navigation"
          legend="Header navigation"
          rows={fields.navigation}
          problems={problems}
          max={SETTINGS_LIMITS.navigation}
          keyLabel="Label"
          hrefLabel="Address"
          hint={`The links across the top of every page, in this order. ${links}`}
        />
        <h2>Footer</h2>
        <LinkRows
          name="footerLinks"
          legend="Footer links"
          rows={fields.footerLinks}
          problems={problems}
          max={SETTINGS_LIMITS.footerLinks}
          keyLabel="Label"
          hrefLabel="Address"
          hint={`The “About” links in the footer, in this order. ${links}`}
        />
        <LinkRows
          name="socials"
          legend="The newsroom elsewhere"
          rows={fields.socials}
          problems={problems}
          max={SETTINGS_LIMITS.socials}
          keyLabel="Network"
          hrefLabel="Address"
          keyChoices={NETWORK_CHOICES}
          hint="The newsroom’s own accounts, listed in the footer: https://… (or mailto:… for email). Empty an address to remove its row."
        />
        <TextField
          id="footerText"
          label="Footer text"
          value={fields.footerText}
          problems={problems}
          rows={3}
          maxLength={SETTINGS_LIMITS.footerText}
          hint="Plain text under the name in the footer. Leave empty to show the description."
        />
        <TextField
          id="copyrightHolder"
          label="Copyright holder"
          value={fields.copyrightHolder}
          problems={problems}
          required
          maxLength={SETTINGS_LIMITS.copyrightHolder}
          hint="Named in “© year … All rights reserved.”"
        />
        <div>
          <button class="nr-button" type="submit">
            Save the settings
          </button>
        </div>
      </form>
    </>
  )
}
