// Podcasts end to end through the app, as the newsroom and listeners meet them: a show and an
// episode made in the newsroom (bad input refused with nothing stored), audio uploaded and
// normalised by the real job, transcript and chapters, the public pages, the feed read by two
// real podcast feed parsers, byte ranges on the audio, drafts kept out of sight, and roles.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Parser from 'rss-parser'
import { parseFeed } from 'podcast-partytime'
import { testApp } from './helpers.js'
import { postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { makeImage } from './factories.js'
import { ffmpeg } from './media-fixtures.js'
import { saveSettings } from '../src/settings/index.js'
import {
  PUBLISH_EPISODE_JOB,
  findEpisodeById,
  findShowBySlug,
  publishScheduledEpisode,
  type Episode,
} from '../src/podcasts/index.js'
import { findJobByKey } from '../src/platform/jobs/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const b64 = (s: string) => Buffer.from(s).toString('base64')
const PUBLIC_URL = 'https://news.example.org'

/** UUIDv5 written out here from RFC 4122, so the app's own helper is checked against an independent computation. */
function referenceUuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name)
    .digest('hex')
  const variant = ((parseInt(hash.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(18, 20)}-${hash.slice(20, 32)}`
}

const SHOW = {
  title: 'Night Desk',
  slug: 'night-desk',
  description: 'Stories from the overnight shift & what it hears.\n\nEvery other week.',
  artworkId: '',
  category: 'News|Daily News',
  explicit: '',
  ownerName: 'Night Desk team',
  ownerEmail: 'night@example.org',
  author: 'The Example Newsroom',
  language: 'en',
  showType: 'episodic',
  copyright: '© 2026 Example',
}
const NOTES = JSON.stringify({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Notes with <angle> & ampersands, and ' },
        { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: '/about' } }] },
      ],
    },
  ],
})
const EPISODE = {
  title: 'The 3 a.m. call',
  slug: 'the-3am-call',
  number: '4',
  season: '2',
  episodeType: 'full',
  status: 'draft',
  publishedAt: '',
  summary: 'Who calls a newsroom at 3 a.m.',
  showNotes: NOTES,
}
const TRANSCRIPT =
  'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Ana Ruiz>Good evening &amp; welcome.\n\n00:00:03.000 --> 00:00:06.000\n<v Ben Oduya>The phones start at three.\n'

describe('podcasts', () => {
  let t: TestApp
  let editor: Browser
  let author: Browser
  let contributor: Browser
  let master: Buffer
  let showId: number
  let episodeId: number
  let guid: string

  before(async () => {
    t = await testApp()
    editor = await signInAs(t, 'editor')
    author = await signInAs(t, 'author')
    contributor = await signInAs(t, 'contributor')
    const file = join(t.config.dataDir, 'master.wav')
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=300:sample_rate=44100:duration=8',
      '-af',
      'volume=0.1',
      '-c:a',
      'pcm_s16le',
      file,
    )
    master = readFileSync(file)
  })
  after(() => t.dispose())

  const count = async (table: 'podcast_shows' | 'podcast_episodes' | 'podcast_chapters') =>
    (await t.database.db.selectFrom(table).select('id').execute()).length
  const json = (browser: Browser) => ({
    cookie: browser.cookie,
    'x-csrf-token': browser.csrf,
    accept: 'application/json',
  })

  /** Uploads a file through the resumable upload API; answers the last response. */
  async function upload(file: Buffer, kind: string, filename: string) {
    const started = await t.app.inject({
      method: 'POST',
      url: '/newsroom/api/uploads',
      headers: {
        ...json(editor),
        'upload-length': String(file.length),
        'upload-metadata': `kind ${b64(kind)},filename ${b64(filename)}`,
      },
    })
    assert.equal(started.statusCode, 201, started.body)
    return t.app.inject({
      method: 'PATCH',
      url: String(started.headers.location),
      payload: file,
      headers: { ...json(editor), 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    })
  }

  async function waitForAudio(id: number): Promise<Episode> {
    for (let i = 0; i < 600; i++) {
      const episode = await findEpisodeById(t.database.db, id)
      if (episode?.audioStatus === 'ready' || episode?.audioStatus === 'failed') return episode
      t.jobs.wake()
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    throw new Error('the audio job did not finish in 60 s')
  }

  it('refuses a bad show form with each problem at its field, storing nothing', async () => {
    const res = await postForm(t, editor, '/newsroom/podcasts', {
      ...SHOW,
      title: '',
      slug: 'Bad Slug',
      category: 'Cooking',
      ownerEmail: 'not-an-address',
      language: 'English!',
      showType: 'weekly',
      artworkId: '999999',
    })
    assert.equal(res.statusCode, 400)
    for (const id of ['title', 'slug', 'category', 'ownerEmail', 'language', 'showType', 'artworkId'])
      assert.match(res.body, new RegExp(`href="#${id}"`), id)
    const sub = await postForm(t, editor, '/newsroom/podcasts', { ...SHOW, category: 'News|Documentary' })
    assert.equal(sub.statusCode, 400)
    assert.match(sub.body, /not a subcategory of News/)
    // Apple Podcasts refuses a show whose artwork is not a square JPEG or PNG of 1400 to 3000 pixels.
    for (const [picture, reason] of [
      [{ width: 1600, height: 900 }, /square \(this one is 1600 × 900\)/],
      [{ width: 600, height: 600 }, /1400 to 3000 pixels a side \(this one is 600\)/],
      [{ width: 4000, height: 4000 }, /1400 to 3000 pixels a side \(this one is 4000\)/],
      [{ width: 1400, height: 1400, contentType: 'image/webp' }, /a JPEG or PNG file/],
    ] as const) {
      const art = await makeImage(t.database.db, { alt: 'Cover', ...picture })
      const refused = await postForm(t, editor, '/newsroom/podcasts', { ...SHOW, artworkId: String(art.id) })
      assert.equal(refused.statusCode, 400)
      assert.match(refused.body, reason)
      assert.match(refused.body, /href="#artworkId"/)
    }
    assert.equal(await count('podcast_shows'), 0)
  })

  it('creates a show whose podcast:guid is the namespace’s UUIDv5 of its feed URL, and keeps it when the slug changes', async () => {
    const art = await makeImage(t.database.db, { width: 1400, height: 1400, alt: 'Night Desk artwork' })
    const res = await postForm(t, editor, '/newsroom/podcasts', { ...SHOW, artworkId: String(art.id) })
    assert.equal(res.statusCode, 303, res.body.slice(0, 800))
    const show = await findShowBySlug(t.database.db, 'night-desk')
    assert.ok(show)
    showId = show.id
    const expected = referenceUuidV5(
      'news.example.org/podcasts/night-desk/feed.xml',
      'ead4c236-bf58-58c6-a2c6-a6b28d128cb6',
    )
    assert.equal(show.podcastGuid, expected)
    assert.equal(show.category, 'News')
    assert.equal(show.subcategory, 'Daily News')
    const renamed = await postForm(t, editor, `/newsroom/podcasts/${showId}`, {
      ...SHOW,
      artworkId: String(art.id),
      slug: 'night-desk-renamed',
    })
    assert.equal(renamed.statusCode, 303)
    assert.equal((await findShowBySlug(t.database.db, 'night-desk-renamed'))?.podcastGuid, expected)
    assert.equal(
      (await postForm(t, editor, `/newsroom/podcasts/${showId}`, { ...SHOW, artworkId: String(art.id) })).statusCode,
      303,
    )
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', `podcast:${showId}`)
      .execute()
    assert.deepEqual(audit.map(a => a.action).sort(), ['podcast-created', 'podcast-updated', 'podcast-updated'])
  })

  it('refuses a bad episode form (show notes, numbers, dates) storing nothing, then creates a draft', async () => {
    const bad = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, {
      ...EPISODE,
      number: 'four',
      season: '-1',
      episodeType: 'teaser',
      status: 'published',
      publishedAt: '2999-01-01',
      showNotes: JSON.stringify({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
          },
        ],
      }),
    })
    assert.equal(bad.statusCode, 400)
    for (const id of ['number', 'season', 'episodeType', 'publishedAt', 'show-notes'])
      assert.match(bad.body, new RegExp(`href="#${id}"`), id)
    assert.equal(
      (await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, { ...EPISODE, showNotes: '{not json' }))
        .statusCode,
      400,
    )
    assert.equal(await count('podcast_episodes'), 0)
    const res = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, EPISODE)
    assert.equal(res.statusCode, 303, res.body.slice(0, 800))
    episodeId = Number(/\/newsroom\/episodes\/(\d+)/.exec(String(res.headers.location))?.[1])
    const episode = await findEpisodeById(t.database.db, episodeId)
    assert.ok(episode)
    assert.match(episode.guid, /^[0-9a-f-]{36}$/)
    guid = episode.guid
    const dup = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, EPISODE)
    assert.equal(dup.statusCode, 409)
    assert.equal(await count('podcast_episodes'), 1)
  })

  it('keeps a draft off the site and out of the feed', async () => {
    assert.equal((await t.app.inject('/podcasts/night-desk/the-3am-call')).statusCode, 404)
    const feed = await t.app.inject('/podcasts/night-desk/feed.xml')
    assert.equal(feed.statusCode, 200)
    assert.doesNotMatch(feed.body, /<item>/)
    assert.doesNotMatch((await t.app.inject('/podcasts/night-desk')).body, /The 3 a\.m\. call/)
  })

  it('refuses uploads that are not audio, storing nothing', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082',
      'hex',
    )
    const asAudio = await upload(png, 'audio', 'episode.mp3')
    assert.equal(asAudio.statusCode, 415)
    assert.match(asAudio.body, /contents are image\/png/)
    const film = join(t.config.dataDir, 'silent.mp4')
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x90:rate=10:duration=1',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      film,
    )
    const silent = await upload(readFileSync(film), 'audio', 'interview.mp4')
    assert.equal(silent.statusCode, 415)
    assert.match(silent.body, /no audio stream/)
    const rows = await t.database.db.selectFrom('uploads').select('id').where('kind', '=', 'audio').execute()
    assert.equal(rows.length, 0)
    // A finished upload of another kind cannot be attached as the audio.
    const vtt = await upload(Buffer.from(TRANSCRIPT), 'captions', 'a.vtt')
    const attach = await postForm(t, editor, `/newsroom/episodes/${episodeId}/audio`, {
      upload: JSON.parse(vtt.body).upload.id,
    })
    assert.equal(attach.statusCode, 400)
    assert.equal((await findEpisodeById(t.database.db, episodeId))?.audioStatus, 'none')
  })

  it('normalises uploaded audio with the job, measuring its duration', async () => {
    const done = await upload(master, 'audio', 'master.wav')
    assert.equal(done.statusCode, 200, done.body)
    const id = JSON.parse(done.body).upload.id as string
    const attach = await t.app.inject({
      method: 'POST',
      url: `/newsroom/episodes/${episodeId}/audio`,
      headers: { ...json(editor), 'content-type': 'application/json' },
      payload: { upload: id },
    })
    assert.equal(attach.statusCode, 200, attach.body)
    assert.equal(JSON.parse(attach.body).status, 'queued')
    const episode = await waitForAudio(episodeId)
    assert.equal(episode.audioStatus, 'ready', episode.audioError ?? '')
    assert.ok(Math.abs((episode.durationSeconds ?? 0) - 8) < 0.2)
    assert.equal(episode.guid, guid)
  })

  it('checks transcripts and chapters, saving nothing from a bad one', async () => {
    // Markup is refused by the upload itself; a WebVTT file that is wrong inside is refused when attached.
    assert.equal(
      (
        await upload(
          Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<script>alert(1)</script>\n'),
          'captions',
          'evil.vtt',
        )
      ).statusCode,
      415,
    )
    const backwards = await upload(
      Buffer.from(
        'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nToo late\n\n00:00:01.000 --> 00:00:02.000\n<marquee>x</marquee>\n',
      ),
      'captions',
      'bad.vtt',
    )
    const refused = await postForm(t, editor, `/newsroom/episodes/${episodeId}/transcript`, {
      upload: JSON.parse(backwards.body).upload.id,
    })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /ends \(00:00:01.000\) before it starts/)
    assert.match(refused.body, /the tag &lt;marquee(&gt;|>) is not allowed/)
    assert.equal((await findEpisodeById(t.database.db, episodeId))?.transcriptKey, null)
    const good = await upload(Buffer.from(TRANSCRIPT), 'captions', 'transcript.vtt')
    assert.equal(
      (
        await postForm(t, editor, `/newsroom/episodes/${episodeId}/transcript`, {
          upload: JSON.parse(good.body).upload.id,
        })
      ).statusCode,
      303,
    )

    const past = await postForm(t, editor, `/newsroom/episodes/${episodeId}/chapters`, {
      chapters: '0:00 Start\n0:09 After the end',
    })
    assert.equal(past.statusCode, 400)
    assert.match(past.body, /after the episode ends/)
    const garbled = await postForm(t, editor, `/newsroom/episodes/${episodeId}/chapters`, {
      chapters: 'soon Start\n0:04',
    })
    assert.equal(garbled.statusCode, 400)
    assert.match(garbled.body, /Line 1/)
    assert.match(garbled.body, /Line 2/)
    assert.equal(await count('podcast_chapters'), 0)
    assert.equal(
      (
        await postForm(t, editor, `/newsroom/episodes/${episodeId}/chapters`, {
          chapters: '0:00 Cold open\n0:04 The call',
        })
      ).statusCode,
      303,
    )
    assert.equal(await count('podcast_chapters'), 2)
  })

  it('publishes the episode: its page has the player, chapters, show notes, transcript and JSON-LD; its GUID never changed', async () => {
    await t.app.inject('/podcasts/night-desk') // cached, then dropped by the publish
    const res = await postForm(t, editor, `/newsroom/episodes/${episodeId}`, {
      ...EPISODE,
      status: 'published',
      title: 'The 3 a.m. call (updated)',
    })
    assert.equal(res.statusCode, 303)
    const episode = await findEpisodeById(t.database.db, episodeId)
    assert.equal(episode?.guid, guid)
    assert.ok(episode?.publishedAt)
    const page = await t.app.inject('/podcasts/night-desk/the-3am-call')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<audio class="podcast-player__audio" controls/)
    assert.match(page.body, new RegExp(`<source src="/media/${episode.m4aKey}" type="audio/mp4"/>`))
    assert.match(page.body, new RegExp(`<source src="/media/${episode.mp3Key}" type="audio/mpeg"/>`))
    assert.match(page.body, /data-chapter-start="4"/)
    assert.match(page.body, /Notes with &lt;angle&gt; &amp; ampersands/)
    assert.match(page.body, /<strong class="transcript__speaker">Ana Ruiz: <\/strong>Good evening &amp; welcome\./)
    assert.match(page.body, /"@type":"PodcastEpisode"/)
    assert.match(page.body, /"@type":"PodcastSeries"/)
    assert.match(page.body, /<script type="module" src="\/assets\/podcast-player\.[^"]+\.js"/)
    const show = await t.app.inject('/podcasts/night-desk')
    assert.equal(show.headers['x-cache'], undefined, 'the show page was dropped from the cache')
    assert.match(show.body, /The 3 a\.m\. call \(updated\)/)
    assert.match(show.body, /href="\/podcasts\/night-desk\/feed\.xml"/)
    const list = await t.app.inject('/podcasts')
    assert.match(list.body, /Night Desk/)
    assert.match(list.body, /1 episode/)
    assert.match((await t.app.inject('/')).body, /href="\/podcasts"/, 'Podcasts is in the navigation')
    const sitemap = (await t.app.inject('/sitemap.xml')).body
    assert.ok(
      sitemap.includes(`${PUBLIC_URL}/podcasts/night-desk/the-3am-call</loc>`) &&
        sitemap.includes(`${PUBLIC_URL}/podcasts</loc>`),
      'the sitemap lists the episode',
    )
  })

  it('serves a feed that rss-parser and podcast-partytime both read, with Apple’s and Podcasting 2.0’s tags', async () => {
    const res = await t.app.inject('/podcasts/night-desk/feed.xml')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^application\/rss\+xml/)
    assert.ok(res.headers.etag)
    assert.equal(
      (
        await t.app.inject({
          url: '/podcasts/night-desk/feed.xml',
          headers: { 'if-none-match': String(res.headers.etag) },
        })
      ).statusCode,
      304,
    )
    const xml = res.body
    const episode = (await findEpisodeById(t.database.db, episodeId))!
    const show = (await findShowBySlug(t.database.db, 'night-desk'))!

    const parser = new Parser({
      customFields: {
        feed: ['itunes:type', 'podcast:guid', 'podcast:locked', 'copyright', 'language'] as never[],
        item: [
          'itunes:duration',
          'itunes:episode',
          'itunes:season',
          'itunes:episodeType',
          'itunes:explicit',
          'content:encoded',
          'podcast:transcript',
          'podcast:chapters',
        ] as never[],
      },
    })
    const feed = (await parser.parseString(xml)) as unknown as Record<string, unknown> & {
      itunes: Record<string, unknown>
      items: Record<string, unknown>[]
    }
    assert.equal(feed.title, 'Night Desk')
    assert.equal(feed.link, `${PUBLIC_URL}/podcasts/night-desk`)
    assert.equal(feed.language, 'en')
    assert.equal(feed.copyright, '© 2026 Example')
    assert.equal(feed.itunes.author, 'The Example Newsroom')
    assert.deepEqual({ ...(feed.itunes.owner as object) }, { name: 'Night Desk team', email: 'night@example.org' })
    assert.equal(feed.itunes.explicit, 'false')
    assert.match(String(feed.itunes.image), /^https:\/\/news\.example\.org\/media\/images\//)
    assert.deepEqual(feed.itunes.categories, ['News'])
    assert.deepEqual(
      (feed.itunes.categoriesWithSubs as { name: string; subs: { name: string }[] }[])[0]?.subs.map(s => s.name),
      ['Daily News'],
    )
    assert.equal(feed['itunes:type'], 'episodic')
    assert.equal(feed['podcast:guid'], show.podcastGuid)
    assert.equal(feed.items.length, 1)
    const item = feed.items[0]!
    assert.equal(item.title, 'The 3 a.m. call (updated)')
    assert.equal(item.guid, guid)
    assert.equal(item.link, `${PUBLIC_URL}/podcasts/night-desk/the-3am-call`)
    assert.deepEqual(
      { ...(item.enclosure as object) },
      { url: `${PUBLIC_URL}/media/${episode.mp3Key}`, length: String(episode.mp3Bytes), type: 'audio/mpeg' },
    )
    assert.equal(new Date(String(item.pubDate)).toISOString().slice(0, 16), episode.publishedAt!.slice(0, 16))
    assert.match(String(item.pubDate), /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    assert.equal(item['itunes:duration'], String(Math.round(episode.durationSeconds!)))
    assert.equal(item['itunes:episode'], '4')
    assert.equal(item['itunes:season'], '2')
    assert.equal(item['itunes:episodeType'], 'full')
    assert.equal(item['itunes:explicit'], 'false')
    assert.match(
      String(item['content:encoded']),
      /<p>Notes with &lt;angle&gt; &amp; ampersands, and <a href="https:\/\/news\.example\.org\/about">a link<\/a><\/p>/,
    )
    assert.match(xml, /<guid isPermaLink="false">/)
    assert.match(
      xml,
      /<atom:link href="https:\/\/news\.example\.org\/podcasts\/night-desk\/feed\.xml" rel="self" type="application\/rss\+xml"\/>/,
    )
    assert.match(xml, /<itunes:category text="News">\s*<itunes:category text="Daily News"\/>\s*<\/itunes:category>/)

    const pt = parseFeed(xml)
    assert.ok(pt, 'partytime parsed the feed')
    assert.equal(pt.title, 'Night Desk')
    assert.equal(pt.guid, show.podcastGuid)
    assert.equal(pt.locked, false)
    assert.equal(pt.explicit, false)
    assert.equal(pt.itunesType, 'episodic')
    assert.deepEqual({ ...pt.owner }, { name: 'Night Desk team', email: 'night@example.org' })
    assert.ok(
      pt.itunesCategory?.some(c => /news/i.test(c)),
      JSON.stringify(pt.itunesCategory),
    )
    const ep = pt.items[0]!
    assert.equal(ep.guid, guid)
    assert.equal(ep.duration, Math.round(episode.durationSeconds!))
    assert.equal(ep.enclosure.length, episode.mp3Bytes)
    assert.equal(ep.enclosure.type, 'audio/mpeg')
    assert.equal(ep.itunesEpisode, 4)
    assert.equal(ep.itunesSeason, 2)
    assert.equal(ep.podcastChapters?.url, `${PUBLIC_URL}/podcasts/night-desk/the-3am-call/chapters.json`)
    assert.equal(ep.podcastChapters?.type, 'application/json+chapters')
    assert.equal(ep.podcastTranscripts?.[0]?.url, `${PUBLIC_URL}/podcasts/night-desk/the-3am-call/transcript.vtt`)
    assert.equal(ep.podcastTranscripts?.[0]?.type, 'text/vtt')
  })

  it('search finds a published episode by a line of its transcript, and forgets the line when the transcript goes', async () => {
    const found = async () => {
      const res = await t.app.inject('/api/search?q=%22phones%20start%22&type=episode')
      assert.equal(res.statusCode, 200, res.body)
      return (
        res.json() as { results: { title: string; highlights: { snippet: { text: string; match: boolean }[] } }[] }
      ).results
    }
    const [hit] = await found()
    assert.equal(hit?.title, 'The 3 a.m. call (updated)')
    // SQLite marks the phrase as one stretch, PostgreSQL each word.
    assert.equal(
      hit?.highlights.snippet
        .filter(s => s.match)
        .map(s => s.text)
        .join(' '),
      'phones start',
      'the words are marked in the transcript line',
    )
    assert.equal((await postForm(t, editor, `/newsroom/episodes/${episodeId}/transcript/remove`, {})).statusCode, 303)
    assert.deepEqual(await found(), [])
    const again = await upload(Buffer.from(TRANSCRIPT), 'captions', 'transcript.vtt')
    assert.equal(
      (
        await postForm(t, editor, `/newsroom/episodes/${episodeId}/transcript`, {
          upload: JSON.parse(again.body).upload.id,
        })
      ).statusCode,
      303,
    )
    assert.equal((await found()).length, 1)
  })

  it('serves the chapters (JSON chapters 1.2.0) and the transcript at their feed addresses', async () => {
    const chapters = await t.app.inject('/podcasts/night-desk/the-3am-call/chapters.json')
    assert.equal(chapters.statusCode, 200)
    assert.match(String(chapters.headers['content-type']), /^application\/json\+chapters/)
    assert.deepEqual(JSON.parse(chapters.body), {
      version: '1.2.0',
      title: 'The 3 a.m. call (updated)',
      chapters: [
        { startTime: 0, title: 'Cold open' },
        { startTime: 4, title: 'The call' },
      ],
    })
    const vtt = await t.app.inject('/podcasts/night-desk/the-3am-call/transcript.vtt')
    assert.equal(vtt.statusCode, 200)
    assert.match(String(vtt.headers['content-type']), /^text\/vtt/)
    assert.match(vtt.body, /^WEBVTT/)
  })

  it('answers byte ranges of the audio with 206 and the right content types', async () => {
    const episode = (await findEpisodeById(t.database.db, episodeId))!
    const mp3 = await t.app.inject({ url: `/media/${episode.mp3Key}`, headers: { range: 'bytes=0-99' } })
    assert.equal(mp3.statusCode, 206)
    assert.equal(mp3.headers['content-type'], 'audio/mpeg')
    assert.equal(mp3.headers['content-range'], `bytes 0-99/${episode.mp3Bytes}`)
    assert.equal(mp3.rawPayload.length, 100)
    const tail = await t.app.inject({ url: `/media/${episode.m4aKey}`, headers: { range: 'bytes=-10' } })
    assert.equal(tail.statusCode, 206)
    assert.equal(tail.headers['content-type'], 'audio/mp4')
    assert.equal(tail.headers['x-content-type-options'], 'nosniff')
    assert.equal(
      (await t.app.inject({ url: `/media/${episode.mp3Key}`, headers: { range: `bytes=${episode.mp3Bytes}-` } }))
        .statusCode,
      416,
    )
    assert.equal((await t.app.inject(`/media/${episode.audioMasterKey}`)).statusCode, 404, 'the master is never served')
  })

  it('answers 404 for an unknown show, episode, feed or transcript, and 400 for nonsense, never 500', async () => {
    for (const url of [
      '/podcasts/no-such-show',
      '/podcasts/no-such-show/feed.xml',
      '/podcasts/night-desk/no-such-episode',
      '/podcasts/night-desk/no-such-episode/chapters.json',
      '/podcasts/night-desk?page=9',
    ]) {
      assert.equal((await t.app.inject(url)).statusCode, 404, url)
    }
    assert.equal((await t.app.inject('/podcasts/night-desk?page=zero')).statusCode, 400)
    assert.equal(
      (
        await t.app
          .inject('/newsroom/episodes/999999')
          .then(async () => t.app.inject({ url: '/newsroom/episodes/999999', headers: { cookie: editor.cookie } }))
      ).statusCode,
      404,
    )
  })

  it('schedules an episode: hidden until its date, then published by the job, once', async () => {
    const soon = new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 16)
    const noDate = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, {
      ...EPISODE,
      slug: 'later',
      status: 'scheduled',
    })
    assert.equal(noDate.statusCode, 400)
    assert.match(noDate.body, /needs a publication date in the future/)
    const future = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, {
      ...EPISODE,
      slug: 'later',
      status: 'published',
      publishedAt: soon,
    })
    assert.equal(future.statusCode, 400)
    assert.match(future.body, /choose Scheduled/)
    const res = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, {
      ...EPISODE,
      slug: 'later',
      status: 'scheduled',
      publishedAt: soon,
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    const id = Number(/\/newsroom\/episodes\/(\d+)/.exec(String(res.headers.location))?.[1])
    assert.equal((await t.app.inject('/podcasts/night-desk/later')).statusCode, 404)
    const job = await findJobByKey(t.database.db, `${PUBLISH_EPISODE_JOB}:${id}`)
    assert.equal(job?.runAt.slice(0, 16), soon)
    // Its time comes: the job publishes it (and a second delivery changes nothing).
    await t.database.db
      .updateTable('podcast_episodes')
      .set({ published_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute()
    await publishScheduledEpisode({ db: t.database.db, events: t.events }, id)
    await publishScheduledEpisode({ db: t.database.db, events: t.events }, id)
    assert.equal((await findEpisodeById(t.database.db, id))?.status, 'published')
    assert.equal((await t.app.inject('/podcasts/night-desk/later')).statusCode, 200)
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', `episode:${id}`)
      .execute()
    assert.deepEqual(audit.map(a => a.action).sort(), ['episode-created', 'episode-published-on-schedule'])
    assert.equal(
      (await postForm(t, editor, `/newsroom/episodes/${id}`, { ...EPISODE, slug: 'later', status: 'draft' }))
        .statusCode,
      303,
    )
  })

  it('escapes hostile text everywhere: pages and a feed both parsers still read', async () => {
    const hostile = 'Evil </title><script>alert(1)</script> & ]]> \u0001 “quotes”'
    const res = await postForm(t, editor, '/newsroom/podcasts', {
      ...SHOW,
      slug: 'hostile',
      title: hostile,
      description: hostile,
      author: hostile,
      ownerName: hostile,
    })
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    const show = await findShowBySlug(t.database.db, 'hostile')
    assert.ok(show)
    const created = await postForm(t, editor, `/newsroom/podcasts/${show.id}/episodes`, {
      ...EPISODE,
      slug: 'hostile-episode',
      title: hostile,
      summary: hostile,
      status: 'published',
    })
    assert.equal(created.statusCode, 303)
    for (const url of ['/podcasts', '/podcasts/hostile']) {
      const page = await t.app.inject(url)
      assert.equal(page.statusCode, 200)
      assert.doesNotMatch(page.body, /<script>alert/, url)
    }
    const xml = (await t.app.inject('/podcasts/hostile/feed.xml')).body
    assert.doesNotMatch(xml, /<script>|\u0001/)
    // XML cannot carry U+0001: it is dropped; everything else comes back as typed (partytime folds spaces).
    const expected = hostile.replace('\u0001', '')
    assert.equal(parseFeed(xml)?.title, expected.replace(/\s+/g, ' '))
    assert.equal((await new Parser().parseString(xml)).title, expected)
  })

  it('lets only editors and admins in, and refuses a post without the CSRF token', async () => {
    for (const browser of [author, contributor]) {
      assert.equal(
        (await t.app.inject({ url: '/newsroom/podcasts', headers: { cookie: browser.cookie } })).statusCode,
        403,
      )
      assert.equal(
        (await postForm(t, browser, `/newsroom/episodes/${episodeId}`, { ...EPISODE, title: 'Hijacked' })).statusCode,
        403,
      )
    }
    assert.equal(
      (await postForm(t, editor, `/newsroom/episodes/${episodeId}`, { ...EPISODE, title: 'No token' }, { csrf: false }))
        .statusCode,
      403,
    )
    assert.notEqual((await findEpisodeById(t.database.db, episodeId))?.title, 'Hijacked')
  })

  it('unpublishing takes the episode off the site and out of the feed at once, GUID unchanged', async () => {
    await t.app.inject('/podcasts/night-desk/feed.xml')
    await t.app.inject('/podcasts/night-desk/the-3am-call')
    assert.equal(
      (await postForm(t, editor, `/newsroom/episodes/${episodeId}`, { ...EPISODE, status: 'draft' })).statusCode,
      303,
    )
    assert.equal((await t.app.inject('/podcasts/night-desk/the-3am-call')).statusCode, 404)
    assert.doesNotMatch((await t.app.inject('/podcasts/night-desk/feed.xml')).body, /<item>/)
    assert.equal((await findEpisodeById(t.database.db, episodeId))?.guid, guid)
    assert.ok(!(await t.app.inject('/sitemap.xml')).body.includes('the-3am-call'), 'nor in the sitemap')
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', `episode:${episodeId}`)
      .execute()
    assert.ok(
      actions.some(a => a.action === 'episode-published') && actions.some(a => a.action === 'episode-unpublished'),
    )
  })

  it('reads and shows an episode’s date on the newsroom’s clock, not UTC', async () => {
    await saveSettings(t.database.db, { timeZone: 'America/Chicago' })
    try {
      const res = await postForm(t, editor, `/newsroom/podcasts/${showId}/episodes`, {
        ...EPISODE,
        slug: 'on-chicago-time',
        status: 'published',
        publishedAt: '2026-01-10T09:00',
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 500))
      const id = Number(String(res.headers.location).match(/episodes\/(\d+)/)?.[1])
      assert.equal(
        (await findEpisodeById(t.database.db, id))?.publishedAt,
        '2026-01-10T15:00:00.000Z',
        '09:00 in Chicago in January is 15:00 UTC',
      )
      const form = await t.app.inject({ url: `/newsroom/episodes/${id}`, headers: { cookie: editor.cookie } })
      assert.match(form.body, /value="2026-01-10T09:00"/)
      assert.match(form.body, /America\/Chicago/)
      const bad = await postForm(t, editor, `/newsroom/episodes/${id}`, {
        ...EPISODE,
        slug: 'on-chicago-time',
        status: 'published',
        publishedAt: '2026-02-30T09:00',
      })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /must be a real day/)
    } finally {
      await saveSettings(t.database.db, { timeZone: 'UTC' })
    }
  })
})
