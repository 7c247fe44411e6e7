// How readers and machines find interviews: search opens a result at the passage that matched
// (never a withheld one), the interviews feed lists new ones newest first, the sitemap lists the
// published ones, and oEmbed answers a passage or a span with a player of that moment. Runs on
// SQLite, or PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeInterview, makePerson, makeTopic } from './factories.js'
import { firstMatchingPassage, syncInterviewSearch, type Interview } from '../src/interviews/index.js'
import { replaceInterviewLinks } from '../src/interviews/store.js'
import { setWithheld } from '../src/interviews/passages.js'
import { setVideoCuts, upsertInterviewVideo } from '../src/videos/index.js'
import { markReady } from '../src/videos/store.js'

type App = Awaited<ReturnType<typeof testApp>>

const passage = (speaker: string, startSeconds: number, text: string) => ({
  speaker,
  startSeconds,
  endSeconds: startSeconds + 12,
  text,
})

const TRANSCRIPT = [
  passage('Interviewer', 0, 'Where were you when the ferry stopped running?'),
  passage('Marta Quillfeather', 12, 'At the harbour office. The ledgers were still warm from the stove.'),
  passage('Marta Quillfeather', 24, 'Off the record, the harbourmaster kept a second set of ledgers.'),
  passage('Interviewer', 36, 'And the ledgers you saw, what did they show?'),
  passage('Marta Quillfeather', 48, 'Tonnage that never arrived. We counted the missing crates by hand.'),
]

