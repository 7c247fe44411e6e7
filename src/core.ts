// What the web app and `newsreel worker` both stand on: the database (migrated), storage,
// content events (relayed over Redis when configured), the mailers, the signing key and the
// durable job runners with their handlers. app.ts adds the routes and pages on top; a worker
// builds only this, so it never pays for page rendering or the browser bundles.
import { join } from 'node:path'
import type { Config } from './config.js'
import { migrateToLatest, openDatabase, type Database } from './db/index.js'
import { createContentEvents, type ContentEvents } from './platform/events.js'
import { createLocalStorage, type Storage } from './platform/storage/index.js'
import { createMailer, type Mailer } from './platform/mail/index.js'
import { connectRedisRelay } from './platform/redis-relay.js'
import { loadSigningKey } from './platform/signing.js'
import {
  combineRunners,
  createJobRunner,
  pruneFinishedJobs,
  recurringJob,
  type JobLog,
  type JobRunner,
  type RecurringJob,
} from './platform/jobs/index.js'
import { newsroomJobs, pruneStaleAccessRecords } from './newsroom/index.js'
import { PUBLISH_JOB, publishScheduledStory, listStorySearchDocuments } from './stories/index.js'
import { EXPIRE_UPLOAD_JOB, createExpireUploadHandler } from './media/index.js'
import {
  DEMO_MASTER_JOB,
  REMOVE_REPLACED_VIDEO_FILES_JOB,
  TRANSCODE_JOB,
  createDemoMasterHandler,
  createReplacedFilesHandler,
  createTranscodeHandler,
  type VideoOwners,
} from './videos/index.js'
import {
  AUDIO_JOB,
  DEMO_AUDIO_JOB,
  PUBLISH_EPISODE_JOB,
  createAudioHandler,
  createDemoAudioHandler,
  listEpisodeSearchDocuments,
  publishScheduledEpisode,
} from './podcasts/index.js'
import { ensureSearchIndex, tidySearchIndex, type SearchSource } from './search/index.js'
import { listDocumentarySearchDocuments, setDocumentaryRuntime } from './documentaries/index.js'
import { listPersonSearchDocuments } from './people/index.js'
import { listTopicSearchDocuments } from './topics/index.js'
import {
  DEMO_INTERVIEW_MASTER_JOB,
  createDemoInterviewMasterHandler,
  listInterviewSearchDocuments,
} from './interviews/index.js'
import { SEND_CAMPAIGN_JOB, createSendHandler, ensureDefaultList, newsletterQuickJobs } from './newsletter/index.js'
import { DEMO_ARTWORK_JOB, createDemoArtworkHandler, createDemoDrawingProcess } from './demo/index.js'
import { loadSettings } from './settings/index.js'

/**
 * Where the search index gets every public document when it is rebuilt: each owner part lists
 * its own (stories, documentaries, podcast episodes, people, topics).
 */
export const SEARCH_SOURCES: readonly SearchSource[] = [
  listStorySearchDocuments,
  listDocumentarySearchDocuments,
  listEpisodeSearchDocuments,
  listPersonSearchDocuments,
  listTopicSearchDocuments,
  listInterviewSearchDocuments,
]

/**
 * What a finished transcode means to the video's owner (videos/ knows neither owner part): a
 * documentary takes its runtime from the file; each owner's pages drop from the cache.
 */
export const VIDEO_OWNERS: VideoOwners = {
  documentary: {
    onReady: (trx, documentaryId, seconds) => setDocumentaryRuntime(trx, documentaryId, seconds),
    tags: documentaryId => [`documentary:${documentaryId}`, 'list:documentaries'],
  },
  interview: { tags: interviewId => [`interview:${interviewId}`, 'list:interviews'] },
}

