// The newsroom part's second door: the views other parts render. Kept apart from index.ts so
// that importing the part's data (as a worker does) loads no page code.
export { sendNewsroomPage } from './send-page.js'
export { Csrf, Notice } from './views/layout.js'
export { Clock, ClockText } from './views/clock.js'
export { createNewsroomErrorRenderer } from './error-pages.js'
export { TextField, SelectField, CheckboxField, ImageSelect, LinkRows, ErrorSummary } from './forms/fields.js'
