// Builds the Fastify app from the parts: the one place they meet. Reading this file
// shows the whole site, route table included (STYLE rule 15).
import Fastify, { type FastifyInstance } from 'fastify'
import compress from '@fastify/compress'
import formbody from '@fastify/formbody'
import type { Config } from './config.js'
import type { Database } from './db/index.js'
import type { ContentEvents } from './platform/events.js'
import { PageCache } from './platform/cache/page-cache.js'
import { createPageResponder } from './platform/http/page-responder.js'
import { applySecurityHeaders } from './platform/http/security-headers.js'
import { registerErrorHandling, type ErrorResponder } from './platform/http/error-handler.js'
import { findMovedPath } from './platform/moved-paths/index.js'
import { loggerOptions } from './platform/http/logging.js'
import { trustProxyOption } from './platform/http/trust-proxy.js'
import { checkIntegerInputs, type RouteEntry } from './platform/http/integer-inputs.js'
import type { Storage } from './platform/storage/index.js'
import { createChromeSource, registerAssetRoutes, type PublicDeps } from './site/index.js'
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
import { sameOriginGuard } from './platform/http/same-origin.js'
import { serveAsset } from './platform/http/static-assets.js'
import type { Mailer } from './platform/mail/index.js'
import { createAuth, decorateStaff, type NewsroomDeps } from './newsroom/index.js'
import { createNewsroomErrorRenderer } from './newsroom/views.js'
import { registerNewsroomRoutes } from './newsroom/routes.js'
import type { JobRunner } from './platform/jobs/index.js'
import { openCore } from './core.js'
import { listShows } from './podcasts/index.js'
import { registerPodcastRoutes } from './podcasts/routes.js'
import { registerPodcastAdminRoutes } from './podcasts/admin.js'
import { registerEpisodeAudioRoutes } from './podcasts/audio-admin.js'
import { serveClientScript, serveClientStylesheet } from './platform/http/client-assets.js'
import { registerSearchRoutes } from './search/routes.js'
import { registerDashboardRoutes } from './dashboard/routes.js'
import { readFileSync } from 'node:fs'

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
  staffRoutes: { method: string; url: string; role: string }[]
  /** Every route as registered (HEAD included): the route-walking tests use these. */
  routes: RouteEntry[]
  /** Stops accepting requests and closes the database. */
  close(): Promise<void>
}

