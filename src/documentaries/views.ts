// The documentaries part's second door: the views other parts render. Kept apart from index.ts so
// that importing the part's data (as a worker does) loads no page code.
export { DocumentaryCard, DocumentaryGrid, Runtime } from './views/documentary-card.js'
