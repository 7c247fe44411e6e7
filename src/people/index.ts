// The people part's door.
export {
  insertPerson,
  findPersonBySlug,
  findPeopleByIds,
  listPeople,
  findPersonById,
  SOCIAL_NETWORKS,
  type Person,
  type NewPerson,
  type SocialLink,
  type SocialNetwork,
} from './store.js'
export { createPerson, updatePerson } from './actions.js'
export { NETWORK_NAMES, NETWORK_CHOICES } from './networks.js'
export { personUrl } from './urls.js'
export { listPersonSearchDocuments } from './search.js'
