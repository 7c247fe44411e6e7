// The interview page's bench (issue 13): a 90-minute interview (1,500 passages, about 15,000
// words, some withheld, some notes, a ready video) measured over the app's own HTTP face: the
// median of an uncached render (load and render together), the page's size with brotli, and the
// cached page's throughput against a node:http baseline serving the same bytes.
import type { ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../src/config.js'
import { migrateToLatest, openDatabase, type Db } from '../src/db/index.js'
import { insertPerson } from '../src/people/index.js'
import { syncInterviewSearch } from '../src/interviews/index.js'
import { insertInterview, setInterviewStatus } from '../src/interviews/store.js'
import { insertNote, replacePassages, setWithheld, withheldSpans, listPassages } from '../src/interviews/passages.js'
import { setVideoCuts, upsertInterviewVideo } from '../src/videos/index.js'
import { markReady } from '../src/videos/store.js'
import { round, type BenchRow } from './results.js'
import { freePort, startServer, stopServer } from './server.js'
import { medianUncachedRender, throughputAgainstBaseline } from './throughput.js'

const SLUG = 'ninety-minutes-with-the-harbourmaster'
const PAGE = `/interviews/${SLUG}`
const PASSAGES = 1500
const SECONDS = 90 * 60

const TARGET_RENDER_MS = 15
const TARGET_BROTLI_KB = 60
const TARGET_RATIO = 0.9

/** Runs the interview-page bench and returns its rows. */
export async function benchInterviews(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsreel-bench-interviews-'))
  const children: ChildProcess[] = []
  try {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production', SEED_DEMO: 'false', RUN_JOBS: 'false' }
    const database = await openDatabase(loadConfig(env).database)
    await migrateToLatest(database)
    const words = await seedLongInterview(database.db)
    await database.close()

    const uncached = await medianUncachedRender(env, PAGE, 300, 50)

    const port = await freePort()
    children.push(await startServer(env, port))
    const brotli = await encodedSize(port, 'br')
    const { ours, theirs, bytes } = await throughputAgainstBaseline(port, PAGE, dataDir)
    const kb = brotli.bytes / 1024
    console.log(`90-minute interview page: ${PASSAGES} passages, ${words} words; ${bytes} bytes of HTML`)
    console.log(
      `uncached interview render (load + render, cache off): median ${round(uncached, 3)} ms (target < ${TARGET_RENDER_MS} ms)`,
    )
    console.log(`interview page with brotli (${brotli.encoding}): ${round(kb, 1)} KB (target < ${TARGET_BROTLI_KB} KB)`)
    console.log(
      `cached interview page: ${round(ours, 0)} req/s; node:http baseline with the same ${bytes} bytes: ${round(theirs, 0)} req/s; ratio ${round(ours / theirs, 3)} (target ≥ ${TARGET_RATIO})`,
    )
    return [
      {
        name: 'interviews.uncached-interview-render-median',
        value: round(uncached),
        unit: 'ms',
        baseline: TARGET_RENDER_MS,
        ratio: round(uncached / TARGET_RENDER_MS),
      },
      {
        name: 'interviews.interview-page-brotli',
        value: round(kb, 1),
        unit: 'KB',
        baseline: TARGET_BROTLI_KB,
        ratio: round(kb / TARGET_BROTLI_KB),
      },
      {
        name: 'interviews.cached-interview-page',
        value: round(ours, 0),
        unit: 'req/s',
        baseline: round(theirs, 0),
        ratio: round(ours / theirs),
      },
    ]
  } finally {
    for (const child of children.reverse()) await stopServer(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// Invented words, drawn by a seeded generator so every run measures the same page.
const VOCABULARY = (
  'the harbour ledger ferry crates tonnage manifest pilot quay night shift clerk council vote storm water records ' +
  'we they said told counted boats winter summer office stove bread road clinic names list morning evening radio ' +
  'never always again because before after until while when where which that this those about across through ' +
  'remember weighed signed stamped missing arrived carried loaded unloaded harbourmaster deputy inspector customs'
).split(' ')

function seededWords(seed: number) {
  let state = seed
  return (count: number) =>
    Array.from({ length: count }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
      return VOCABULARY[state % VOCABULARY.length] ?? 'and'
    }).join(' ')
}

/** The 90-minute interview: published, every 97th passage withheld, a note on every 50th, a ready video. Answers its word count. */
export async function seedLongInterview(db: Db): Promise<number> {
  const person = await insertPerson(db, {
    slug: 'odile-fenwick',
    name: 'Odile Fenwick',
    jobTitle: 'Harbourmaster',
    bio: 'Kept the port for thirty years.',
    photoId: null,
    socials: [],
  })
  const interview = await insertInterview(db, {
    slug: SLUG,
    title: 'Ninety minutes with the harbourmaster',
    personId: person.id,
    personRole: 'Harbourmaster, Port Alder',
    recordedOn: '2025-05-04',
    place: 'Port Alder',
    summary: 'The whole conversation, from the first ledger to the last ferry.',
  })
  const next = seededWords(17)
  const step = SECONDS / PASSAGES
  let words = 0
  const passages = Array.from({ length: PASSAGES }, (_, i) => {
    const text = next(i % 2 === 0 ? 6 : 14)
    words += 10
    return {
      speaker: i % 2 === 0 ? 'Ines Calloway' : 'Odile Fenwick',
      text: `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.`,
      startSeconds: i * step,
      endSeconds: (i + 1) * step,
    }
  })
  const stored = await replacePassages(db, interview.id, passages)
  await setWithheld(
    db,
    interview.id,
    stored.filter(p => p.position % 97 === 50).map(p => p.position),
    'off-the-record',
  )
  for (const p of stored.filter(s => s.position % 50 === 7))
    await insertNote(
      db,
      interview.id,
      p.id,
      { kind: 'supporting', body: 'Checked against the port manifest.', linkUrl: null },
      null,
    )
  await setInterviewStatus(db, interview.id, 'cleared', { accountId: null })
  await setInterviewStatus(db, interview.id, 'published', { accountId: null })
  await syncInterviewSearch(db, interview.id)
  // The row as a finished transcode leaves it: the page reads only the row.
  const video = await upsertInterviewVideo(db, interview.id, 'masters/long-interview.mp4')
  const cuts = withheldSpans(await listPassages(db, interview.id))
  await setVideoCuts(db, video.id, cuts)
  const prefix = `videos/${video.id}/live`
  await markReady(db, video.id, {
    outputPrefix: prefix,
    masterKey: video.masterKey,
    cuts,
    durationSeconds: SECONDS,
    width: 640,
    height: 360,
    renditions: [{ height: 360, width: 640, bandwidth: 800_000, playlistKey: `${prefix}/360p/index.m3u8` }],
    posterKey: `${prefix}/poster.jpg`,
    mp4Key: `${prefix}/film.mp4`,
    thumbnailsKey: null,
  })
  return words
}

/** How many bytes the server sends the page in when the client accepts this encoding. */
function encodedSize(port: number, encoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: PAGE, headers: { 'accept-encoding': encoding } }, res => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
      })
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
