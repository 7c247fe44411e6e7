// Builds the Fastify app from the parts: the one place they meet. Reading this file
// shows the whole site, route table included (STYLE rule 15).
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import type { Database } from './db/index.js'
import type { ContentEvents } from './platform/events.js'
import { PageCache } from './platform/cache/page-cache.js'
import { createPageResponder } from './platform/http/page-responder.js'
import { registerErrorHandling } from './platform/http/error-handler.js'
import { findMovedPath } from './platform/moved-paths/index.js'
import { checkIntegerInputs, type RouteEntry } from './platform/http/integer-inputs.js'
import type { Storage } from './platform/storage/index.js'
import { createChromeSource, registerAssetRoutes, type Chrome, type PublicDeps } from './site/index.js'
import { createErrorPageRenderer } from './site/error-pages.js'
import { registerHomeRoutes } from './home/routes.js'
import { registerStoryRoutes } from './stories/routes.js'
import { registerStoryAdminRoutes } from './stories/admin.js'
import { registerRevisionRoutes } from './stories/revisions-admin.js'
import { findDocumentaryById } from './documentaries/index.js'
import { registerDocumentaryRoutes } from './documentaries/routes.js'
import { registerDocumentaryAdminRoutes } from './documentaries/admin.js'
import { registerExcerptAdminRoutes } from './excerpts/admin.js'
import { registerFilmAdminRoutes } from './videos/admin.js'
import { registerTopicRoutes } from './topics/routes.js'
import { registerTopicAdminRoutes } from './topics/admin.js'
import { listPeople } from './people/index.js'
import { registerPeopleRoutes } from './people/routes.js'
import { registerPeopleAdminRoutes } from './people/admin.js'
import { registerCorrectionRoutes } from './corrections/routes.js'
import { registerCorrectionAdminRoutes } from './corrections/admin.js'
import { listFunders } from './funders/index.js'
import { registerFunderRoutes } from './funders/routes.js'
import { registerFunderAdminRoutes } from './funders/admin.js'
import { registerSettingsAdminRoutes } from './settings/admin.js'
import { registerFeedRoutes } from './feeds/routes.js'
import { registerMediaRoutes } from './media/routes.js'
import { registerUploadRoutes } from './media/upload-routes.js'
import { registerLibraryRoutes } from './media/library-routes.js'
import { registerPageRoutes } from './pages/routes.js'
import { registerPageAdminRoutes } from './pages/admin.js'
import { registerNewsletterRoutes } from './newsletter/routes.js'
import { registerCampaignRoutes } from './newsletter/campaigns/routes.js'
import { registerCampaignAdminRoutes } from './newsletter/campaigns/admin.js'
import { registerSubscriberAdminRoutes } from './newsletter/subscribers/admin.js'
import { registerEmbedRoutes } from './embeds/routes.js'
import { servePlayerAssets } from './embeds/index.js'
import { serveAsset } from './platform/http/static-assets.js'
import type { Mailer } from './platform/mail/index.js'
import { createAuth, type NewsroomDeps } from './newsroom/index.js'
import { createNewsroomErrorRenderer } from './newsroom/views.js'
import { registerNewsroomRoutes } from './newsroom/routes.js'
import type { JobRunner } from './platform/jobs/index.js'
import { openCore, type Core } from './core.js'
import { listShows } from './podcasts/index.js'
import { registerPodcastRoutes } from './podcasts/routes.js'
import { registerPodcastAdminRoutes } from './podcasts/admin.js'
import { registerEpisodeAudioRoutes } from './podcasts/audio-admin.js'
import { serveClientScript, serveClientStylesheet } from './platform/http/client-assets.js'
import { registerSearchRoutes } from './search/routes.js'
import { registerDashboardRoutes } from './dashboard/routes.js'
import { registerInterviewRoutes } from './interviews/routes.js'
import { listStoriesCitingInterview } from './stories/index.js'
import { interviewSearchHitUrl } from './interviews/index.js'
import { registerInterviewAdminRoutes } from './interviews/admin.js'
import { registerInterviewPickerApi } from './interviews/picker-api.js'
import { registerInterviewVideoRoutes } from './interviews/video-admin.js'
import { registerSupportRoutes } from './support/routes.js'
import { registerSupportAdminRoutes } from './support/admin.js'
import { readFileSync } from 'node:fs'
import { addRequestHooks, createServer, recordStaffRoutes, type StaffRoute } from './app-server.js'

