// The film player, excerpt players, embed pages and oEmbed, against the real app with a real,
// small film made by ffmpeg (12 s, 320x180, H.264/AAC, HLS-segmented) as the pipeline stores it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { testApp } from './helpers.js'
import { makeDocumentary, makeExcerpt, makeStory } from './factories.js'
import { chromiumMissing, launchChromium } from './browser-helpers.js'
import { storeReadyFilm } from './media-fixtures.js'
import { addCaptions, setChapters } from '../src/videos/index.js'

type App = Awaited<ReturnType<typeof testApp>>

const VTT = (line: string) => `WEBVTT\n\n00:00:00.000 --> 00:00:12.000\n${line}\n`

/** The fixture film (storeReadyFilm in media-fixtures.ts), with two caption tracks and two chapters. */
async function storeCaptionedFilm(t: App, documentaryId: number): Promise<void> {
  const db = t.database.db
  const videoId = await storeReadyFilm(t, documentaryId)
  await addCaptions(db, t.storage, videoId, { lang: 'en', label: 'English', vttText: VTT('A test pattern hums.') })
  await addCaptions(db, t.storage, videoId, {
    lang: 'es',
    label: 'Español',
    vttText: VTT('Un patrón de prueba zumba.'),
  })
  await setChapters(db, videoId, [
    { startSeconds: 0, title: 'Opening' },
    { startSeconds: 7, title: 'The middle' },
  ])
}

