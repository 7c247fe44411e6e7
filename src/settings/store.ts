// SQL for site settings: one row per key, values as JSON.
import type { Db } from '../db/index.js'
import { parseJsonColumn } from '../platform/json.js'
import { DEFAULT_SUPPORT, type SupportSettings } from './support.js'

/** A labelled link in the navigation or the footer. */
export interface NavLink {
  label: string
  href: string
}

/** The site's identity and chrome, shown on every page. */
export interface SiteSettings {
  name: string
  tagline: string
  description: string
  language: string
  /** IANA time zone in which dates are shown, e.g. America/New_York. */
  timeZone: string
  navigation: NavLink[]
  footerLinks: NavLink[]
  socials: { network: string; url: string }[]
  footerText: string
  copyrightHolder: string
  /** What /support says and the ways to give; edited on its own newsroom page. */
  support: SupportSettings
}

/** What a new installation shows before anyone changes it. */
export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Newsreel',
  tagline: 'Documentaries and investigations',
  description: 'An independent documentary and investigative newsroom.',
  language: 'en',
  timeZone: 'UTC',
  navigation: [
    { label: 'Documentaries', href: '/documentaries' },
    { label: 'Interviews', href: '/interviews' },
    { label: 'Articles', href: '/articles' },
    { label: 'Podcasts', href: '/podcasts' },
    { label: 'Topics', href: '/topics' },
  ],
  footerLinks: [
    { label: 'Journalistic Standards', href: '/standards' },
    { label: 'Corrections', href: '/corrections' },
  ],
  socials: [],
  footerText: '',
  copyrightHolder: 'Newsreel',
  support: DEFAULT_SUPPORT,
}

type Key = keyof SiteSettings

/** All settings, with defaults for the keys never written. */
export async function loadSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom('site_settings').selectAll().execute()
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of rows) {
    if (row.key in DEFAULT_SETTINGS) settings[row.key] = parseJsonColumn(row.value, settings[row.key])
  }
  return settings as unknown as SiteSettings
}

/** Writes the given settings, leaving the others as they are. */
export async function saveSettings(db: Db, changes: Partial<SiteSettings>): Promise<void> {
  for (const [key, value] of Object.entries(changes) as [Key, unknown][]) {
    await db
      .insertInto('site_settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict(oc => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute()
  }
}
