// The `newsreel` command: start, migrate, seed.
// First, before any other module loads and allocates: the young generation's cap (platform/heap.ts).
import './platform/heap.js'
import { join } from 'node:path'
import { loadConfig, ConfigError, type Config } from './config.js'
import { SEARCH_SOURCES, openCore } from './core.js'
import { processLogger } from './platform/http/logging.js'
import { rebuildSearchIndex } from './search/index.js'
import { migrateToLatest, openDatabase } from './db/index.js'
import { hasAnyStory } from './stories/index.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, reportDemoMedia, seedDemoNewsroom } from './demo/index.js'
import { useAssetCache } from './platform/http/static-assets.js'
import { compactWhenQuiet } from './platform/heap.js'
import { createSetupLink, runUserCommand } from './newsroom/index.js'

const USAGE = `Usage: newsreel <command>

Commands:
  start     run migrations, seed the demo newsroom into an empty database, and serve the site
  migrate   bring the database schema up to date
  seed      load the demo newsroom into an empty database
  search-reindex
            rebuild the search index from every published story, documentary, person and topic
  worker    run background jobs (scheduled publishing, mail) without serving; run the web
            processes with RUN_JOBS=false when you use it
  user create --email EMAIL --role contributor|author|editor|admin [--name NAME] [--password-stdin]
            create a staff account; prints a one-time link to choose its password
  help      show this text

Configuration comes from the environment; see README.md.`

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'help'
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE)
    return 0
  }
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      return 78 // EX_CONFIG
    }
    throw err
  }
  switch (command) {
    case 'start':
      return start(config)
    case 'migrate':
      return migrate(config)
    case 'seed':
      return seed(config)
    case 'worker':
      return worker(config)
    case 'search-reindex':
      return searchReindex(config)
    case 'user':
      return user(config, argv.slice(1))
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`)
      return 64 // EX_USAGE
  }
}

async function migrate(config: Config): Promise<number> {
  const database = await openDatabase(config.database)
  try {
    const applied = await migrateToLatest(database)
    console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.')
    return 0
  } finally {
    await database.close()
  }
}

async function seed(config: Config): Promise<number> {
  const database = await openDatabase(config.database)
  try {
    await migrateToLatest(database)
    if (await hasAnyStory(database.db)) {
      console.error('The database already holds stories; the demo newsroom is only seeded into an empty one.')
      return 1
    }
    const summary = await seedDemoNewsroom(database.db, { mediaDir: config.mediaDir, publicUrl: config.publicUrl })
    console.log(`Seeded the demo newsroom: ${summary}.`)
    return 0
  } finally {
    await database.close()
  }
}

/** Rebuilds the search index in one transaction: readers keep the old index until it commits. */
async function searchReindex(config: Config): Promise<number> {
  const database = await openDatabase(config.database)
  try {
    await migrateToLatest(database)
    const started = Date.now()
    const count = await rebuildSearchIndex(database.db, SEARCH_SOURCES)
    console.log(`Indexed ${count} documents for search in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    return 0
  } finally {
    await database.close()
  }
}

async function user(config: Config, argv: string[]): Promise<number> {
  const database = await openDatabase(config.database)
  try {
    await migrateToLatest(database)
    return await runUserCommand(database.db, config.publicUrl, argv, readStdin)
  } finally {
    await database.close()
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** How often a server or worker checks whether it has fallen quiet (platform/heap.ts). */
const QUIET_CHECK_MS = 2000

/** Runs the job runners and nothing else: no routes, no pages, no browser bundles. */
async function worker(config: Config): Promise<number> {
  const log = processLogger(config.logLevel, { pretty: config.env === 'development' })
  const core = await openCore(config, { log })
  await core.startJobs()
  log.info({ workerId: core.jobs.workerId }, 'running background jobs')
  console.log('Newsreel worker is running background jobs.')
  stopOnSignals({ log, close: () => core.close() })
  compactWhenQuiet(QUIET_CHECK_MS)
  // The runner's timers are unref'd so they never hold a web process open; a worker has
  // nothing else to do, so this keeps it alive until a signal stops it.
  setInterval(() => {}, 60_000)
  return new Promise<number>(() => {})
}

/** Finishes in-flight work and closes the database on SIGTERM/SIGINT; gives up after 10 s. */
function stopOnSignals(newsreel: { log: { info(obj: object, msg: string): void }; close(): Promise<void> }): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    newsreel.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 10_000)
    timer.unref()
    await newsreel.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

async function start(config: Config): Promise<number> {
  // Measured from the process's start, as a newcomer waiting for `npm start` counts.
  const startedAt = Date.now() - process.uptime() * 1000
  // Assets' best compression is made once, in the background, and kept for later starts.
  useAssetCache(join(config.dataDir, 'cache', 'assets'))
  // Loaded here, not at the top: the web app (routes, pages, bundles) is no business of the other commands.
  const { buildApp } = await import('./app.js')
  const newsreel = await buildApp(config)
  const { app, database } = newsreel
  let demoAccountsNote = ''
  if (config.seedDemo && !(await hasAnyStory(database.db))) {
    app.log.info('empty database: seeding the demo newsroom')
    // Demo staff accounts with a published password exist only outside production.
    const withAccounts = config.env !== 'production'
    // The text goes in now; pictures start as previews, and the artwork, films and audio are
    // queued jobs, so the site answers within seconds and the media follow in the background.
    const summary = await seedDemoNewsroom(database.db, {
      mediaDir: config.mediaDir,
      withAccounts,
      publicUrl: config.publicUrl,
      artwork: 'queued',
    })
    app.log.info(`seeded the demo newsroom: ${summary}`)
    reportDemoMedia(database.db, { info: message => app.log.info(message) }, startedAt)
    if (withAccounts)
      demoAccountsNote = `Demo newsroom accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map(a => `${a.email} (${a.role})`).join(', ')}`
  }
  stopOnSignals({ log: app.log, close: () => newsreel.close() })
  await app.listen({ host: config.host, port: config.port })
  // Start-up's garbage and grown young generation are handed back once the server falls quiet.
  compactWhenQuiet(QUIET_CHECK_MS)
  // Queued media (the demo's, or work left from the last run) start now rather than at the next poll.
  newsreel.jobs.wake()
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
  console.log(
    `Newsreel is serving ${config.publicUrl} (listening on ${config.host}:${port}, ${config.database.dialect}; ready ${seconds} s after start)`,
  )
  if (demoAccountsNote) console.log(`${demoAccountsNote}\nSign in at ${config.publicUrl}/newsroom`)
  // Printed to the operator's terminal, not the structured log: the link is a secret.
  const setupLink = await createSetupLink({ db: database.db, publicUrl: config.publicUrl })
  if (setupLink)
    console.log(`No admin account exists yet. Set one up here (the link works once, for 24 hours):\n  ${setupLink}`)
  return new Promise<number>(() => {})
}

main(process.argv.slice(2)).then(
  code => {
    if (code !== undefined) process.exitCode = code
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    // Exit now: what was opened before the failure (the database, esbuild's service) would
    // otherwise keep a process that can do nothing alive.
    process.exit(1)
  },
)
