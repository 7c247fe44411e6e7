// Table types owned by the settings part.

/** One site-wide setting, its value stored as JSON. */
export interface SiteSettingsTable {
  key: string
  value: string
}