/** Wires everything from a configuration. Tests call exactly this. */
export async function buildApp(config: Config): Promise<Newsreel> {
  const cache = new PageCache(config.pageCacheBytes)
  const pages = createPageResponder(cache)

  // Bound below, once the site can render error pages.
  let respondToError: ErrorResponder = async (_error, _request, reply) => reply.code(400).send()
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Malformed addresses (bad percent-encoding, over-long parameters) go through the one error handler too.
    frameworkErrors: (error, request, reply) => void respondToError(error, request, reply),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  })
  const core = await openCore(config, { log: app.log, onResync: () => cache.clear() })
  const { database, events, storage, mailer, outboxDir, signingKey, jobs } = core
  events.on(({ tags }) => cache.purge(tags))
  const auth = createAuth(database.db, { sessionMaxDays: config.sessionMaxDays })

  const staffRoutes: Newsreel['staffRoutes'] = []
  app.addHook('onRoute', (route) => {
    const role = route.config?.auth
    if (!role) return
    for (const method of [route.method].flat()) if (method !== 'HEAD') staffRoutes.push({ method, url: route.url, role })
  })

  // Before any route: whole numbers from outside are checked for every route in one place.
  const routes = checkIntegerInputs(app)

  app.addHook('onRequest', (request, reply, done) => {
    // A cache hit carries its own complete header block, security headers included.
    if (pages.answerFromCache(request, reply) !== undefined) return
    applySecurityHeaders(request, reply)
    done()
  })
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] })
  // Story and page bodies are posted as forms: their JSON may be a few hundred kilobytes.
  await app.register(formbody, { bodyLimit: 1024 * 1024 })
  app.addHook('preHandler', sameOriginGuard(config.publicUrl))
  // Before validation, so a refused caller learns nothing about what the route expects.
  app.addHook('preValidation', auth.guard)
  // What the guard found is `request.staff` in every staff route's handler.
  decorateStaff(app)

  const { stylesheetHref } = registerAssetRoutes(app)
  const chrome = createChromeSource(database.db, events, { publicUrl: config.publicUrl, stylesheetHref })
  const newsroomStylesheet = serveAsset(app, 'newsroom.css', 'text/css; charset=utf-8', readFileSync(new URL('./newsroom/assets/newsroom.css', import.meta.url)))
  // On every newsroom page: the island enhances whatever multi-select a page marks `data-combobox`.
  const comboboxScript = await serveClientScript(app, 'newsroom/combobox.ts', 'combobox.js')
  const newsroomShell: NewsroomDeps['shell'] = async () => {
    const { settings } = await chrome()
    return { siteName: settings.name, stylesheetHref: newsroomStylesheet, timeZone: settings.timeZone, scripts: [comboboxScript] }
  }
  // The newsroom answers its errors inside its own shell, and its API in JSON.
  respondToError = registerErrorHandling(app, createErrorPageRenderer(chrome, { publicUrl: config.publicUrl, stylesheetHref }), (path) => findMovedPath(database.db, path), [
    { prefix: '/newsroom', render: createNewsroomErrorRenderer({ auth, shell: newsroomShell }) },
    { prefix: '/newsroom/api' },
  ])
  const deps: PublicDeps = {
    db: database.db, chrome, pages, publicUrl: config.publicUrl, player: await servePlayerAssets(app),
    signupScript: await serveClientScript(app, 'newsletter/signup.ts', 'newsletter-signup.js'),
    searchScript: await serveClientScript(app, 'search/typeahead.ts', 'search-typeahead.js'),
  }

  app.get('/healthz', async () => {
    await database.db.selectFrom('site_settings').select('key').limit(1).execute()
    return { status: 'ok' }
  })
  registerHomeRoutes(app, deps)
  registerStoryRoutes(app, deps)
  registerDocumentaryRoutes(app, deps)
  registerTopicRoutes(app, deps)
  registerPeopleRoutes(app, deps)
  registerCorrectionRoutes(app, deps)
  registerFunderRoutes(app, deps)
  registerNewsletterRoutes(app, { ...deps, mailer, signingKey, wakeJobs: () => jobs.wake() })
  registerCampaignRoutes(app, deps)
  registerFeedRoutes(app, deps)
  registerPodcastRoutes(app, { ...deps, storage, playerScript: await serveClientScript(app, 'podcast-player/main.ts', 'podcast-player.js') })
  registerSearchRoutes(app, deps)
  registerEmbedRoutes(app, deps)
  registerMediaRoutes(app, { storage })
  const newsroom: NewsroomDeps = {
    db: database.db, auth, pages, events, mailer, publicUrl: config.publicUrl, outboxDir,
    shell: newsroomShell,
  }
  registerNewsroomRoutes(app, newsroom)
  registerDashboardRoutes(app, newsroom)
  registerUploadRoutes(app, { db: database.db, storage, auth })
  // Nothing in an image's row says what it is for: portraits, logos and show artwork are known by who uses them.
  registerLibraryRoutes(app, { db: database.db, reservedImageIds: async () => {
    const [people, funders, shows] = await Promise.all([listPeople(database.db), listFunders(database.db), listShows(database.db)])
    return [...people.map((p) => p.photoId), ...funders.map((f) => f.logoId), ...shows.map((s) => s.artworkId)].filter((id): id is number => id !== null)
  } })
  registerCorrectionAdminRoutes(app, newsroom)
  const [editorScript, autosaveScript] = await Promise.all([
    serveClientScript(app, 'editor/main.ts', 'editor.js'),
    serveClientScript(app, 'newsroom/autosave.ts', 'autosave.js'),
  ])
  const filmUploadScript = await serveClientScript(app, 'newsroom/film-upload.ts', 'film-upload.js')
  const editorStylesheet = serveClientStylesheet(app, 'editor/editor.css', 'editor.css')
  registerRevisionRoutes(app, newsroom)
  registerDocumentaryAdminRoutes(app, newsroom)
  registerExcerptAdminRoutes(app, { ...newsroom, findFilm: findDocumentaryById })
  registerFilmAdminRoutes(app, { ...newsroom, storage, wakeJobs: () => jobs.wake(), scripts: [filmUploadScript] })
  registerPodcastAdminRoutes(app, { ...newsroom, scripts: [editorScript], stylesheets: [editorStylesheet] })
  registerEpisodeAudioRoutes(app, { ...newsroom, storage, wakeJobs: () => jobs.wake(), scripts: [await serveClientScript(app, 'newsroom/episode-audio.ts', 'episode-audio.js')] })
  registerStoryAdminRoutes(app, {
    ...newsroom, signingKey, publicDeps: deps, wakeJobs: () => jobs.wake(),
    scripts: [editorScript, autosaveScript], stylesheets: [editorStylesheet],
  })
  registerTopicAdminRoutes(app, newsroom)
  registerPeopleAdminRoutes(app, newsroom)
  registerFunderAdminRoutes(app, newsroom)
  registerSettingsAdminRoutes(app, newsroom)
  registerPageAdminRoutes(app, { ...newsroom, scripts: [editorScript], stylesheets: [editorStylesheet] })
  const newsletterAdmin = {
    ...newsroom, signingKey, wakeJobs: () => jobs.wake(), editorScripts: [editorScript], editorStylesheets: [editorStylesheet],
    webhookSecret: config.newsletterWebhookSecret, publicDeps: deps,
  }
  registerCampaignAdminRoutes(app, newsletterAdmin)
  registerSubscriberAdminRoutes(app, newsletterAdmin)
  // Last: /:slug catches the static pages once every named route has had its chance.
  registerPageRoutes(app, deps)

  if (config.runJobs) await core.startJobs()
  return {
    app, database, events, storage, cache, mailer, staffRoutes, routes, jobs,
    async close() {
      await app.close()
      await core.close()
    },
  }
}
