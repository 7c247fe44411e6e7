// The settings part's door: the site's name, navigation, footer and socials.
export { loadSettings, saveSettings, DEFAULT_SETTINGS, type SiteSettings, type NavLink } from './store.js'
export { DEFAULT_SUPPORT, type GivingOption, type SupportSettings } from './support.js'
export { saveSupportSettings } from './actions.js'
