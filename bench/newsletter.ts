// Newsletter sending: a campaign to 100,000 confirmed subscribers, sent by a real worker process
// (the compiled build, as `npm start` runs) to an SMTP server on 127.0.0.1 in this process.
// Reports messages per second from the first message to the last, and the worker's peak
// resident memory, sampled as it sends.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SMTPServer } from 'smtp-server'
import { migrateToLatest, openDatabase } from '../src/db/index.js'
import { insertCampaign, insertList, moveCampaign, queueCampaignSend } from '../src/newsletter/index.js'
import { round, type BenchRow } from './results.js'
import { buildOnce, stopServer } from './server.js'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000)
const TARGET_PER_SECOND = 500
const TARGET_MB = 150
const SAMPLE_MS = 200
const TIME_LIMIT_MS = 15 * 60_000

/** Runs the newsletter bench and returns its rows. */
export async function benchNewsletter(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-bench-newsletter-'))
  const sink = await startSink()
  let worker: ChildProcess | undefined
  try {
    const campaignId = await prepare(dataDir)
    buildOnce()
    worker = await startWorker({
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: 'The Long View <news@longview.example>',
      PUBLIC_URL: 'https://news.example.org',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    })
    const pid = worker.pid!
    const rssAtStart = rssMb(pid)
    const cpuAtStart = cpuSeconds(pid)
    let peak = rssAtStart
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid))
    }, SAMPLE_MS)
    const started = Date.now()
    let lastReport = started
    try {
      while (sink.count() < SUBSCRIBERS) {
        if (Date.now() - started > TIME_LIMIT_MS)
          throw new Error(
            `only ${sink.count()} of ${SUBSCRIBERS} messages arrived in ${TIME_LIMIT_MS / 60_000} minutes`,
          )
        if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`)
        await new Promise(resolve => setTimeout(resolve, 100))
        const n = sink.count()
        if (Date.now() - lastReport > 5000) {
          lastReport = Date.now()
          console.log(`  ${n.toLocaleString('en')} sent, worker RSS ${rssMb(pid).toFixed(0)} MB`)
        }
      }
    } finally {
      clearInterval(sampler)
    }
    const cpuPerMessage = ((cpuSeconds(pid) - cpuAtStart) / SUBSCRIBERS) * 1000
    const seconds = (sink.lastAt() - sink.firstAt()) / 1000
    const rate = SUBSCRIBERS / seconds
    console.log(
      `\n  ${SUBSCRIBERS.toLocaleString('en')} messages (campaign ${campaignId}) in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} messages/s`,
    )
    console.log(
      `  worker RSS: ${rssAtStart.toFixed(0)} MB idle, ${peak.toFixed(0)} MB at most while sending (target < ${TARGET_MB} MB)`,
    )
    // CPU time barely moves with other load on the machine, unlike wall time: 1 / this is the rate one free core allows.
    console.log(
      `  worker CPU: ${cpuPerMessage.toFixed(3)} ms a message (one core could send ${(1000 / cpuPerMessage).toFixed(0)} a second)`,
    )
    return [
      {
        name: 'newsletter.send-rate-100k',
        value: round(rate, 1),
        unit: 'messages/s',
        baseline: TARGET_PER_SECOND,
        ratio: round(rate / TARGET_PER_SECOND),
      },
      {
        name: 'newsletter.sender-rss-peak',
        value: round(peak, 1),
        unit: 'MB',
        baseline: TARGET_MB,
        ratio: round(peak / TARGET_MB),
      },
      {
        name: 'newsletter.sender-cpu-per-message',
        value: round(cpuPerMessage, 3),
        unit: 'ms',
        baseline: null,
        ratio: null,
      },
      { name: 'newsletter.sender-rss-idle', value: round(rssAtStart, 1), unit: 'MB', baseline: null, ratio: null },
    ]
  } finally {
    if (worker) await stopServer(worker)
    await sink.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Makes the database: a list, its confirmed subscribers and a campaign whose send is queued. */
async function prepare(dataDir: string): Promise<number> {
  const database = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'newsreel.db') })
  try {
    await migrateToLatest(database)
    const { db } = database
    const list = await insertList(db, { slug: 'weekly', name: 'The weekly newsletter' })
    const now = new Date().toISOString()
    for (let start = 0; start < SUBSCRIBERS; start += 1000) {
      await db.transaction().execute(async trx => {
        const ids = await trx
          .insertInto('newsletter_subscribers')
          .values(
            Array.from({ length: Math.min(1000, SUBSCRIBERS - start) }, (_, i) => ({
              email: `reader-${start + i}@example.org`,
              status: 'confirmed' as const,
              source: 'bench',
              consent: 'bench',
              created_at: now,
              updated_at: now,
              confirmed_at: now,
            })),
          )
          .returning('id')
          .execute()
        await trx
          .insertInto('newsletter_subscriptions')
          .values(ids.map(r => ({ subscriber_id: r.id, list_id: list.id, created_at: now })))
          .execute()
      })
    }
    const campaign = await insertCampaign(
      db,
      {
        listId: list.id,
        subject: 'The week in documentaries',
        preheader: 'Three films, one correction',
        template: 'standard',
        intro: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'This week: rivers, ledgers and a long walk home.' }],
            },
          ],
        },
        storyIds: [],
        documentaryIds: [],
      },
      null,
    )
    await moveCampaign(db, campaign.id, ['draft'], 'scheduled', { scheduledFor: now })
    await queueCampaignSend(db, campaign.id)
    return campaign.id
  } finally {
    await database.close()
  }
}

/** An SMTP server that accepts everything and keeps only counts and times. */
async function startSink() {
  let count = 0
  let first = 0
  let last = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        count += 1
        last = Date.now()
        if (count === 1) first = last
        callback()
      })
    },
  })
  server.on('error', () => {})
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as AddressInfo).port,
    count: () => count,
    firstAt: () => first,
    lastAt: () => last,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}

/** `newsreel worker` from the compiled build; resolves once it runs jobs. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/src/main.js', 'worker'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk
      if (out.includes('running background jobs')) resolve(child)
    })
    child.once('exit', code => reject(new Error(`the worker exited with ${code}: ${out}`)))
  })
}

/** A process's user + system CPU time in seconds, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

/** A process's resident memory in MB, from /proc. */
function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    return (kb * 1024) / 1e6
  } catch {
    return 0
  }
}