/** A built application and what it holds open. */
export interface Newsreel {
  app: FastifyInstance
  database: Database
  events: ContentEvents
  storage: Storage
  cache: PageCache
  mailer: Mailer
  /** The background job runner (started when config.runJobs). */
  jobs: JobRunner
  /** Every route that needs a signed-in role, as registered: the role matrix test walks these. */
  staffRoutes: StaffRoute[]
  /** Every route as registered (HEAD included): the route-walking tests use these. */
  routes: RouteEntry[]
  /** Stops accepting requests and closes the database. */
  close(): Promise<void>
}

/** Wires everything from a configuration. Tests call exactly this. */
export async function buildApp(config: Config): Promise<Newsreel> {
  const cache = new PageCache(config.pageCacheBytes)
  const pages = createPageResponder(cache)

  const { app, bindErrorResponder } = createServer(config)
  const core = await openCore(config, { log: app.log, onResync: () => cache.clear() })
  const { database, events, storage, mailer, outboxDir, jobs } = core
  events.on(({ tags }) => cache.purge(tags))
  const auth = createAuth(database.db, { sessionMaxDays: config.sessionMaxDays })

  const staffRoutes = recordStaffRoutes(app)
  // Before any route: whole numbers from outside are checked for every route in one place.
  const routes = checkIntegerInputs(app)
  await addRequestHooks(app, { pages, auth, publicUrl: config.publicUrl })

  const { stylesheetHref, fontPreloads, fontFaces } = registerAssetRoutes(app)
  const chrome = createChromeSource(database.db, events, { publicUrl: config.publicUrl, stylesheetHref, fontPreloads })
  const newsroomShell = await serveNewsroomShell(app, chrome, fontFaces)
  // The newsroom answers its errors inside its own shell, and its API in JSON.
  bindErrorResponder(
    registerErrorHandling(
      app,
      createErrorPageRenderer(chrome, { publicUrl: config.publicUrl, stylesheetHref, fontPreloads }),
      path => findMovedPath(database.db, path),
      [
        { prefix: '/newsroom', render: createNewsroomErrorRenderer({ auth, shell: newsroomShell }) },
        { prefix: '/newsroom/api' },
      ],
    ),
  )
  const site: PublicDeps = {
    db: database.db,
    chrome,
    pages,
    publicUrl: config.publicUrl,
    player: await servePlayerAssets(app),
    signupScript: await serveClientScript(app, 'newsletter/signup.ts', 'newsletter-signup.js'),
    searchScript: await serveClientScript(app, 'search/typeahead.ts', 'search-typeahead.js'),
  }
  const newsroom: NewsroomDeps = {
    db: database.db,
    auth,
    pages,
    events,
    mailer,
    publicUrl: config.publicUrl,
    outboxDir,
    shell: newsroomShell,
  }

  app.get('/healthz', async () => {
    await database.db.selectFrom('site_settings').select('key').limit(1).execute()
    return { status: 'ok' }
  })
  await registerPublicPages(app, site, core)
  await registerNewsroomPages(app, { newsroom, site, core, config })
  // Last: /:slug catches the static pages once every named route has had its chance.
  registerPageRoutes(app, site)

  if (config.runJobs) await core.startJobs()
  return {
    app,
    database,
    events,
    storage,
    cache,
    mailer,
    staffRoutes,
    routes,
    jobs,
    async close() {
      await app.close()
      await core.close()
    },
  }
}

/** The newsroom's stylesheet and the island every newsroom page carries, and the shell that names them. */
async function serveNewsroomShell(
  app: FastifyInstance,
  chrome: () => Promise<Chrome>,
  fontFaces: string,
): Promise<NewsroomDeps['shell']> {
  const newsroomCss = readFileSync(new URL('./newsroom/assets/newsroom.css', import.meta.url), 'utf8')
  const stylesheetHref = serveAsset(
    app,
    'newsroom.css',
    'text/css; charset=utf-8',
    Buffer.from(`${fontFaces}\n${newsroomCss}`),
  )
  // On every newsroom page: the island enhances whatever multi-select a page marks `data-combobox`.
  const comboboxScript = await serveClientScript(app, 'newsroom/combobox.ts', 'combobox.js')
  return async () => {
    const { settings } = await chrome()
    return { siteName: settings.name, stylesheetHref, timeZone: settings.timeZone, scripts: [comboboxScript] }
  }
}

