// The scene the interview page tests share: a film, a published interview recorded for it (a
// withheld passage, a note, a film moment, an interviewer, a topic), a draft, and a published
// interview with no film; and, for the browser, a real 12-second recording made by ffmpeg.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../src/db/index.js'
import type { Storage } from '../src/platform/storage/index.js'
import { upsertInterviewVideo } from '../src/videos/index.js'
import { replaceInterviewLinks } from '../src/interviews/store.js'
import { replaceFilmMoments } from '../src/interviews/film-moments.js'
import { insertNote, listPassages, setWithheld } from '../src/interviews/passages.js'
import type { Passage } from '../src/interviews/transcript-files.js'
import { makeDocumentary, makeInterview, makePerson, makeTopic } from './factories.js'
import { ffmpeg } from './media-fixtures.js'

/** Words that are withheld: they must appear nowhere a reader can fetch. */
export const SECRET = 'Quillmoor ledger'

/** Eight passages of 1.5 s over the 12 s recording; the fourth is withheld. */
export const PASSAGES: Passage[] = [
  { speaker: 'Tomas Vell', startSeconds: 0, endSeconds: 1.5, text: 'Where were you when the harbour office closed?' },
  {
    speaker: 'Ines Marrow',
    startSeconds: 1.5,
    endSeconds: 3,
    text: 'At the tide desk, counting barges that never came.',
  },
  { speaker: 'Tomas Vell', startSeconds: 3, endSeconds: 4.5, text: 'Who signed the order?' },
  { speaker: 'Ines Marrow', startSeconds: 4.5, endSeconds: 6, text: `Off the record, it was the ${SECRET} keeper.` },
  {
    speaker: 'Ines Marrow',
    startSeconds: 6,
    endSeconds: 7.5,
    text: 'The barges were rerouted north <overnight> & nobody asked why.',
  },
  { speaker: 'Tomas Vell', startSeconds: 7.5, endSeconds: 9, text: 'Did the harbour master know?' },
  { speaker: 'Ines Marrow', startSeconds: 9, endSeconds: 10.5, text: 'He knew the barges by name.' },
  { speaker: 'Ines Marrow', startSeconds: 10.5, endSeconds: 12, text: 'That is why the harbour went quiet.' },
]

export interface InterviewScene {
  filmSlug: string
  filmTitle: string
  personSlug: string
  personName: string
  otherPersonSlug: string
  topicSlug: string
  interviewId: number
  slug: string
  draftSlug: string
  draftTitle: string
  loneSlug: string
  loneTitle: string
}

