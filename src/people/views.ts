// The people part's second door: the views other parts render. Kept apart from index.ts so
// that importing the part's data (as a worker does) loads no page code.
export { AuthorBox } from './views/author-box.js'
export { SocialLinks } from './views/social-links.js'
