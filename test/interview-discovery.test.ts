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

type App = Awaited<ReturnType<typeof testApp>>

const passage = (speaker: string, startSeconds: number, text: string) => ({ speaker, startSeconds, endSeconds: startSeconds + 12, text })

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
    const person = await makePerson(db, { slug: 'marta-quillfeather', name: 'Marta Quillfeather', jobTitle: 'Harbour clerk' })
    const interviewer = await makePerson(db, { slug: 'olu-brenner', name: 'Olu Brenner', jobTitle: 'Producer' })
    const topic = await makeTopic(db, { slug: 'harbours', name: 'Harbours' })
    shown = await makeInterview(db, {
      slug: 'marta-quillfeather-harbour', title: 'Marta Quillfeather on the harbour ledgers', personId: person.id, personRole: 'Harbour clerk',
      summary: 'The clerk who counted what the ferry never carried.', passages: TRANSCRIPT, status: 'published',
    })
    await replaceInterviewLinks(db, shown.id, { documentaryIds: [], topicIds: [topic.id], interviewerIds: [interviewer.id] })
    await setWithheld(db, shown.id, [2], 'off-the-record')
    await syncInterviewSearch(db, shown.id)
    draft = await makeInterview(db, { slug: 'unpublished-talk', title: 'An unpublished talk', personId: person.id, passages: TRANSCRIPT, status: 'cleared' })
    await syncInterviewSearch(db, draft.id)
  })
  after(() => t.dispose())

  const apiResults = async (q: string) => {
    const res = await t.app.inject(`/api/search?q=${encodeURIComponent(q)}`)
    assert.equal(res.statusCode, 200, res.body)
    return (res.json() as { results: { kind: string; title: string; url: string }[] }).results.filter((r) => r.kind === 'interview')
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

  it('the interviews feed lists published interviews newest first, with interviewers and topics', async () => {
    const second = await makeInterview(t.database.db, { slug: 'a-second-talk', title: 'A second talk', status: 'published', passages: TRANSCRIPT })
    const res = await t.app.inject('/interviews/feed.xml')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8')
    const links = [...res.body.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1])
    assert.deepEqual(links.slice(1), [`https://news.example.org/interviews/${second.slug}`, 'https://news.example.org/interviews/marta-quillfeather-harbour'])
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