describe('finding interviews', () => {
  let t: App
  let shown: Interview
  let draft: Interview

  before(async () => {
    t = await testApp({ runJobs: false })
    const db = t.database.db
    const person = await makePerson(db, {
      slug: 'marta-quillfeather',
      name: 'Marta Quillfeather',
      jobTitle: 'Harbour clerk',
    })
    const interviewer = await makePerson(db, { slug: 'olu-brenner', name: 'Olu Brenner', jobTitle: 'Producer' })
    const topic = await makeTopic(db, { slug: 'harbours', name: 'Harbours' })
    shown = await makeInterview(db, {
      slug: 'marta-quillfeather-harbour',
      title: 'Marta Quillfeather on the harbour ledgers',
      personId: person.id,
      personRole: 'Harbour clerk',
      summary: 'The clerk who counted what the ferry never carried.',
      passages: TRANSCRIPT,
      status: 'published',
    })
    await replaceInterviewLinks(db, shown.id, {
      documentaryIds: [],
      topicIds: [topic.id],
      interviewerIds: [interviewer.id],
    })
    await setWithheld(db, shown.id, [2], 'off-the-record')
    await syncInterviewSearch(db, shown.id)
    draft = await makeInterview(db, {
      slug: 'unpublished-talk',
      title: 'An unpublished talk',
      personId: person.id,
      passages: TRANSCRIPT,
      status: 'cleared',
    })
    await syncInterviewSearch(db, draft.id)
  })
  after(() => t.dispose())

  const apiResults = async (q: string) => {
    const res = await t.app.inject(`/api/search?q=${encodeURIComponent(q)}`)
    assert.equal(res.statusCode, 200, res.body)
    return (res.json() as { results: { kind: string; title: string; url: string }[] }).results.filter(
      r => r.kind === 'interview',
    )
  }

  it('search finds an interview by its transcript and opens it at the passage that matched', async () => {
    const [hit, ...rest] = await apiResults('crates')
    assert.equal(rest.length, 0, 'the unpublished interview is not found')
    assert.equal(hit?.url, '/interviews/marta-quillfeather-harbour#p-5')
    const page = await t.app.inject('/search?q=ledgers')
    assert.match(page.body, /href="\/interviews\/marta-quillfeather-harbour#p-2"/)
  })

  it('a result never opens at a withheld passage, and a phrase must match in order', async () => {
    assert.deepEqual(await apiResults('harbourmaster'), [], 'withheld words are not indexed')
    assert.equal((await firstMatchingPassage(t.database.db, shown.id, 'second set'))?.position, undefined)
    assert.equal((await apiResults('ledgers you saw'))[0]?.url, '/interviews/marta-quillfeather-harbour#p-4')
    assert.equal((await firstMatchingPassage(t.database.db, shown.id, '"ledgers were still"'))?.position, 1)
    assert.equal((await firstMatchingPassage(t.database.db, shown.id, '"still ledgers"'))?.position, undefined)
  })

  it('a result that matched the title alone opens at the top of the page, and word forms match', async () => {
    assert.equal((await apiResults('quillfeather'))[0]?.url, '/interviews/marta-quillfeather-harbour')
    assert.equal((await firstMatchingPassage(t.database.db, shown.id, 'counting'))?.position, 4)
    assert.equal((await firstMatchingPassage(t.database.db, shown.id, 'ferr*'))?.position, 0)
  })

  it('odd input is never an error: operators, stray quotes and prefixes still open at a passage', async () => {
    for (const q of ['"crates', 'crates"); --', '(crates)', 'cra*', '¿crates?']) {
      assert.equal((await apiResults(q))[0]?.url, '/interviews/marta-quillfeather-harbour#p-5', q)
    }
    assert.equal((await t.app.inject(`/search?q=${encodeURIComponent('"""')}`)).statusCode, 200)
    assert.equal(await firstMatchingPassage(t.database.db, shown.id, '***'), undefined)
    assert.equal(await firstMatchingPassage(t.database.db, shown.id + 1000, 'crates'), undefined)
  })

  it('the interviews feed lists published interviews newest first, with interviewers and topics', async () => {
    const second = await makeInterview(t.database.db, {
      slug: 'a-second-talk',
      title: 'A second talk',
      status: 'published',
      passages: TRANSCRIPT,
    })
    const res = await t.app.inject('/interviews/feed.xml')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8')
    const links = [...res.body.matchAll(/<link>([^<]+)<\/link>/g)].map(m => m[1])
    assert.deepEqual(links.slice(1), [
      `https://news.example.org/interviews/${second.slug}`,
      'https://news.example.org/interviews/marta-quillfeather-harbour',
    ])
    assert.ok(!res.body.includes('unpublished-talk'))
    assert.match(res.body, /<dc:creator>Olu Brenner<\/dc:creator>/)
    assert.match(res.body, /<category>Harbours<\/category>/)
    assert.match((await t.app.inject('/interviews/feed.atom')).body, /<entry>/)
  })

  it('the sitemap lists published interviews and the interviews page, not drafts', async () => {
    const res = await t.app.inject('/sitemap.xml')
    assert.match(res.body, /<loc>https:\/\/news\.example\.org\/interviews<\/loc>/)
    assert.match(res.body, /<loc>https:\/\/news\.example\.org\/interviews\/marta-quillfeather-harbour<\/loc>/)
    assert.ok(!res.body.includes('unpublished-talk'))
  })
})