/** The shared services of one Newsreel process. */
export interface Core {
  database: Database
  events: ContentEvents
  storage: Storage
  /** Account and sign-up mail. */
  mailer: Mailer
  /** Newsletter sends, on connections of their own so a long send never queues a password reset. */
  newsletterMailer: Mailer
  /** Where mail goes as .eml files when no SMTP server is configured. */
  outboxDir: string
  signingKey: Buffer
  /** The background job runners; `startJobs` starts them. */
  jobs: JobRunner
  /** Starts the runners, first queueing the recurring housekeeping run. */
  startJobs(): Promise<void>
  /** Stops the runners and closes the relay, the mailers and the database. */
  close(): Promise<void>
}

/** Opens the database (migrating it) and wires the services and job runners of a process. */
export async function openCore(config: Config, options: { log: JobLog; onResync?: () => void }): Promise<Core> {
  const { log } = options
  const database = await openDatabase(config.database)
  await migrateToLatest(database)
  await ensureDefaultList(database.db)
  // An empty index after the search migration (or on a new site) is filled from the owners' lists.
  await ensureSearchIndex(database.db, SEARCH_SOURCES)
  const storage = createLocalStorage(config.mediaDir)
  const events = createContentEvents()
  const outboxDir = join(config.dataDir, 'mail')
  // A MAIL_FROM without a name (the default) sends as the site's name at the time of sending.
  const senderName = async () => (await loadSettings(database.db)).name
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, senderName, outboxDir })
  const newsletterMailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    // A campaign sends thousands of messages a minute: the name is read at most every 30 s, not per message.
    senderName: remembered(senderName, 30_000),
    outboxDir,
    maxConnections: config.newsletterConnections,
  })
  const signingKey = loadSigningKey(config.secretKey, config.dataDir)
  const housekeeping = housekeepingJob(database, log)
  const jobs = createJobRunners(
    { config, database, events, storage, mailer, newsletterMailer, signingKey, log },
    housekeeping,
  )
  // With Redis, content events (and so cache purges) reach every process.
  const relay = config.redisUrl
    ? await connectRedisRelay(events, { url: config.redisUrl, log, onResync: options.onResync })
    : undefined
  return {
    database,
    events,
    storage,
    mailer,
    newsletterMailer,
    outboxDir,
    signingKey,
    jobs,
    async startJobs() {
      await housekeeping.arm(database.db)
      jobs.start()
    },
    async close() {
      await jobs.stop()
      await relay?.close()
      await mailer.close()
      await newsletterMailer.close()
      await database.close()
    },
  }
}

/**
 * Jobs are durable rows, run here unless `newsreel worker` runs them (RUN_JOBS=false). Quick
 * jobs and media jobs run side by side, so a long transcode never delays a scheduled
 * publication; media work goes one job at a time, since ffmpeg already uses every core. Sends
 * are long too; a runner of their own keeps a 100,000-address send from holding up the rest.
 */
