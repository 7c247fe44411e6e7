// The newsroom's interview pages as staff use them, over HTTP, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: an author creates an interview, fills its transcript from a
// file, withholds a passage, notes another and sends it for review; an editor clears and
// publishes it. Bad input is explained beside its form, 4xx, and stores nothing; an author
// cannot clear; nothing is published before it is cleared; a form without its CSRF token is refused.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { postForm, redirectedId, signInAs, type Browser } from './newsroom-helpers.js'
import { makeDocumentary, makePerson, makeTopic } from './factories.js'
import { listAudit } from '../src/newsroom/index.js'
import {
  findInterviewById,
  findInterviewBySlug,
  listInterviews,
  listNotes,
  listPassages,
} from '../src/interviews/index.js'
import type { Documentary } from '../src/documentaries/index.js'
import type { Person } from '../src/people/index.js'
import type { Topic } from '../src/topics/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

const VTT = [
  'WEBVTT',
  '',
  '00:00.000 --> 00:08.000',
  '<v Ana Ruiz>I kept the harbour ledgers for eleven years.',
  '',
  '00:08.000 --> 00:15.000',
  '<v Ana Ruiz>Off the record: the permits were signed after the fact.',
  '',
  '00:15.000 --> 00:21.000',
  '<v Kit Navarro>Did anyone ask you to change them?',
].join('\n')
const BROKEN = ['WEBVTT', '', '00:00.000 --> 00:08.000', 'Fine.', '', '00:08.000 --> 00:ab.000', 'Broken.'].join('\n')

