// The settings part's door: the site's name, navigation, footer and socials.
export { loadSettings, saveSettings, DEFAULT_SETTINGS, type SiteSettings, type NavLink } from './store.js'
export { registerSettingsAdminRoutes } from './admin.js'
// The newsroom's form kit, a guest here until it moves to src/newsroom (see CONTEXT.md).
export { TextField, SelectField, CheckboxField, ImageSelect, LinkRows, ErrorSummary, SPARE_ROWS, type FormProblems, type ImageChoice, type LinkRow } from './form-fields.js'
export {
  formText, textProblem, slugProblem, SLUG_TAKEN, slugTakenError, unlessSlugTaken,
  readPosition, checkLink, readLinkRows, checkLinkRows, readImageChoice, type LinkKinds, type LinkRowRules,
} from './form-checks.js'
