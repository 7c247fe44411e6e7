// The newsroom's front page, as each role sees it: contributors their own work only, editors
// the whole newsroom's (review queue, schedule, media pipeline, newsletter sends), every time
// on the site's clock with its zone named.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { testApp } from './helpers.js'
import { makeDocumentary, makePerson, makeStory } from './factories.js'
import { makeList } from './newsletter-factories.js'
import { postForm, signIn, signInAs, TEST_PASSWORD, type Browser } from './newsroom-helpers.js'
import { hashPassword, insertAccount } from '../src/newsroom/index.js'
import { saveSettings } from '../src/settings/index.js'
import { insertEpisode, insertShow, podcastGuid } from '../src/podcasts/index.js'
import { upsertVideo } from '../src/videos/index.js'
import { insertCampaign, moveCampaign } from '../src/newsletter/index.js'
import { hoursAgo } from '../src/platform/time.js'
import { emptyBody } from '../src/body/index.js'

type App = Awaited<ReturnType<typeof testApp>>

/** The HTML of one dashboard section, or undefined when the page does not show it. */
function section(html: string, key: string): string | undefined {
  return new RegExp(`<section[^>]*data-section="${key}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1]
}

describe('the dashboard', () => {
  let t: App
  let rosa: Browser
  let other: Browser
  let editor: Browser
  const ids: Record<string, number> = {}

  before(async () => {
    t = await testApp({ runJobs: false })
    const db = t.database.db
    // The newsroom works on Chicago's clock; set before anything reads the settings.
    await saveSettings(db, { timeZone: 'America/Chicago' })
    t.events.emit({ tags: ['site'] })
    const [rosaPerson, otherPerson] = [
      await makePerson(db, { name: 'Rosa Field' }),
      await makePerson(db, { name: 'Ivo Stone' }),
    ]
    const passwordHash = await hashPassword(TEST_PASSWORD)
    await insertAccount(db, {
      email: 'rosa@example.org',
      name: 'Rosa Field',
      role: 'contributor',
      passwordHash,
      personId: rosaPerson.id,
    })
    await insertAccount(db, {
      email: 'ivo@example.org',
      name: 'Ivo Stone',
      role: 'contributor',
      passwordHash,
      personId: otherPerson.id,
    })
    rosa = await signIn(t, 'rosa@example.org')
    other = await signIn(t, 'ivo@example.org')
    editor = await signInAs(t, 'editor')

    const story = (
      title: string,
      status: 'draft' | 'in_review' | 'published',
      authorId: number,
      publishedAt: string | null = null,
    ) => makeStory(db, { title, status, authorIds: [authorId], publishedAt })
    ids.rosaDraft = (await story('Rosa’s draft on river dredging', 'draft', rosaPerson.id)).id
    ids.otherDraft = (await story('Ivo’s secret draft', 'draft', otherPerson.id)).id
    ids.otherReview = (await story('Ivo’s piece awaiting review', 'in_review', otherPerson.id)).id
    ids.rosaPublished = (await story('Rosa’s published piece', 'published', rosaPerson.id, hoursAgo(3))).id
    ids.otherPublished = (await story('Ivo’s published piece', 'published', otherPerson.id, hoursAgo(2))).id
    // Scheduled the way an editor does it: a wall time on the newsroom's clock (CST in December).
    ids.scheduled = (await story('Rosa’s scheduled piece', 'draft', rosaPerson.id)).id
    const scheduled = await postForm(t, editor, `/newsroom/stories/${ids.scheduled}/status`, {
      action: 'schedule',
      scheduledFor: '2030-12-03T11:12',
    })
    assert.equal(scheduled.statusCode, 303, scheduled.body.slice(0, 500))

    const show = await insertShow(db, {
      slug: 'the-long-listen',
      title: 'The Long Listen',
      description: 'A show.',
      artworkId: null,
      category: 'News',
      subcategory: null,
      explicit: false,
      ownerName: 'O',
      ownerEmail: 'o@example.org',
      author: 'A',
      language: 'en',
      showType: 'episodic',
      copyright: '',
      podcastGuid: podcastGuid('dashboard/test'),
    })
    // July: daylight saving time, so CDT.
    await insertEpisode(db, show.id, {
      slug: 'summer',
      title: 'A summer episode',
      number: 1,
      season: null,
      episodeType: 'full',
      status: 'scheduled',
      publishedAt: '2030-07-03T17:12:00.000Z',
      summary: '',
      showNotes: emptyBody(),
    })
    const film = await makeDocumentary(db, { title: 'The Flood Plain' })
    await upsertVideo(db, film.id, `masters/${film.id}/master.mp4`)
    const list = await makeList(db)
    const draft = {
      listId: list.id,
      subject: '',
      preheader: '',
      template: 'standard' as const,
      intro: emptyBody(),
      storyIds: [],
      documentaryIds: [],
    }
    const campaign = await insertCampaign(db, { ...draft, subject: 'The December issue' }, null)
    await moveCampaign(db, campaign.id, ['draft'], 'scheduled', { scheduledFor: '2030-12-04T15:00:00.000Z' })
    await insertCampaign(db, { ...draft, subject: 'A draft campaign nobody sends' }, null)
  })
  after(() => t.dispose())

  it('a contributor sees their own drafts, scheduled and published stories, and nothing of anyone else’s', async () => {
    const res = await t.app.inject({ url: '/newsroom', headers: { cookie: rosa.cookie } })
    assert.equal(res.statusCode, 200)
    const html = res.body
    assert.match(section(html, 'drafts') ?? '', new RegExp(`href="/newsroom/stories/${ids.rosaDraft}"`))
    assert.match(section(html, 'scheduled') ?? '', /Rosa’s scheduled piece/)
    assert.match(section(html, 'published') ?? '', /Rosa’s published piece/)
    for (const hidden of ['Ivo’s secret draft', 'Ivo’s piece awaiting review', 'Ivo’s published piece'])
      assert.doesNotMatch(html, new RegExp(hidden), hidden)
    // Sections of pages a contributor cannot open are not there at all.
    for (const key of ['inReview', 'media', 'campaigns']) assert.equal(section(html, key), undefined, key)
    assert.doesNotMatch(html, /The Long Listen|The Flood Plain|The December issue/)
  })

  it('every story a contributor is shown, they may open', async () => {
    const res = await t.app.inject({ url: '/newsroom', headers: { cookie: rosa.cookie } })
    const links = [...res.body.matchAll(/href="(\/newsroom\/stories\/\d+)"/g)].map(m => m[1] ?? '')
    assert.ok(links.length >= 3, links.join(' '))
    for (const link of links) {
      const open = await t.app.inject({ url: link, headers: { cookie: rosa.cookie } })
      assert.equal(open.statusCode, 200, link)
    }
  })

  it('another contributor sees their draft and not Rosa’s', async () => {
    const res = await t.app.inject({ url: '/newsroom', headers: { cookie: other.cookie } })
    assert.match(section(res.body, 'drafts') ?? '', /Ivo’s secret draft/)
    assert.doesNotMatch(res.body, /Rosa’s/)
  })

  it('an editor sees the review queue, the schedule, the last published with live links, media and newsletter sends', async () => {
    const res = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } })
    assert.equal(res.statusCode, 200)
    const html = res.body
    assert.match(
      section(html, 'inReview') ?? '',
      new RegExp(`href="/newsroom/stories/${ids.otherReview}"[^>]*>Ivo’s piece awaiting review`),
    )
    const published = section(html, 'published') ?? ''
    assert.match(published, /Ivo’s published piece/)
    assert.match(published, /Rosa’s published piece/)
    assert.match(published, /href="\/stories\/story-\d+">Live page/)
    const media = section(html, 'media') ?? ''
    assert.match(media, /The Flood Plain/)
    assert.match(media, /Queued/)
    const campaigns = section(html, 'campaigns') ?? ''
    assert.match(campaigns, /The December issue/)
    assert.doesNotMatch(campaigns, /nobody sends/)
    // An editor's own drafts are theirs only: the contributors' are reached through the stories list.
    assert.match(section(html, 'drafts') ?? '', /You have no drafts/)
  })

  it('scheduled times are on the newsroom’s clock with the zone’s abbreviation, winter and summer', async () => {
    const res = await t.app.inject({ url: '/newsroom', headers: { cookie: editor.cookie } })
    const scheduled = section(res.body, 'scheduled') ?? ''
    assert.match(
      scheduled,
      /Rosa’s scheduled piece[\s\S]*For <time datetime="2030-12-03T17:12:00.000Z">3 Dec 2030, 11:12 CST<\/time>/,
    )
    assert.match(
      scheduled,
      /A summer episode[\s\S]*For <time datetime="2030-07-03T17:12:00.000Z">3 Jul 2030, 12:12 CDT<\/time>/,
    )
    // Soonest first.
    assert.ok(scheduled.indexOf('A summer episode') < scheduled.indexOf('Rosa’s scheduled piece'))
    assert.match(section(res.body, 'campaigns') ?? '', /4 Dec 2030, 09:00 CST/)
  })

  it('a contributor’s scheduled story shows the same time', async () => {
    const res = await t.app.inject({ url: '/newsroom', headers: { cookie: rosa.cookie } })
    assert.match(section(res.body, 'scheduled') ?? '', /3 Dec 2030, 11:12 CST/)
  })

  it('the other newsroom pages read the same clock: the stories list, your sessions, the audit log', async () => {
    const onTheClock = /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} C[SD]T/
    const stories = await t.app.inject({
      url: '/newsroom/stories?status=scheduled',
      headers: { cookie: editor.cookie },
    })
    assert.match(stories.body, /3 Dec 2030, 11:12 CST/)
    const sessions = await t.app.inject({ url: '/newsroom/sessions', headers: { cookie: rosa.cookie } })
    assert.match(sessions.body, onTheClock)
    const admin = await signInAs(t, 'admin')
    const audit = await t.app.inject({ url: '/newsroom/audit', headers: { cookie: admin.cookie } })
    assert.match(audit.body, onTheClock)
    for (const page of [stories, sessions, audit]) assert.doesNotMatch(page.body, / at \d{1,2}:\d{2} [AP]M/)
  })
})

describe('one clock in the code', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap(name => {
      const path = join(dir, name)
      return statSync(path).isDirectory()
        ? files(path)
        : /\.tsx?$/.test(name) && !name.endsWith('.test.ts')
          ? [path]
          : []
    })

  it('no newsroom page formats a time its own way: whatever uses the newsroom door goes through formatZonedTime', () => {
    const offenders = files('src').filter(file => {
      const source = readFileSync(file, 'utf8')
      const newsroomPage = /from '[./]+newsroom\/index\.js'/.test(source) || file.startsWith(join('src', 'newsroom'))
      return (
        newsroomPage &&
        /formatDateTime\(|formatDate\(|toLocaleString\(\)|toLocaleDateString|toLocaleTimeString|toISOString\(\)\.slice\(0, 1[06]\)/.test(
          source,
        )
      )
    })
    assert.deepEqual(offenders, [])
  })
})