/** Posts the transcript form as a browser does: multipart, the file as a file part. */
function postTranscript(
  t: TestApp,
  browser: Browser,
  id: number,
  file: { name: string; text: string },
  options: { csrf?: boolean } = {},
) {
  const boundary = `----newsreel${Math.random().toString(36).slice(2)}`
  const part = (name: string, value: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"\r\nContent-Type: text/vtt`}\r\n\r\n${value}\r\n`
  const payload = [
    ...(options.csrf === false ? [] : [part('_csrf', browser.csrf)]),
    part('transcriptFile', file.text, file.name),
    part('transcriptText', ''),
    part('format', ''),
    `--${boundary}--\r\n`,
  ].join('')
  return t.app.inject({
    method: 'POST',
    url: `/newsroom/interviews/${id}/transcript`,
    payload,
    headers: { cookie: browser.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
}

describe('newsroom interview pages', () => {
  let t: TestApp
  let contributor: Browser
  let author: Browser
  let editor: Browser
  let ana: Person
  let kit: Person
  let film: Documentary
  let harbours: Topic

  before(async () => {
    t = await testApp()
    ;[contributor, author, editor] = [
      await signInAs(t, 'contributor'),
      await signInAs(t, 'author'),
      await signInAs(t, 'editor'),
    ]
    const db = t.database.db
    ana = await makePerson(db, { name: 'Ana Ruiz', slug: 'ana-ruiz' })
    kit = await makePerson(db, { name: 'Kit Navarro', slug: 'kit-navarro' })
    film = await makeDocumentary(db, { title: 'The Harbour Ledgers', slug: 'the-harbour-ledgers' })
    harbours = await makeTopic(db, { name: 'Harbours', slug: 'harbours' })
  })
  after(() => t.dispose())

  const fields = (overrides: Record<string, string | string[]> = {}) => ({
    title: 'Ana Ruiz on the harbour ledgers',
    slug: 'ana-ruiz-ledgers',
    personId: String(ana.id),
    personRole: 'Former harbour clerk',
    recordedOn: '2026-02-03',
    place: 'Porto',
    summary: 'Eleven years of ledgers.',
    documentaries: [String(film.id)],
    topics: [String(harbours.id)],
    interviewers: [String(kit.id)],
    ...overrides,
  })
  const page = (id: number, browser: Browser) =>
    t.app.inject({ url: `/newsroom/interviews/${id}`, headers: { cookie: browser.cookie } })
  const count = async () => (await listInterviews(t.database.db, { anyStatus: true })).length

  it('bad fields are explained at the field, 4xx, and store nothing; a missing CSRF token is refused', async () => {
    const badSlug = await postForm(t, author, '/newsroom/interviews', fields({ slug: 'Ana Ruiz!' }))
    assert.equal(badSlug.statusCode, 400)
    assert.match(badSlug.body, /Slug may only hold lower-case letters and digits/)
    const unknownPerson = await postForm(t, author, '/newsroom/interviews', fields({ personId: '987654' }))
    assert.equal(unknownPerson.statusCode, 400)
    assert.match(unknownPerson.body, /Choose the person interviewed from the list; that one does not exist/)
    const badDate = await postForm(t, author, '/newsroom/interviews', fields({ recordedOn: '2026-02-30' }))
    assert.match(badDate.body, /Date 2026-02-30 is not a day on the calendar/)
    const noCsrf = await postForm(t, author, '/newsroom/interviews', fields(), { csrf: false })
    assert.equal(noCsrf.statusCode, 403)
    assert.equal(await count(), 0)
    const asContributor = await t.app.inject({ url: '/newsroom/interviews', headers: { cookie: contributor.cookie } })
    assert.equal(asContributor.statusCode, 403)
  })

  it('author creates, fills, withholds, notes and submits; an editor clears and publishes; each refusal stores nothing', async () => {
    const db = t.database.db
    const form = await t.app.inject({ url: '/newsroom/interviews/new', headers: { cookie: author.cookie } })
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /name="personId"/)
    assert.match(form.body, /<select id="interviewers" name="interviewers" multiple data-combobox/)
    const id = redirectedId(await postForm(t, author, '/newsroom/interviews', fields()))
    assert.equal((await postForm(t, author, '/newsroom/interviews', fields({ title: 'Another' }))).statusCode, 409)

    const list = await t.app.inject({ url: '/newsroom/interviews?status=draft', headers: { cookie: author.cookie } })
    assert.match(list.body, /Ana Ruiz on the harbour ledgers[\s\S]*Draft[\s\S]*Ana Ruiz[\s\S]*The Harbour Ledgers/)
    assert.doesNotMatch(
      (await t.app.inject({ url: '/newsroom/interviews?status=published', headers: { cookie: author.cookie } })).body,
      /harbour ledgers<\/a>/,
    )
    assert.match(
      (await t.app.inject({ url: '/newsroom', headers: { cookie: author.cookie } })).body,
      /href="\/newsroom\/interviews"/,
    )

    const broken = await postTranscript(t, author, id, { name: 'ledgers.vtt', text: BROKEN })
    assert.equal(broken.statusCode, 400)
    assert.match(broken.body, /This transcript cannot be used; nothing was stored/)
    assert.match(broken.body, /Line 6: /)
    assert.deepEqual(await listPassages(db, id), [])
    assert.equal(
      (await postTranscript(t, author, id, { name: 'ledgers.vtt', text: VTT }, { csrf: false })).statusCode,
      403,
    )
    const filled = await postTranscript(t, author, id, { name: 'ledgers.vtt', text: VTT })
    assert.equal(filled.statusCode, 303, filled.body.slice(0, 500))
    assert.equal((await listPassages(db, id)).length, 3)

    const withheld = await postForm(t, author, `/newsroom/interviews/${id}/passages`, {
      positions: ['1'],
      reason: 'off-the-record',
      do: 'withhold',
    })
    assert.equal(withheld.statusCode, 303)
    assert.equal((await listPassages(db, id))[1]?.withheldReason, 'off-the-record')
    const noPassage = await postForm(t, author, `/newsroom/interviews/${id}/passages`, {
      positions: ['9'],
      reason: 'legal',
      do: 'withhold',
    })
    assert.equal(noPassage.statusCode, 400)
    assert.match(noPassage.body, /there is no passage 10/)

    const badLink = await postForm(t, author, `/newsroom/interviews/${id}/notes`, {
      passage: '1',
      kind: 'disputed',
      body: 'The port authority disputes this.',
      linkUrl: 'javascript:alert(1)',
    })
    assert.equal(badLink.statusCode, 400)
    assert.match(badLink.body, /The link: An address must start with https:\/\/ or http:\/\//)
    assert.deepEqual(await listNotes(db, id), [])
    assert.equal(
      (
        await postForm(t, author, `/newsroom/interviews/${id}/notes`, {
          passage: '1',
          kind: 'disputed',
          body: 'The port authority disputes this.',
          linkUrl: 'https://example.org/reply',
        })
      ).statusCode,
      303,
    )
    const shown = await page(id, author)
    assert.match(shown.body, /Withheld: Off the record/)
    assert.match(shown.body, /Disputed:<\/strong> The port authority disputes this/)
    assert.match(shown.body, /href="\/newsroom\/interviews\/\d+\/video">Video<\/a> \(none uploaded yet\)/)

    assert.equal((await postForm(t, author, `/newsroom/interviews/${id}/submit`, {})).statusCode, 303)
    assert.equal((await postForm(t, author, `/newsroom/interviews/${id}/clear`, {})).statusCode, 403)
    assert.equal((await findInterviewById(db, id))?.status, 'in_review')
    const early = await postForm(t, editor, `/newsroom/interviews/${id}/publish`, {})
    assert.equal(early.statusCode, 400)
    assert.match(early.body, /An interview must be cleared by an editor before it is published; this one is in review/)
    assert.equal((await findInterviewById(db, id))?.status, 'in_review')
    assert.doesNotMatch((await page(id, author)).body, /Clear for publishing/)
    assert.match((await page(id, editor)).body, /Clear for publishing/)
    assert.equal((await postForm(t, editor, `/newsroom/interviews/${id}/clear`, {})).statusCode, 303)
    assert.match((await page(id, editor)).body, /Send back to draft/)
    assert.doesNotMatch((await page(id, author)).body, /Send back to draft/)
    assert.equal((await postForm(t, author, `/newsroom/interviews/${id}/return`, {})).statusCode, 403)
    assert.equal((await findInterviewById(db, id))?.status, 'cleared')
    assert.equal(
      (await postForm(t, author, `/newsroom/interviews/${id}`, fields({ title: 'Changed by an author' }))).statusCode,
      403,
    )
    assert.equal((await postForm(t, editor, `/newsroom/interviews/${id}/publish`, {})).statusCode, 303)
    const published = await findInterviewBySlug(db, 'ana-ruiz-ledgers')
    assert.equal(published?.status, 'published')
    const audit = (await listAudit(db, 50))
      .filter(e => e.subject === `interview:${id}`)
      .reverse()
      .map(e => e.action)
    assert.deepEqual(audit, [
      'interview-created',
      'transcript-filled',
      'passages-withheld',
      'note-added',
      'interview-submitted',
      'interview-cleared',
      'interview-published',
    ])
    const history = (await page(id, editor)).body
    assert.match(history, /cleared by Test editor/)
    assert.match(history, /interview published[\s\S]*interview cleared[\s\S]*interview submitted/)
  })

  it('without script: a pasted transcript fills the passages; film moments, note edits and removals are saved from the page', async () => {
    const db = t.database.db
    const id = redirectedId(
      await postForm(t, author, '/newsroom/interviews', fields({ slug: 'ana-ruiz-second', title: 'Ana Ruiz, again' })),
    )
    const pasted = '[00:00:00] Ana Ruiz: The ledgers went missing in March.\n[00:00:09] Kit Navarro: Who had the key?\n'
    const empty = await postForm(t, author, `/newsroom/interviews/${id}/transcript`, { transcriptText: '', format: '' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /Choose a transcript file, or paste the transcript/)
    assert.equal(
      (await postForm(t, author, `/newsroom/interviews/${id}/transcript`, { transcriptText: pasted, format: 'text' }))
        .statusCode,
      303,
    )
    assert.deepEqual(
      (await listPassages(db, id)).map(p => [p.speaker, p.startSeconds]),
      [
        ['Ana Ruiz', 0],
        ['Kit Navarro', 9],
      ],
    )

    const moment = {
      momentFilm: [String(film.id)],
      momentFilmStart: ['12:05'],
      momentFilmEnd: ['12:40'],
      momentStart: ['0:00'],
      momentEnd: ['0:09'],
      momentLabel: ['The missing ledgers'],
    }
    const badMoment = await postForm(
      t,
      author,
      `/newsroom/interviews/${id}`,
      fields({ slug: 'ana-ruiz-second', ...moment, momentEnd: ['0:00'] }),
    )
    assert.equal(badMoment.statusCode, 400)
    assert.match(badMoment.body, /Film moment 1: the interview’s end must come after its start/)
    assert.equal(
      redirectedId(
        await postForm(t, author, `/newsroom/interviews/${id}`, fields({ slug: 'ana-ruiz-second', ...moment })),
      ),
      id,
    )
    assert.match((await page(id, author)).body, /value="The missing ledgers"/)

    assert.equal(
      (
        await postForm(t, author, `/newsroom/interviews/${id}/notes`, {
          passage: '2',
          kind: 'note',
          body: 'The key question.',
          linkUrl: '',
        })
      ).statusCode,
      303,
    )
    const [note] = await listNotes(db, id)
    assert.ok(note)
    assert.equal(
      (
        await postForm(t, author, `/newsroom/interviews/${id}/notes/${note.id}`, {
          kind: 'supporting',
          body: 'Keys were logged.',
          linkUrl: 'https://example.org/log',
        })
      ).statusCode,
      303,
    )
    assert.deepEqual(
      (await listNotes(db, id)).map(n => [n.kind, n.body, n.linkUrl]),
      [['supporting', 'Keys were logged.', 'https://example.org/log']],
    )
    const emptyNote = await postForm(t, author, `/newsroom/interviews/${id}/notes/${note.id}`, {
      kind: 'note',
      body: ' ',
      linkUrl: '',
    })
    assert.equal(emptyNote.statusCode, 400)
    assert.match(emptyNote.body, /A note cannot be empty/)
    assert.equal((await postForm(t, author, `/newsroom/interviews/${id}/notes/${note.id}/remove`, {})).statusCode, 303)
    assert.deepEqual(await listNotes(db, id), [])
    assert.match((await page(id, author)).body, /note removed[\s\S]*note edited[\s\S]*Keys were logged/)
  })
})
