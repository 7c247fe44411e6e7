// Demo interviews: each is seeded whole and published (transcript, one withheld passage, one
// note, film moments), and its recording is made later by a job: a still background, the
// speaker's name and role as a lower third, a running clock and a tone. Seeding only queues the
// job, so the site answers at once and the page shows the transcript while the video is made;
// the job attaches the master with the withheld span as a cut and queues the transcode.
import { writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/index.js'
import { runFfmpeg } from '../platform/ffmpeg.js'
import { enqueueJob, type JobHandler } from '../platform/jobs/index.js'
import type { Storage } from '../platform/storage/index.js'
import {
  enqueueTranscode,
  findVideoByInterview,
  renderMasterInScratch,
  setVideoCuts,
  upsertInterviewVideo,
} from '../videos/index.js'
import {
  insertNote,
  listPassages,
  replacePassages,
  setWithheld,
  withheldSpans,
  type NoteFields,
  type StoredPassage,
} from './passages.js'
import { recordRevision } from './revisions.js'
import type { WithheldReason } from './schema.js'
import { syncInterviewSearch } from './search.js'
import {
  insertInterview,
  replaceInterviewLinks,
  setInterviewStatus,
  type InterviewFields,
  type InterviewLinks,
} from './store.js'
import { replaceFilmMoments } from './film-moments.js'
import type { Passage } from './transcript-files.js'

/** The job kind that makes one demo interview's recording; payload `{ interviewId, index, name, role }`. */
export const DEMO_INTERVIEW_MASTER_JOB = 'interview-demo-master'

/** One passage of a demo transcript before it has times. */
export interface DemoPassageText {
  speaker: string
  text: string
  withheld?: WithheldReason | undefined
}

/** Everything a demo interview is seeded with; passages and moments point at passages by index. */
export interface DemoInterviewSeed {
  fields: InterviewFields
  links: InterviewLinks
  passages: DemoPassageText[]
  note: NoteFields & { passage: number }
  moments: Array<{
    documentaryId: number
    filmStartSeconds: number
    filmEndSeconds: number
    passage: number
    label: string
  }>
  publishedAt: string
  /** Picks the recording's colours and tone. */
  index: number
  /** The lower third: who speaks, and as what. */
  personName: string
}

/** Seconds a passage takes: about 2.6 words a second, never under 10 or over 20. */
export function demoPassageSeconds(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length
  return Math.min(20, Math.max(10, Math.round(words / 2.6)))
}

/** The transcript with times: passages back to back from the first second. */
export function timeDemoPassages(passages: readonly DemoPassageText[]): Passage[] {
  let at = 1
  return passages.map(p => {
    const startSeconds = at
    at += demoPassageSeconds(p.text)
    return { speaker: p.speaker, text: p.text, startSeconds, endSeconds: at }
  })
}

/** Seeds one published demo interview and queues the job that makes its recording; call in the seeding transaction. */
export async function seedDemoInterview(
  db: Db,
  seed: DemoInterviewSeed,
): Promise<{ id: number; passages: StoredPassage[] }> {
  const interview = await insertInterview(db, seed.fields)
  await replaceInterviewLinks(db, interview.id, seed.links)
  const stored = await replacePassages(db, interview.id, timeDemoPassages(seed.passages))
  for (const [position, p] of seed.passages.entries())
    if (p.withheld) await setWithheld(db, interview.id, [position], p.withheld)
  const noted = stored[seed.note.passage]
  if (noted)
    await insertNote(
      db,
      interview.id,
      noted.id,
      { kind: seed.note.kind, body: seed.note.body, linkUrl: seed.note.linkUrl },
      null,
    )
  await replaceFilmMoments(
    db,
    interview.id,
    seed.moments.flatMap(m => {
      const p = stored[m.passage]
      return p
        ? [
            {
              documentaryId: m.documentaryId,
              filmStartSeconds: m.filmStartSeconds,
              filmEndSeconds: m.filmEndSeconds,
              interviewStartSeconds: p.startSeconds,
              interviewEndSeconds: p.endSeconds,
              label: m.label,
            },
          ]
        : []
    }),
  )
  await setInterviewStatus(db, interview.id, 'cleared', { accountId: null })
  await setInterviewStatus(db, interview.id, 'published', { accountId: null })
  // Relative dates keep the demo current; the workflow stamps "now".
  await db
    .updateTable('interviews')
    .set({ published_at: seed.publishedAt, cleared_at: seed.publishedAt, created_at: seed.publishedAt })
    .where('id', '=', interview.id)
    .execute()
  await recordRevision(db, interview.id, null, 'published')
  await syncInterviewSearch(db, interview.id)
  // Made first in the media lane (src/core.ts) while the demo's pictures and films' masters are made beside it.
  await enqueueJob(db, {
    kind: DEMO_INTERVIEW_MASTER_JOB,
    payload: { interviewId: interview.id, index: seed.index, name: seed.personName, role: seed.fields.personRole },
    uniqueKey: `${DEMO_INTERVIEW_MASTER_JOB}:${interview.id}`,
    maxAttempts: 3,
  })
  return { id: interview.id, passages: await listPassages(db, interview.id) }
}

/** Where a demo interview's master is stored. */
export const demoInterviewMasterKey = (interviewId: number) => `videos/demo-interviews/${interviewId}/master.mp4`

/** The handler for `interview-demo-master`: makes the master if missing, attaches it with the withheld spans as cuts, queues the transcode. */
export function createDemoInterviewMasterHandler(deps: { db: Db; storage: Storage }): JobHandler {
  return async (payload, ctx) => {
    const p = payload as { interviewId?: unknown; index?: unknown; name?: unknown; role?: unknown } | null
    if (
      typeof p?.interviewId !== 'number' ||
      typeof p.index !== 'number' ||
      typeof p.name !== 'string' ||
      typeof p.role !== 'string'
    ) {
      throw new Error(`${DEMO_INTERVIEW_MASTER_JOB}: bad payload ${JSON.stringify(payload)}`)
    }
    const { interviewId } = p
    const passages = await listPassages(deps.db, interviewId)
    const last = passages.at(-1)
    if (!last) return
    const key = demoInterviewMasterKey(interviewId)
    // Already attached: the transcode job carries it from here.
    if ((await findVideoByInterview(deps.db, interviewId))?.masterKey === key) return
    if (!(await deps.storage.stat(key))) {
      await deps.storage.put(
        key,
        await renderDemoInterviewMaster(
          { name: p.name, role: p.role, index: p.index, seconds: Math.ceil(last.endSeconds) + 1 },
          ctx.signal,
        ),
      )
    }
    await deps.db.transaction().execute(async trx => {
      const video = await upsertInterviewVideo(trx, interviewId, key)
      await setVideoCuts(trx, video.id, withheldSpans(passages))
      await enqueueTranscode(trx, video.id, { preset: 'ultrafast' })
    })
  }
}

const BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
const REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

// Dusky two-colour backgrounds, one per recording (RGB at the left edge and at the right).
const PALETTES: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [38, 52, 74, 92, 70, 58],
  [30, 60, 56, 84, 92, 66],
  [64, 42, 52, 40, 58, 88],
  [50, 50, 60, 96, 80, 52],
  [28, 44, 66, 70, 44, 70],
  [58, 62, 40, 34, 56, 72],
]

