// What the public routes are given, built once in app.ts. Types only: the door names them
// without loading a view.
import type { Db } from '../db/index.js'
import type { PageResponder } from '../platform/http/page-responder.js'
import type { Chrome } from './chrome.js'

/** Where the player island and the hls.js bundle it imports on demand are served. */
export interface PlayerScripts {
  script: string
  hls: string
}

/** What every public route needs: the database, the page chrome and the responder. */
export interface PublicDeps {
  db: Db
  chrome: () => Promise<Chrome>
  pages: PageResponder
  publicUrl: string
  /** The player island's bundles, when the app serves them; pages with a film or an excerpt load them. */
  player?: PlayerScripts
  /** The newsletter sign-up island, when the app serves it; every page has a sign-up form. */
  signupScript?: string
  /** The search-as-you-type island for the header's search form, when the app serves it. */
  searchScript?: string
}
