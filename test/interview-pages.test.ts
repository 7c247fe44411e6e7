// The reader's interview pages over HTTP, on SQLite or PostgreSQL (TEST_DATABASE_URL): the
// archive and its filters, one interview's page (published only), its captions made from the
// transcript, its structured data, the no-JavaScript links, and withheld words kept out of all of it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { makeInterviewScene, storeReadyRecording, SECRET, type InterviewScene } from './interview-page-fixtures.js'
import { makeStory } from './factories.js'

type App = Awaited<ReturnType<typeof testApp>>

function jsonLd(html: string): Array<Record<string, any>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    m => JSON.parse(m[1] ?? '{}') as Record<string, any>,
  )
}

describe('the interview pages', () => {
  let t: App
  let scene: InterviewScene

  before(async () => {
    t = await testApp()
    scene = await makeInterviewScene(t.database.db)
    await storeReadyRecording(t.database.db, t.storage, scene.interviewId, false)
    // Stories that quote it, as the stories part records them at save: one published, one a draft.
    const quoting = await makeStory(t.database.db, {
      slug: 'the-barges-that-never-came',
      title: 'The barges that never came',
    })
    const draft = await makeStory(t.database.db, {
      slug: 'draft-quote',
      title: 'A draft that quotes her',
      status: 'draft',
      publishedAt: null,
    })
    await t.database.db
      .insertInto('story_interviews')
      .values([
        { story_id: quoting.id, interview_id: scene.interviewId },
        { story_id: draft.id, interview_id: scene.interviewId },
      ])
      .execute()
  })
  after(() => t?.dispose())

  const get = (url: string) => t.app.inject({ url })

  describe('/interviews', () => {
    it('lists every published interview under its documentary, the rest on their own, with person, role, date, place and summary', async () => {
      const res = await get('/interviews')
      assert.equal(res.statusCode, 200)
      const body = res.body
      assert.match(body, /For <a href="\/documentaries\/the-quiet-harbour">The Quiet Harbour<\/a>/)
      assert.match(body, /Other interviews/)
      assert.ok(
        body.indexOf('The Quiet Harbour</a></h2>') < body.indexOf('Ines Marrow on the harbour closure'),
        'the film heads its interviews',
      )
      assert.ok(
        body.indexOf('Other interviews') < body.indexOf(scene.loneTitle),
        'an interview with no film is in the group of its own',
      )
      for (const text of [
        'Ines Marrow',
        'Tide clerk, harbour office',
        'February 3, 2026',
        'Portsevern',
        'The clerk who counted the barges',
      ])
        assert.ok(body.includes(text), text)
      assert.ok(!body.includes(scene.draftTitle), 'a draft is not listed')
    })

    it('filters by person and by topic; an empty filter shows everything', async () => {
      const byPerson = await get(`/interviews?person=${scene.otherPersonSlug}`)
      assert.equal(byPerson.statusCode, 200)
      assert.ok(byPerson.body.includes(scene.loneTitle))
      assert.ok(!byPerson.body.includes('Ines Marrow on the harbour closure'))
      const byTopic = await get(`/interviews?topic=${scene.topicSlug}`)
      assert.ok(byTopic.body.includes('Ines Marrow on the harbour closure'))
      assert.ok(!byTopic.body.includes(scene.loneTitle))
      const none = await get(`/interviews?person=${scene.otherPersonSlug}&topic=${scene.topicSlug}`)
      assert.equal(none.statusCode, 200)
      assert.match(none.body, /No published interviews with Odile Fenn on Shipping yet/)
      const everyone = await get('/interviews?person=&topic=')
      assert.equal(everyone.statusCode, 200)
      assert.ok(everyone.body.includes(scene.loneTitle) && everyone.body.includes('Ines Marrow on the harbour closure'))
    })

    it('answers 404 for an unknown person or topic and 400 for a malformed filter', async () => {
      assert.equal((await get('/interviews?person=nobody-here')).statusCode, 404)
      assert.equal((await get('/interviews?topic=no-such-topic')).statusCode, 404)
      for (const bad of [
        '/interviews?person=Not%20A%20Slug',
        '/interviews?topic=%3Cscript%3E',
        `/interviews?person=${'a'.repeat(201)}`,
        '/interviews?person=a&person=b',
      ]) {
        const res = await get(bad)
        assert.equal(res.statusCode, 400, bad)
      }
    })
  })

  describe('/interviews/:slug', () => {
    it('shows the published interview: person, role then, interviewers, date, place, summary, topics, the player with the transcript as captions', async () => {
      const res = await get(`/interviews/${scene.slug}`)
      assert.equal(res.statusCode, 200)
      const body = res.body
      for (const text of [
        'Ines Marrow on the harbour closure',
        'Tide clerk, harbour office',
        'Interviewed by',
        '>Tomas Vell</a>',
        'February 3, 2026',
        'Portsevern',
        '>Shipping</a>',
        'The clerk who counted',
      ])
        assert.ok(body.includes(text), text)
      assert.match(body, /<video class="player__video"/)
      assert.match(
        body,
        new RegExp(`<track kind="captions" srclang="en" label="English" src="/interviews/${scene.slug}/captions.vtt"`),
      )
      assert.match(body, /<script type="module" src="\/assets\/interview-transcript\.[0-9a-f]{12}\.js">/)
      assert.match(body, /<script type="module" src="\/assets\/player\.[0-9a-f]{12}\.js"/)
    })

    it('a draft or an unknown interview is a 404 to readers, and so are their captions', async () => {
      assert.equal((await get(`/interviews/${scene.draftSlug}`)).statusCode, 404)
      assert.equal((await get(`/interviews/${scene.draftSlug}/captions.vtt`)).statusCode, 404)
      assert.equal((await get('/interviews/no-such-interview')).statusCode, 404)
    })

    it('refuses a malformed ?t= with 400 and cues the MP4 by media fragment for ?t=63 and ?t=a-b', async () => {
      for (const bad of ['abc', '5-3', '1-2-3', '-4', '9999999'])
        assert.equal((await get(`/interviews/${scene.slug}?t=${bad}`)).statusCode, 400, bad)
      const span = await get(`/interviews/${scene.slug}?t=3-6`)
      assert.equal(span.statusCode, 200)
      assert.match(span.body, /<source src="[^"]+film\.mp4#t=3,6" type="video\/mp4"/)
      assert.match((await get(`/interviews/${scene.slug}?t=4.5`)).body, /<source src="[^"]+film\.mp4#t=4\.5"/)
    })

    it('renders the transcript as an ordered list whose every passage has its id and a link that starts the video there (no JavaScript needed)', async () => {
      const body = (await get(`/interviews/${scene.slug}`)).body
      const list = /<ol class="tr" id="transcript-passages">(.*?)<\/ol>/s.exec(body)?.[1] ?? ''
      const items = [...list.matchAll(/<li id=(p-\d+)[^>]*><a href="([^"]+)">([^<]+)<\/a>/g)]
      assert.deepEqual(
        items.map(m => m[1]),
        ['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6', 'p-7', 'p-8'],
      )
      assert.equal(items[1]?.[2], '?t=1.5', 'the page again, its player cued there by the MP4 fragment')
      assert.equal(items[7]?.[3], '0:10')
      assert.match(list, /<li id=p-2><a href="\?t=1\.5">0:01<\/a><b>Ines Marrow<\/b>At the tide desk/)
      assert.ok(
        list.includes('rerouted north &lt;overnight> &amp; nobody') ||
          list.includes('rerouted north &lt;overnight&gt; &amp; nobody'),
        'words are escaped',
      )
      assert.doesNotMatch(body, /<script>|onclick=/i, 'no inline script')
    })

    it('a withheld passage shows the placeholder and its reason, and its words are nowhere in the page, its structured data or its captions', async () => {
      const body = (await get(`/interviews/${scene.slug}`)).body
      assert.match(
        body,
        /<li id=p-4 class=w><a [^>]+>0:04<\/a><i>\[Passage withheld\]<\/i> <small>Reason: off the record<\/small><\/li>/,
      )
      assert.ok(!body.includes(SECRET) && !body.includes('Quillmoor'), 'withheld words are not in the HTML')
      const vtt = await get(`/interviews/${scene.slug}/captions.vtt`)
      assert.ok(!vtt.body.includes('Quillmoor'))
    })

    it('shows notes beside their passages', async () => {
      const body = (await get(`/interviews/${scene.slug}`)).body
      const seventh = /<li id=p-7>(.*?)<\/li>/s.exec(body)?.[1] ?? ''
      assert.match(
        seventh,
        /<aside class="nt nt--disputed"><b>Disputed:<\/b> The harbour master denies this\. <a href="https:\/\/example\.org\/statement" rel="nofollow">Source<\/a><\/aside>/,
      )
    })

    it('"In the film" links to the film at that moment and plays the span here; the film page links back to the interview at the moment', async () => {
      const body = (await get(`/interviews/${scene.slug}`)).body
      assert.match(body, /In the film/)
      assert.match(body, new RegExp(`href="/interviews/${scene.slug}\\?t=6-9"[^>]*>0:06–0:09 here`))
      assert.match(body, /href="\/documentaries\/the-quiet-harbour\?t=754#watch">The Quiet Harbour at 12:34/)
      const film = await get(`/documentaries/${scene.filmSlug}`)
      assert.equal(film.statusCode, 200)
      assert.match(film.body, /The interviews/)
      assert.match(film.body, new RegExp(`href="/interviews/${scene.slug}">Ines Marrow on the harbour closure`))
      assert.match(film.body, new RegExp(`href="/interviews/${scene.slug}\\?t=6-9">in the full interview from 0:06`))
      assert.match(film.body, /href="\/documentaries\/the-quiet-harbour\?t=754#watch">12:34 in the film/)
      assert.ok(!film.body.includes(scene.draftTitle), 'a draft is not listed on the film page')
    })

    it('"Quoted in" lists the published stories that quote the interview', async () => {
      const body = (await get(`/interviews/${scene.slug}`)).body
      assert.match(body, /Quoted in/)
      assert.match(body, /<a href="\/stories\/the-barges-that-never-came">The barges that never came<\/a>/)
      assert.ok(!body.includes('A draft that quotes her'))
      assert.doesNotMatch((await get(`/interviews/${scene.loneSlug}`)).body, /Quoted in/)
    })

    it("a person's page lists the interviews they gave", async () => {
      const res = await get(`/people/${scene.personSlug}`)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Interviews with Ines Marrow/)
      assert.ok(res.body.includes('Ines Marrow on the harbour closure') && !res.body.includes(scene.draftTitle))
    })

    it('while the recording is prepared, says so and still shows the whole transcript', async () => {
      const res = await get(`/interviews/${scene.loneSlug}`)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /The video is being prepared \(0% done\)/)
      assert.doesNotMatch(res.body, /<video/)
      assert.match(res.body, /<li id=p-3><a href="\?t=3">0:03<\/a><b>Tomas Vell<\/b>Who signed the order\?<\/li>/)
    })
  })

  describe('captions and structured data', () => {
    it('captions.vtt is WebVTT made from the transcript, one cue a passage with its speaker, withheld passages left out', async () => {
      const res = await get(`/interviews/${scene.slug}/captions.vtt`)
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/vtt/)
      assert.ok(res.body.startsWith('WEBVTT\n\n'))
      assert.match(
        res.body,
        /p-2\n00:00:01\.500 --> 00:00:03\.000\n<v Ines Marrow>At the tide desk, counting barges that never came\.\n/,
      )
      assert.match(res.body, /north &lt;overnight&gt; &amp; nobody/)
      assert.doesNotMatch(res.body, /p-4\n/)
      assert.equal((res.body.match(/ --> /g) ?? []).length, 7)
    })

    it('JSON-LD: a VideoObject with the transcript (no withheld words), Clip parts and about the person, and a BreadcrumbList', async () => {
      const blocks = jsonLd((await get(`/interviews/${scene.slug}`)).body)
      const video = blocks.find(b => b['@type'] === 'VideoObject')
      assert.ok(video)
      assert.equal(video.name, 'Ines Marrow on the harbour closure')
      assert.equal(video.duration, 'PT12S')
      assert.match(video.contentUrl, /^https:\/\/news\.example\.org\/media\/.+film\.mp4$/)
      assert.match(
        video.transcript,
        /^Tomas Vell: Where were you when the harbour office closed\?\nInes Marrow: At the tide desk/,
      )
      assert.ok(!video.transcript.includes('Quillmoor'))
      assert.deepEqual(video.about, {
        '@type': 'Person',
        name: 'Ines Marrow',
        jobTitle: 'Tide clerk, harbour office',
        url: 'https://news.example.org/people/ines-marrow',
      })
      assert.ok(Array.isArray(video.hasPart) && video.hasPart.length >= 1)
      for (const clip of video.hasPart) {
        assert.equal(clip['@type'], 'Clip')
        assert.ok(typeof clip.name === 'string' && clip.name.length > 0)
        assert.ok(clip.endOffset > clip.startOffset)
        assert.equal(clip.url, `https://news.example.org/interviews/${scene.slug}?t=${clip.startOffset}`)
      }
      assert.equal(
        video.potentialAction.target.urlTemplate,
        `https://news.example.org/interviews/${scene.slug}?t={seek_to_second_number}`,
      )
      const crumbs = blocks.find(b => b['@type'] === 'BreadcrumbList')
      assert.deepEqual(
        crumbs?.itemListElement.slice(1).map((i: { name: string }) => i.name),
        ['Interviews', 'Ines Marrow on the harbour closure'],
      )
      assert.equal(crumbs?.itemListElement[2].item, `https://news.example.org/interviews/${scene.slug}`)
    })
  })
})