describe('the player', () => {
  let t: App
  let filmSlug = ''
  let excerptId = 0
  let storySlug = ''

  before(
    async () => {
      t = await testApp()
      const db = t.database.db
      const film = await makeDocumentary(db, {
        slug: 'test-pattern',
        title: 'Test <Pattern> & "Tone"',
        runtimeSeconds: 12,
      })
      await makeDocumentary(db, { slug: 'still-processing', title: 'Still processing' })
      const excerpt = await makeExcerpt(db, film.id, { title: 'The <middle> bit', startSeconds: 3, endSeconds: 6 })
      const story = await makeStory(db, {
        slug: 'about-the-tone',
        title: 'About the tone',
        documentaryIds: [film.id],
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Listen.' }] },
            { type: 'excerpt', attrs: { excerptId: excerpt.id } },
          ],
        },
      })
      await storeCaptionedFilm(t, film.id)
      filmSlug = film.slug
      excerptId = excerpt.id
      storySlug = story.slug
    },
    { timeout: 60_000 },
  )

  after(async () => {
    await t?.dispose()
  })

  describe('routes', () => {
    it('the documentary page renders a plain video with its MP4, captions tracks and download link, and key moments in JSON-LD', async () => {
      const res = await t.app.inject({ url: `/documentaries/${filmSlug}` })
      assert.equal(res.statusCode, 200)
      assert.match(
        res.body,
        /<video class="player__video" controls preload="metadata" poster="[^"]+" width="320" height="180" playsinline/,
      )
      assert.match(res.body, /<source src="[^"]+film\.mp4" type="video\/mp4"/)
      assert.match(res.body, /<track kind="captions" srclang="en" label="English" src="[^"]+\.vtt"/)
      assert.match(res.body, /Download the film \(MP4\)/)
      assert.match(
        res.body,
        /<script type="module" src="\/assets\/player\.[0-9a-f]{12}\.js" data-hls="\/assets\/hls\.[0-9a-f]{12}\.js">/,
      )
      const ld = [...res.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
        m => JSON.parse(m[1] ?? '{}') as Record<string, unknown>,
      )
      const video = ld.find(b => b['@type'] === 'VideoObject') as Record<string, any> | undefined
      assert.ok(video)
      assert.match(video.contentUrl, /^https:\/\/news\.example\.org\/.+film\.mp4$/)
      assert.equal(video.embedUrl, `https://news.example.org/embed/documentaries/${filmSlug}`)
      assert.equal(video.duration, 'PT12S')
      assert.deepEqual(
        video.hasPart.map((c: any) => [c['@type'], c.name, c.startOffset, c.endOffset]),
        [
          ['Clip', 'Opening', 0, 7],
          ['Clip', 'The middle', 7, 12],
        ],
      )
      assert.equal(video.potentialAction['@type'], 'SeekToAction')
      assert.equal(
        video.potentialAction.target.urlTemplate,
        `https://news.example.org/documentaries/${filmSlug}?t={seek_to_second_number}`,
      )
      assert.equal(video.potentialAction['startOffset-input'], 'required name=seek_to_second_number')
    })

    it('?t= cues the MP4 readers get without JavaScript, each cue its own page; a cue that is no time is refused', async () => {
      const cued = await t.app.inject({ url: `/documentaries/${filmSlug}?t=7` })
      assert.equal(cued.statusCode, 200)
      assert.match(cued.body, /<source src="[^"]+film\.mp4#t=7" type="video\/mp4"/)
      const whole = await t.app.inject({ url: `/documentaries/${filmSlug}` })
      assert.match(
        whole.body,
        /<source src="[^"]+film\.mp4" type="video\/mp4"/,
        'the cached page without ?t= is not cued',
      )
      for (const bad of ['abc', '1e3', '-5', '12%3A30']) {
        const refused = await t.app.inject({ url: `/documentaries/${filmSlug}?t=${bad}` })
        assert.equal(refused.statusCode, 400, `?t=${bad}`)
      }
    })

    it('a film without a ready video shows no player', async () => {
      const res = await t.app.inject({ url: '/documentaries/still-processing' })
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /<video/)
      assert.doesNotMatch(res.body, /\/assets\/player\./, 'a page without a player loads no player island')
    })

    it('a story says it holds an excerpt, so its page loads the player island; a page without one does not', async () => {
      const story = await t.app.inject({ url: `/stories/${storySlug}` })
      assert.match(story.body, /data-excerpt-id=/)
      assert.match(story.body, /<script type="module" src="\/assets\/player\.[0-9a-f]{12}\.js"/)
      const home = await t.app.inject({ url: '/' })
      assert.equal(home.statusCode, 200)
      assert.doesNotMatch(home.body, /\/assets\/player\./)
    })

    it('the excerpt API answers a ready excerpt, publicly cached, and 404 for an unknown one', async () => {
      const res = await t.app.inject({ url: `/api/excerpts/${excerptId}` })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['cache-control']), /public/)
      const body = res.json() as Record<string, unknown>
      assert.equal(body.start, 3)
      assert.equal(body.end, 6)
      assert.deepEqual(
        (body.captions as { lang: string }[]).map(c => c.lang),
        ['en', 'es'],
      )
      assert.equal((await t.app.inject({ url: '/api/excerpts/999999' })).statusCode, 404)
      const many = await t.app.inject({ url: `/api/excerpts?ids=${excerptId},999999` })
      assert.deepEqual(
        (many.json() as { excerpts: { id: number }[] }).excerpts.map(e => e.id),
        [excerptId],
      )
      assert.equal((await t.app.inject({ url: '/api/excerpts?ids=1;drop' })).statusCode, 400)
    })

    it('the embed page may be framed by any site, escapes titles and links its oEmbed', async () => {
      const res = await t.app.inject({ url: `/embed/excerpts/${excerptId}` })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['x-frame-options'], undefined)
      const csp = String(res.headers['content-security-policy'])
      assert.match(csp, /frame-ancestors \*/)
      assert.match(csp, /script-src 'self'/)
      assert.match(res.body, /The &lt;middle> bit|The &lt;middle&gt; bit/)
      assert.doesNotMatch(res.body, /<middle>/)
      assert.match(
        res.body,
        new RegExp(
          `<link rel="alternate" type="application/json\\+oembed" href="/oembed\\?url=https%3A%2F%2Fnews\\.example\\.org%2Fembed%2Fexcerpts%2F${excerptId}&amp;format=json"`,
        ),
      )
      // Every other page keeps its frame rules.
      const page = await t.app.inject({ url: `/documentaries/${filmSlug}` })
      assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN')
      assert.equal((await t.app.inject({ url: '/embed/excerpts/999999' })).statusCode, 404)
    })

    it('oEmbed answers a video with an iframe for an excerpt embed URL or a story, and refuses the rest', async () => {
      const ask = (url: string, extra = '') => t.app.inject({ url: `/oembed?url=${encodeURIComponent(url)}${extra}` })
      const res = await ask(`https://news.example.org/embed/excerpts/${excerptId}`, '&format=json&maxwidth=160')
      assert.equal(res.statusCode, 200)
      const o = res.json() as Record<string, any>
      assert.equal(o.version, '1.0')
      assert.equal(o.type, 'video')
      assert.equal(o.title, 'The <middle> bit')
      assert.equal(o.width, 160)
      assert.equal(o.height, 90)
      assert.equal(o.provider_url, 'https://news.example.org/')
      assert.match(o.thumbnail_url, /^https:\/\/news\.example\.org\/.+poster\.jpg$/)
      assert.equal(
        o.html,
        `<iframe src="https://news.example.org/embed/excerpts/${excerptId}" width="160" height="90" title="The &lt;middle&gt; bit" allow="fullscreen; picture-in-picture" allowfullscreen loading="lazy" frameborder="0"></iframe>`,
      )
      const story = await ask(`https://news.example.org/stories/${storySlug}`)
      assert.equal(story.statusCode, 200)
      assert.match((story.json() as { html: string }).html, new RegExp(`/embed/excerpts/${excerptId}"`))
      const film = (await ask(`https://news.example.org/documentaries/${filmSlug}`)).json() as {
        title: string
        html: string
      }
      assert.equal(film.title, 'Test <Pattern> & "Tone"')
      assert.match(film.html, /title="Test &lt;Pattern&gt; &amp; &quot;Tone&quot;"/)
      assert.equal((await ask(`https://news.example.org/embed/excerpts/${excerptId}`, '&format=xml')).statusCode, 501)
      assert.equal((await ask(`https://evil.example.com/embed/excerpts/${excerptId}`)).statusCode, 404)
      assert.equal((await ask('not a url')).statusCode, 404)
      assert.equal((await ask('https://news.example.org/embed/excerpts/999999')).statusCode, 404)
      assert.equal((await ask('https://news.example.org/documentaries/still-processing')).statusCode, 404)
      assert.equal((await t.app.inject({ url: '/oembed' })).statusCode, 400)
    })
  })

  describe('in a real browser', { skip: chromiumMissing() }, () => {
    let browser: Browser
    let base = ''

    before(
      async () => {
        // Pages say where they live by PUBLIC_URL, but every link the player follows is relative.
        const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
        base = address
        browser = await launchChromium()
      },
      { timeout: 60_000 },
    )

    after(async () => {
      await browser?.close()
    })

    async function open(path: string): Promise<{ page: Page; problems: string[] }> {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      const problems: string[] = []
      page.on('console', m => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
      })
      page.on('pageerror', e => problems.push(`page error: ${e.message}`))
      page.on('response', r => {
        if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`)
      })
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', e =>
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
        )
      })
      await page.goto(base + path, { waitUntil: 'load' })
      return { page, problems }
    }

    it('the documentary page plays, switches captions on and jumps to a chapter', async () => {
      const { page, problems } = await open(`/documentaries/${filmSlug}`)
      await page.waitForSelector('.player__controls')
      await page.focus('.player__video')
      await page.keyboard.press('k')
      await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, {
        timeout: 15_000,
      })

      await page.click('.player__group button[data-lang="en"]')
      assert.equal(
        await page.$eval(
          'video',
          v => Array.from((v as HTMLVideoElement).textTracks).find(tr => tr.language === 'en')?.mode,
        ),
        'showing',
      )
      assert.equal(await page.getAttribute('.player__group button[data-lang="en"]', 'aria-pressed'), 'true')

      await page.click('.player__chapter[data-seek="7"]')
      await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) >= 7, undefined, {
        timeout: 10_000,
      })
      await page.waitForSelector('.player__chapter[data-seek="7"][aria-current="true"]')
      assert.deepEqual(problems, [])
      await page.close()
    })

    it('?t= starts the film there', async () => {
      const { page, problems } = await open(`/documentaries/${filmSlug}?t=5#watch`)
      await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) >= 4.9, undefined, {
        timeout: 10_000,
      })
      assert.deepEqual(problems, [])
      await page.close()
    })

    it('an excerpt in a story starts at its start and pauses at its end', async () => {
      const { page, problems } = await open(`/stories/${storySlug}`)
      await page.waitForSelector('figure.excerpt .excerpt-play')
      await page.$eval('figure.excerpt video', v => {
        v.addEventListener(
          'playing',
          () => {
            ;(v as HTMLVideoElement).dataset.firstPlaying ??= String((v as HTMLVideoElement).currentTime)
          },
          { once: true },
        )
      })
      await page.click('figure.excerpt .excerpt-play')
      await page.waitForFunction(
        () => {
          const v = document.querySelector<HTMLVideoElement>('figure.excerpt video')
          return v !== null && v.dataset.firstPlaying !== undefined && v.paused && v.currentTime >= 5.5
        },
        undefined,
        { timeout: 15_000 },
      )
      const [first, now] = await page.$eval('figure.excerpt video', v => [
        Number((v as HTMLVideoElement).dataset.firstPlaying),
        (v as HTMLVideoElement).currentTime,
      ])
      assert.ok(first >= 2.9 && first < 3.6, `started at ${first}`)
      assert.ok(now <= 6.3, `stopped at ${now}`)
      assert.ok(await page.$('figure.excerpt a.excerpt-watch'), 'the link to the full documentary stays')
      assert.deepEqual(problems, [])
      await page.close()
    })

    it('the embed page plays its excerpt', async () => {
      const { page, problems } = await open(`/embed/excerpts/${excerptId}`)
      await page.waitForSelector('figure.excerpt .excerpt-play')
      await page.click('figure.excerpt .excerpt-play')
      await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 3.5, undefined, {
        timeout: 15_000,
      })
      assert.deepEqual(problems, [])
      await page.close()
    })
  })
})