export async function makeInterviewScene(db: Db): Promise<InterviewScene> {
  const film = await makeDocumentary(db, { slug: 'the-quiet-harbour', title: 'The Quiet Harbour' })
  const person = await makePerson(db, { slug: 'ines-marrow', name: 'Ines Marrow' })
  const interviewer = await makePerson(db, { slug: 'tomas-vell', name: 'Tomas Vell' })
  const other = await makePerson(db, { slug: 'odile-fenn', name: 'Odile Fenn' })
  const topic = await makeTopic(db, { slug: 'shipping', name: 'Shipping' })
  const interview = await makeInterview(db, {
    slug: 'ines-marrow-harbour',
    title: 'Ines Marrow on the harbour closure',
    personId: person.id,
    personRole: 'Tide clerk, harbour office',
    recordedOn: '2026-02-03',
    place: 'Portsevern',
    summary: 'The clerk who counted the barges recalls the night the office closed.',
    status: 'published',
    passages: PASSAGES,
  })
  await replaceInterviewLinks(db, interview.id, {
    documentaryIds: [film.id],
    topicIds: [topic.id],
    interviewerIds: [interviewer.id],
  })
  await setWithheld(db, interview.id, [3], 'off-the-record')
  const passages = await listPassages(db, interview.id)
  await insertNote(
    db,
    interview.id,
    passages[6]!.id,
    { kind: 'disputed', body: 'The harbour master denies this.', linkUrl: 'https://example.org/statement' },
    null,
  )
  await replaceFilmMoments(db, interview.id, [
    {
      documentaryId: film.id,
      label: 'The barges',
      filmStartSeconds: 754,
      filmEndSeconds: 770,
      interviewStartSeconds: 6,
      interviewEndSeconds: 9,
    },
  ])
  const draft = await makeInterview(db, {
    slug: 'unpublished-talk',
    title: 'An unpublished talk',
    personId: person.id,
    passages: PASSAGES.slice(0, 2),
  })
  await replaceInterviewLinks(db, draft.id, { documentaryIds: [film.id], topicIds: [topic.id], interviewerIds: [] })
  const lone = await makeInterview(db, {
    slug: 'odile-fenn-lighthouse',
    title: 'Odile Fenn at the lighthouse',
    personId: other.id,
    personRole: 'Lighthouse keeper',
    recordedOn: null,
    place: 'Cape Morrow',
    summary: 'A keeper on the lamp.',
    status: 'published',
    passages: PASSAGES.slice(0, 3),
  })
  // Its recording is still being prepared.
  await upsertInterviewVideo(db, lone.id, 'masters/lighthouse.mp4')
  return {
    filmSlug: film.slug,
    filmTitle: film.title,
    personSlug: person.slug,
    personName: person.name,
    otherPersonSlug: other.slug,
    topicSlug: topic.slug,
    interviewId: interview.id,
    slug: interview.slug,
    draftSlug: draft.slug,
    draftTitle: draft.title,
    loneSlug: lone.slug,
    loneTitle: lone.title,
  }
}

/**
 * Gives the interview a ready recording as the pipeline stores it. With `real`, ffmpeg makes a
 * 12 s, 320x180 H.264/AAC film with HLS segments the browser can play; without, the rows only.
 */
export async function storeReadyRecording(db: Db, storage: Storage, interviewId: number, real: boolean): Promise<void> {
  const prefix = `videos/interviews/${interviewId}/fixture`
  if (real) {
    const dir = mkdtempSync(join(tmpdir(), 'newsreel-interview-'))
    try {
      const mp4 = join(dir, 'film.mp4')
      ffmpeg(
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=320x180:rate=25:duration=12',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=12',
        '-c:v',
        'libx264',
        '-profile:v',
        'main',
        '-level',
        '3.0',
        '-pix_fmt',
        'yuv420p',
        '-g',
        '25',
        '-keyint_min',
        '25',
        '-sc_threshold',
        '0',
        '-c:a',
        'aac',
        '-b:a',
        '64k',
        '-ac',
        '2',
        '-movflags',
        '+faststart',
        mp4,
      )
      ffmpeg(
        '-i',
        mp4,
        '-c',
        'copy',
        '-f',
        'hls',
        '-hls_time',
        '2',
        '-hls_playlist_type',
        'vod',
        '-hls_segment_filename',
        join(dir, 'seg%03d.ts'),
        join(dir, 'index.m3u8'),
      )
      ffmpeg('-ss', '1', '-i', mp4, '-frames:v', '1', join(dir, 'poster.jpg'))
      for (const name of readdirSync(dir)) await storage.put(`${prefix}/hls/${name}`, readFileSync(join(dir, name)))
      await storage.put(
        `${prefix}/master.m3u8`,
        Buffer.from(
          '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180,CODECS="avc1.4d401e,mp4a.40.2"\nhls/index.m3u8\n',
        ),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const video = await upsertInterviewVideo(db, interviewId, `${prefix}/hls/film.mp4`)
  await db
    .updateTable('videos')
    .set({
      status: 'ready',
      progress: 1,
      duration_seconds: 12,
      width: 320,
      height: 180,
      output_prefix: prefix,
      live_prefix: prefix,
      poster_key: `${prefix}/hls/poster.jpg`,
      mp4_key: `${prefix}/hls/film.mp4`,
    })
    .where('id', '=', video.id)
    .execute()
}
