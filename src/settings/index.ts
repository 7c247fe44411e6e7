// The settings part's door: the site's name, navigation, footer and socials.
export { loadSettings, saveSettings, DEFAULT_SETTINGS, type SiteSettings, type NavLink } from './store.js'