/** The reader's site: every public page, feed, file and embed but the static pages' catch-all. */
async function registerPublicPages(app: FastifyInstance, site: PublicDeps, core: Core): Promise<void> {
  registerHomeRoutes(app, site)
  registerStoryRoutes(app, site)
  registerDocumentaryRoutes(app, site)
  registerTopicRoutes(app, site)
  registerPeopleRoutes(app, site)
  registerCorrectionRoutes(app, site)
  registerFunderRoutes(app, site)
  registerInterviewRoutes(app, {
    ...site,
    citingStories: listStoriesCitingInterview,
    transcriptScript: await serveClientScript(app, 'interviews/transcript.ts', 'interview-transcript.js'),
  })
  registerNewsletterRoutes(app, {
    ...site,
    mailer: core.mailer,
    signingKey: core.signingKey,
    wakeJobs: () => core.jobs.wake(),
  })
  registerCampaignRoutes(app, site)
  registerFeedRoutes(app, site)
  registerPodcastRoutes(app, {
    ...site,
    storage: core.storage,
    playerScript: await serveClientScript(app, 'podcast-player/main.ts', 'podcast-player.js'),
  })
  registerSearchRoutes(app, {
    ...site,
    searchDb: core.database.searchDb,
    hitAddresses: { interview: interviewSearchHitUrl },
  })
  registerEmbedRoutes(app, site)
  registerMediaRoutes(app, { storage: core.storage })
  registerSupportRoutes(app, site)
}

/** The staff side under /newsroom: its pages, its APIs and the islands its editors load. */
async function registerNewsroomPages(
  app: FastifyInstance,
  deps: { newsroom: NewsroomDeps; site: PublicDeps; core: Core; config: Config },
): Promise<void> {
  const { newsroom, site, core, config } = deps
  const { db } = newsroom
  const wakeJobs = () => core.jobs.wake()
  const [editorScript, autosaveScript, mediaPageScript] = await Promise.all([
    serveClientScript(app, 'editor/main.ts', 'editor.js'),
    serveClientScript(app, 'newsroom/autosave.ts', 'autosave.js'),
    serveClientScript(app, 'newsroom/media-page.ts', 'media-page.js'),
  ])
  const editor = {
    scripts: [editorScript],
    stylesheets: [serveClientStylesheet(app, 'editor/editor.css', 'editor.css')],
  }
  registerNewsroomRoutes(app, newsroom)
  registerDashboardRoutes(app, newsroom)
  registerUploadRoutes(app, { db, storage: core.storage, auth: newsroom.auth })
  // Nothing in an image's row says what it is for: portraits, logos and show artwork are known by who uses them.
  registerLibraryRoutes(app, {
    db,
    reservedImageIds: async () => {
      const [people, funders, shows] = await Promise.all([listPeople(db), listFunders(db), listShows(db)])
      return [...people.map(p => p.photoId), ...funders.map(f => f.logoId), ...shows.map(s => s.artworkId)].filter(
        (id): id is number => id !== null,
      )
    },
  })
  registerCorrectionAdminRoutes(app, newsroom)
  registerRevisionRoutes(app, newsroom)
  registerDocumentaryAdminRoutes(app, newsroom)
  registerExcerptAdminRoutes(app, { ...newsroom, findFilm: findDocumentaryById })
  registerFilmAdminRoutes(app, { ...newsroom, storage: core.storage, wakeJobs, scripts: [mediaPageScript] })
  registerPodcastAdminRoutes(app, { ...newsroom, ...editor })
  registerEpisodeAudioRoutes(app, { ...newsroom, storage: core.storage, wakeJobs, scripts: [mediaPageScript] })
  registerStoryAdminRoutes(app, {
    ...newsroom,
    signingKey: core.signingKey,
    publicDeps: site,
    wakeJobs,
    scripts: [editorScript, autosaveScript],
    stylesheets: editor.stylesheets,
  })
  registerInterviewAdminRoutes(app, { ...newsroom, storage: core.storage, wakeJobs })
  registerInterviewVideoRoutes(app, { ...newsroom, storage: core.storage, wakeJobs, scripts: [mediaPageScript] })
  registerInterviewPickerApi(app, newsroom)
  registerTopicAdminRoutes(app, newsroom)
  registerPeopleAdminRoutes(app, newsroom)
  registerFunderAdminRoutes(app, newsroom)
  registerSettingsAdminRoutes(app, newsroom)
  registerPageAdminRoutes(app, { ...newsroom, ...editor })
  const newsletterAdmin = {
    ...newsroom,
    signingKey: core.signingKey,
    wakeJobs,
    editorScripts: editor.scripts,
    editorStylesheets: editor.stylesheets,
    webhookSecret: config.newsletterWebhookSecret,
    publicDeps: site,
  }
  registerCampaignAdminRoutes(app, newsletterAdmin)
  registerSubscriberAdminRoutes(app, newsletterAdmin)
  registerSupportAdminRoutes(app, newsroom)
}