/** Renders a demo interview's recording (640×360 at 10 pictures a second, H.264 with FLAC sound, a still picture, quick to make) and returns its bytes. */
export async function renderDemoInterviewMaster(
  o: { name: string; role: string; index: number; seconds: number },
  signal?: AbortSignal,
): Promise<Buffer> {
  return renderMasterInScratch('newsreel-demo-interview-', signal, async work => {
    const [r0, g0, b0, r1, g1, b1] = PALETTES[o.index % PALETTES.length] ?? [40, 40, 40, 80, 80, 80]
    const mix = (from: number, to: number) => `'${from}+${to - from}*X/W+12*sin(Y/37)'`
    const fonts = existsSync(BOLD) && existsSync(REGULAR)
    let lowerThird = ''
    if (fonts) {
      // Names go through files, so no character in them needs filter escaping.
      await writeFile(join(work, 'name.txt'), o.name)
      await writeFile(join(work, 'role.txt'), o.role)
      await writeFile(join(work, 'clock.txt'), '%{pts:hms}')
      lowerThird =
        `,drawbox=x=0:y=ih-96:w=iw:h=72:color=black@0.6:t=fill` +
        `,drawtext=fontfile=${BOLD}:textfile=name.txt:expansion=none:fontsize=26:fontcolor=white:x=32:y=h-88` +
        `,drawtext=fontfile=${REGULAR}:textfile=role.txt:expansion=none:fontsize=17:fontcolor=0xe0e0e0:x=32:y=h-52`
    }
    // The still, drawn once: a soft gradient with a darker edge and the lower third, which never
    // changes (drawn on every frame it took two thirds of the recording's time).
    const still = (withText: boolean) => [
      '-f',
      'lavfi',
      '-i',
      'color=c=black:s=640x360:d=1',
      '-vf',
      `geq=r=${mix(r0, r1)}:g=${mix(g0, g1)}:b=${mix(b0, b1)},vignette${withText ? lowerThird : ''}`,
      '-frames:v',
      '1',
      '-y',
      'still.png',
    ]
    try {
      await runFfmpeg(still(fonts), { cwd: work, signal })
    } catch (error) {
      if (!fonts || signal?.aborted) throw error
      await runFfmpeg(still(false), { cwd: work, signal })
    }
    // Only the running clock is drawn per frame.
    const text = fonts
      ? `,drawtext=fontfile=${REGULAR}:textfile=clock.txt:fontsize=14:fontcolor=white@0.8:x=w-tw-16:y=14`
      : ''
    // Ten pictures a second: the picture is still, and a demo start makes twelve of these on a shared machine.
    // The loop filter holds the one decoded picture (looping the input decoded the PNG again for
    // every frame, most of the recording's time), converted to the film's pixel format once.
    // Without text (an ffmpeg without drawtext) the recording is made without the clock.
    const frames = o.seconds * 10
    const args = (withText: boolean) => [
      '-framerate',
      '10',
      '-i',
      'still.png',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${196 + (o.index % 8) * 33}:sample_rate=48000:duration=${o.seconds}`,
      '-t',
      String(o.seconds),
      '-vf',
      `format=yuv420p,loop=loop=${frames - 1}:size=1:start=0,setpts=N/10/TB${withText ? text : ''}`,
      '-af',
      'volume=0.25',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-tune',
      'stillimage',
      '-crf',
      '30',
      // Lossless and nearly free (FLAC; AAC took a second or two a recording): the transcode
      // encodes the sound once. An MP4 takes FLAC only when asked by ffmpeg before 6.0.
      '-c:a',
      'flac',
      '-strict',
      'experimental',
      '-shortest',
      '-movflags',
      '+faststart',
      '-y',
      'master.mp4',
    ]
    return { args, hasText: text !== '' }
  })
}
