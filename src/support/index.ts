// The support part's door. The part keeps no data of its own (the settings part stores what
// /support says, SupportSettings); this door gives its form rules. app.ts registers its routes
// from routes.tsx (/support) and admin.tsx (/newsroom/support).
export { SUPPORT_LIMITS, checkSupportFields, readSupportFields, readAmount } from './checks.js'
