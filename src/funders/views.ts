// The funders part's second door: the views other parts render. Kept apart from index.ts so
// that importing the part's data (as a worker does) loads no page code.
export { FunderCredits } from './views/funder-credits.js'