describe('oEmbed for a moment of an interview', () => {
  let t: App
  const SLUG = 'tomas-ledger-interview'
  const page = `https://news.example.org/interviews/${SLUG}`
  const oembed = (url: string) => t.app.inject(`/oembed?url=${encodeURIComponent(url)}&format=json`)

  before(async () => {
    t = await testApp({ runJobs: false })
    const db = t.database.db
    const interview = await makeInterview(db, {
      slug: SLUG,
      title: 'Tomas on the ledgers',
      passages: TRANSCRIPT,
      status: 'published',
    })
    await setWithheld(db, interview.id, [2], 'off-the-record')
    // The row as a finished transcode leaves it; the page and oEmbed read only the row.
    const video = await upsertInterviewVideo(db, interview.id, `masters/i${interview.id}.mp4`)
    await setVideoCuts(db, video.id, [[24, 36]])
    const prefix = `videos/${video.id}/live1`
    assert.ok(
      await markReady(db, video.id, {
        outputPrefix: prefix,
        masterKey: video.masterKey,
        cuts: [[24, 36]],
        durationSeconds: 60,
        width: 640,
        height: 360,
        renditions: [{ height: 360, width: 640, bandwidth: 800_000, playlistKey: `${prefix}/360p/index.m3u8` }],
        posterKey: `${prefix}/poster.jpg`,
        mp4Key: `${prefix}/film.mp4`,
        thumbnailsKey: null,
      }),
    )
    await makeInterview(db, { slug: 'cleared-not-published', passages: TRANSCRIPT, status: 'cleared' })
  })
  after(() => t.dispose())

  it('a passage address embeds a player of just that passage', async () => {
    const res = await oembed(`${page}#p-2`)
    assert.equal(res.statusCode, 200, res.body)
    const answer = res.json() as {
      type: string
      title: string
      html: string
      width: number
      height: number
      thumbnail_url: string
    }
    assert.equal(answer.type, 'video')
    assert.equal(answer.title, 'Tomas on the ledgers (0:12–0:24)')
    assert.match(
      answer.html,
      new RegExp(`<iframe src="https://news\\.example\\.org/embed/interviews/${SLUG}\\?t=12-24"`),
    )
    assert.deepEqual([answer.width, answer.height], [640, 360])
    const embed = await t.app.inject(`/embed/interviews/${SLUG}?t=12-24`)
    assert.equal(embed.statusCode, 200)
    assert.match(embed.body, /data-start="12" data-end="24"/)
    assert.match(embed.body, /film\.mp4#t=12,24/)
    assert.match(embed.body, /Watch the full interview from 0:12/)
    assert.equal(embed.headers['x-frame-options'], undefined, 'other sites may frame it')
  })

  it('a span address embeds that span, and the bare page the whole recording', async () => {
    const span = (await oembed(`${page}?t=40-59.5`)).json() as { html: string }
    assert.match(span.html, /\?t=40-59\.5"/)
    const whole = (await oembed(page)).json() as { html: string; title: string }
    assert.equal(whole.title, 'Tomas on the ledgers')
    assert.match(whole.html, new RegExp(`/embed/interviews/${SLUG}"`))
    const embed = await t.app.inject(`/embed/interviews/${SLUG}`)
    assert.match(embed.body, new RegExp(`src="/interviews/${SLUG}/captions\\.vtt"`))
  })

  it('a withheld passage, a missing one, an unknown or unpublished interview are 404', async () => {
    for (const url of [
      `${page}#p-3`,
      `${page}#p-6`,
      'https://news.example.org/interviews/no-such-talk#p-1',
      'https://news.example.org/interviews/cleared-not-published',
    ]) {
      assert.equal((await oembed(url)).statusCode, 404, url)
    }
    assert.equal((await t.app.inject('/embed/interviews/no-such-talk?t=1-2')).statusCode, 404)
  })

  it('a malformed fragment or span is a 400 that says what a good one looks like', async () => {
    const cases: Array<[string, RegExp]> = [
      [`${page}#p-abc`, /#p-12/],
      [`${page}#p-0`, /#p-12/],
      [`${page}?t=30-10`, /must end after it starts/],
      [`${page}?t=abc`, /t=63-95/],
      [`${page}?t=20-30`, /withheld/],
      [`${page}?t=50-90`, /past the end/],
    ]
    for (const [url, message] of cases) {
      const res = await oembed(url)
      assert.equal(res.statusCode, 400, url)
      assert.match(res.body, message, url)
    }
    const res = await t.app.inject(`/embed/interviews/${SLUG}?t=20-30`)
    assert.equal(res.statusCode, 400)
    assert.equal((await t.app.inject(`/embed/interviews/${SLUG}?t=${'9'.repeat(60)}`)).statusCode, 400)
  })
})
