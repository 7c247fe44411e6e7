// The site part's second door: the views other parts render. Kept apart from index.ts so
// that importing the part's data (as a worker does) loads no page code.
export { sendPage, type PageToSend } from './render.js'
export { Pagination } from './views/pagination.js'
export { DateTime } from './views/dateline.js'
export { SignupForm, type SignupFormProps, type SignupList } from './views/newsletter-signup.js'
export {
  CardGrid,
  cardGridClasses,
  tierLayout,
  CARD_GRID_MAX_COLUMNS,
  type CardGridKind,
  type CardGridProps,
} from './views/card-grid.js'
