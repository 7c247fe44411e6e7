// The people part's door.
export {
  insertPerson, findPersonBySlug, findPeopleByIds, listPeople, findPersonById, updatePerson, SOCIAL_NETWORKS,
  type Person, type NewPerson, type SocialLink, type SocialNetwork,
} from './store.js'
export { AuthorBox } from './views/author-box.js'
export { SocialLinks, NETWORK_NAMES } from './views/social-links.js'
export { NETWORK_CHOICES } from './views/person-form.js'
export { personUrl } from './urls.js'
export { registerPeopleRoutes } from './routes.js'
export { registerPeopleAdminRoutes } from './admin.js'
export { listPersonSearchDocuments } from './search.js'
