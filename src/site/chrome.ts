// What every public page shows around its content: settings, topic navigation and the
// site-wide funder credits. Loaded once and kept until a change to any of them.
import type { Db } from '../db/index.js'
import type { ContentEvents } from '../platform/events.js'
import { loadSettings, type SiteSettings } from '../settings/index.js'
import { listTopics, type Topic } from '../topics/index.js'
import { listSiteWideFunders, type Funder } from '../funders/index.js'
import { findImagesByIds, type Image } from '../media/index.js'

/** The page chrome: header, navigation, funder credits and footer. */
export interface Chrome {
  settings: SiteSettings
  topics: Topic[]
  funders: { funder: Funder; logo?: Image | undefined }[]
  publicUrl: string
  /** Fingerprinted address of the site stylesheet. */
  stylesheetHref: string
  /** Fingerprinted addresses of the web fonts the first screen needs, preloaded in <head>. */
  fontPreloads?: readonly string[] | undefined
}

/** What the chrome is given once at start: addresses that do not change while the process runs. */
type SiteAddresses = Pick<Chrome, 'publicUrl' | 'stylesheetHref' | 'fontPreloads'>

/** Tags whose change must reload the chrome (and drop every cached page). */
export const CHROME_TAGS = ['site', 'topics', 'funders'] as const

/** Keeps the chrome in memory and reloads it after a change to settings, topics or funders. */
export function createChromeSource(db: Db, events: ContentEvents, site: SiteAddresses): () => Promise<Chrome> {
  let current: Promise<Chrome> | undefined
  events.on(({ tags }) => {
    if (tags.some(t => (CHROME_TAGS as readonly string[]).includes(t))) current = undefined
  })
  return () => {
    current ??= loadChrome(db, site).catch((err: unknown) => {
      current = undefined
      throw err
    })
    return current
  }
}

async function loadChrome(db: Db, site: SiteAddresses): Promise<Chrome> {
  const [settings, topics, funders] = await Promise.all([loadSettings(db), listTopics(db), listSiteWideFunders(db)])
  const logos = await findImagesByIds(
    db,
    funders.flatMap(f => (f.logoId ? [f.logoId] : [])),
  )
  return {
    settings,
    topics,
    ...site,
    funders: funders.map(funder => ({ funder, logo: funder.logoId ? logos.get(funder.logoId) : undefined })),
  }
}