function createJobRunners(
  deps: {
    config: Config
    database: Database
    events: ContentEvents
    storage: Storage
    mailer: Mailer
    newsletterMailer: Mailer
    signingKey: Buffer
    log: JobLog
  },
  housekeeping: RecurringJob,
): JobRunner {
  const { config, database, events, storage, log } = deps
  const { db, dialect } = database
  const quickJobs = createJobRunner({
    db,
    dialect,
    log,
    onlyOwnKinds: true,
    leaseMs: config.jobLeaseMs,
    handlers: {
      [PUBLISH_JOB]: async payload => publishScheduledStory({ db, events }, (payload as { storyId: number }).storyId),
      [PUBLISH_EPISODE_JOB]: async payload =>
        publishScheduledEpisode({ db, events }, (payload as { episodeId: number }).episodeId),
      ...newsletterQuickJobs({ db }),
      ...newsroomJobs({ db, mailer: deps.mailer, publicUrl: config.publicUrl }),
      [EXPIRE_UPLOAD_JOB]: createExpireUploadHandler({ db, storage }),
      [REMOVE_REPLACED_VIDEO_FILES_JOB]: createReplacedFilesHandler({ db, storage }),
      [housekeeping.kind]: housekeeping.handler,
    },
  })
  const mediaJobs = createJobRunner({
    db,
    dialect,
    log,
    onlyOwnKinds: true,
    concurrency: 1,
    leaseMs: 60_000,
    handlers: {
      [TRANSCODE_JOB]: createTranscodeHandler({ db, storage, events, owners: VIDEO_OWNERS, log }),
      [DEMO_INTERVIEW_MASTER_JOB]: createDemoInterviewMasterHandler({ db, storage }),
    },
  })
  // Podcast audio has a lane of its own: an episode takes seconds, and should not wait behind a film's long transcode.
  const audioJobs = createJobRunner({
    db,
    dialect,
    log,
    onlyOwnKinds: true,
    concurrency: 1,
    leaseMs: 60_000,
    handlers: {
      [AUDIO_JOB]: createAudioHandler({ db, storage, events, log }),
      [DEMO_AUDIO_JOB]: createDemoAudioHandler({ db, storage }),
    },
  })
  const newsletterJobs = createJobRunner({
    db,
    dialect,
    log,
    onlyOwnKinds: true,
    concurrency: 2,
    leaseMs: config.jobLeaseMs,
    handlers: {
      [SEND_CAMPAIGN_JOB]: createSendHandler({
        db,
        dialect,
        mailer: deps.newsletterMailer,
        signingKey: deps.signingKey,
        publicUrl: config.publicUrl,
        messageIdDomain: mailDomain(config.mailFrom),
        window: config.newsletterConnections,
        maxPerSecond: config.newsletterMaxPerSecond,
        relayPatienceMs: config.newsletterRelayPatienceMs,
        log,
      }),
    },
  })
  // The demo's artwork (a second a picture), then its films' masters (mostly one core), have a lane
  // of their own beside the media lane (the interview recordings, then every transcode as its master
  // is made), so a first start keeps both cores busy: about 90 and 130 s of CPU.
  // Drawn in the server, the pictures kept some 250 MB resident for good: a process that ends when idle draws them.
  const drawing = createDemoDrawingProcess()
  const artworkJobs = createJobRunner({
    db,
    dialect,
    log,
    onlyOwnKinds: true,
    concurrency: 1,
    leaseMs: 60_000,
    handlers: {
      [DEMO_ARTWORK_JOB]: createDemoArtworkHandler({ db, storage, events, log, draw: drawing.drawArtwork }),
      [DEMO_MASTER_JOB]: createDemoMasterHandler({ db, storage, cutFilm: drawing.cutFilm }),
    },
  })
  const runners = combineRunners(quickJobs, mediaJobs, audioJobs, newsletterJobs, artworkJobs)
  return { ...runners, stop: () => runners.stop().then(drawing.close) }
}

/** How long finished jobs stay listed in the newsroom before housekeeping deletes them. */
const FINISHED_JOBS_KEPT_MS = 30 * 86_400_000

/** Hourly: deletes stale finished jobs and access records; merges SQLite's search index when it is in pieces. */
function housekeepingJob(database: Database, log: JobLog): RecurringJob {
  return recurringJob(database.db, {
    kind: 'housekeeping',
    everyMs: 3_600_000,
    async work() {
      const jobs = await pruneFinishedJobs(database.db, new Date(Date.now() - FINISHED_JOBS_KEPT_MS))
      const access = await pruneStaleAccessRecords(database.db)
      if (jobs || access) log.info({ jobs, access }, 'housekeeping deleted stale rows')
      const search = await tidySearchIndex(database.db, { pauseMs: 5 })
      if (search.steps) log.info(search, 'housekeeping merged the search index')
    },
  })
}

/** The domain of the From address, for Message-IDs. */
function mailDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost'
}

/** `read`, answered from its last result for `ms` after each read (a failed read is not kept). */
function remembered<T>(read: () => Promise<T>, ms: number): () => Promise<T> {
  let last: { value: Promise<T>; at: number } | undefined
  return () => {
    const now = Date.now()
    if (!last || now - last.at > ms) {
      const value = read()
      last = { value, at: now }
      value.catch(() => {
        last = undefined
      })
    }
    return last.value
  }
}
