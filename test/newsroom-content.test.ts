// The newsroom's content pages as staff use them: topics, people and static pages (editors),
// funders and site settings (admins). Each save shows on the public site at once (its cached
// pages are dropped), a lower role is refused, bad input is explained and stores nothing, and
// hostile text reaches readers escaped.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { cachedPage, postForm, redirectedId, signInAs, type Browser } from './newsroom-helpers.js'
import { makeImage, paragraphs } from './factories.js'
import { listAudit } from '../src/newsroom/index.js'
import { listTopics } from '../src/topics/index.js'
import { findPersonBySlug, listPeople } from '../src/people/index.js'
import { findPageBySlug, listPages } from '../src/pages/index.js'
import { listFunders } from '../src/funders/index.js'
import { loadSettings } from '../src/settings/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>
const HOSTILE = '<script>alert(1)</script>'
/** The hostile text as the renderer escapes it, in text (`<` only) or in an attribute. */
const ESCAPED = /&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;)/

describe('newsroom content pages', () => {
  let t: TestApp
  let author: Browser
  let editor: Browser
  let admin: Browser

  before(async () => {
    t = await testApp()
    ;[author, editor, admin] = [await signInAs(t, 'author'), await signInAs(t, 'editor'), await signInAs(t, 'admin')]
  })
  after(() => t.dispose())

  const audited = async (action: string, subject: string) =>
    (await listAudit(t.database.db, 200)).some(e => e.action === action && e.subject === subject)

  describe('topics', () => {
    const topic = { name: 'Housing', slug: 'housing', description: 'Where people live.', position: '' }

    it('an editor creates a topic and edits it, and the public pages show each change at once', async () => {
      await cachedPage(t, '/topics')
      const id = redirectedId(await postForm(t, editor, '/newsroom/topics', topic))
      assert.match((await t.app.inject('/topics')).body, /Housing/)
      assert.ok(await audited('topic-created', `topic:${id}`))

      assert.match((await cachedPage(t, '/topics/housing')).body, /Where people live\./)
      redirectedId(
        await postForm(t, editor, `/newsroom/topics/${id}`, {
          ...topic,
          name: 'Housing and Homes',
          description: 'Rent, mortgages and shelter.',
        }),
      )
      const page = await t.app.inject('/topics/housing')
      assert.equal(page.headers['x-cache'], undefined)
      assert.match(page.body, /<h1>Housing and Homes<\/h1>/)
      assert.match(page.body, /Rent, mortgages and shelter\./)
      assert.ok(await audited('topic-updated', `topic:${id}`))

      const form = await t.app.inject({ url: `/newsroom/topics/${id}?saved=1`, headers: { cookie: editor.cookie } })
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /The topic is saved/)
      assert.match(form.body, /value="Housing and Homes"/)
    })

    it('the list is in navigation order, and moving a topic up renumbers it', async () => {
      redirectedId(
        await postForm(t, editor, '/newsroom/topics', {
          name: 'Labour',
          slug: 'labour',
          description: '',
          position: '',
        }),
      )
      const [first, second] = (await listTopics(t.database.db)).slice(-2)
      assert.ok(first && second)
      const res = await postForm(t, editor, `/newsroom/topics/${second.id}/move`, { direction: 'up' })
      assert.equal(res.statusCode, 303)
      const order = (await listTopics(t.database.db)).map(x => x.id)
      assert.ok(order.indexOf(second.id) < order.indexOf(first.id))
      const list = await t.app.inject({ url: '/newsroom/topics', headers: { cookie: editor.cookie } })
      assert.ok(list.body.indexOf(second.name) < list.body.indexOf(first.name))
    })

    it('an author may neither see nor change topics', async () => {
      assert.equal(
        (await t.app.inject({ url: '/newsroom/topics', headers: { cookie: author.cookie } })).statusCode,
        403,
      )
      const before = (await listTopics(t.database.db)).length
      assert.equal((await postForm(t, author, '/newsroom/topics', { ...topic, slug: 'by-an-author' })).statusCode, 403)
      assert.equal((await listTopics(t.database.db)).length, before)
    })

    it('bad input gets 400 naming each problem, keeps what was typed and stores nothing', async () => {
      const before = await listTopics(t.database.db)
      const res = await postForm(t, editor, '/newsroom/topics', {
        name: '',
        slug: 'Bad Slug!',
        description: 'x'.repeat(501),
        position: 'first',
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /There are 4 problems; nothing was saved/)
      assert.match(res.body, /Name cannot be empty/)
      assert.match(res.body, /Slug may only hold lower-case letters and digits/)
      assert.match(res.body, /Description is limited to 500 characters; this one has 501/)
      assert.match(res.body, /Position must be a whole number/)
      assert.match(res.body, /value="Bad Slug!"/)
      assert.match(res.body, /aria-invalid="true"/)
      assert.deepEqual(await listTopics(t.database.db), before)
    })

    it('a slug another topic uses gets 409 “That slug is taken”', async () => {
      const before = await listTopics(t.database.db)
      const res = await postForm(t, editor, '/newsroom/topics', { ...topic, name: 'Housing again' })
      assert.equal(res.statusCode, 409)
      assert.match(res.body, /That slug is taken/)
      assert.match(res.body, /value="Housing again"/)
      assert.deepEqual(await listTopics(t.database.db), before)
      const other = before.find(x => x.slug === 'labour')
      assert.ok(other)
      assert.equal(
        (await postForm(t, editor, `/newsroom/topics/${other.id}`, { ...topic, name: 'Labour' })).statusCode,
        409,
      )
    })

    it('hostile text in a topic reaches readers escaped', async () => {
      redirectedId(
        await postForm(t, editor, '/newsroom/topics', {
          name: HOSTILE,
          slug: 'hostile-topic',
          description: HOSTILE,
          position: '',
        }),
      )
      for (const url of ['/topics', '/topics/hostile-topic']) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 200)
        assert.ok(!res.body.includes(HOSTILE), `${url} shows the raw script`)
        assert.ok(ESCAPED.test(res.body), `${url} shows the name escaped`)
      }
    })

    it('a form without the CSRF token is refused', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/topics',
        payload: new URLSearchParams({ ...topic, slug: 'no-token' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: editor.cookie },
      })
      assert.equal(res.statusCode, 403)
      assert.ok(!(await listTopics(t.database.db)).some(x => x.slug === 'no-token'))
    })
  })

  describe('people', () => {
    it('an editor creates a person with a portrait and accounts elsewhere, edits them, and the profile follows', async () => {
      const photo = await makeImage(t.database.db, { alt: 'June Park at her desk' })
      const newForm = await t.app.inject({ url: '/newsroom/people/new', headers: { cookie: editor.cookie } })
      assert.match(
        newForm.body,
        new RegExp(`<option value="${photo.id}">June Park at her desk \\(#${photo.id}\\)</option>`),
      )
      await cachedPage(t, '/people')
      const fields = {
        name: 'June Park',
        slug: 'june-park',
        jobTitle: 'Data Reporter',
        bio: 'Counts things.',
        photoId: String(photo.id),
        socialsKey: ['bluesky', 'email', 'x'],
        socialsHref: ['https://bsky.app/profile/june', 'mailto:june@example.org', ''],
      }
      const id = redirectedId(await postForm(t, editor, '/newsroom/people', fields))
      assert.match((await t.app.inject('/people')).body, /June Park/)
      const stored = await findPersonBySlug(t.database.db, 'june-park')
      assert.deepEqual(stored?.socials, [
        { network: 'bluesky', url: 'https://bsky.app/profile/june' },
        { network: 'email', url: 'mailto:june@example.org' },
      ])
      assert.equal(stored?.photoId, photo.id)

      assert.match((await cachedPage(t, '/people/june-park')).body, /Counts things\./)
      redirectedId(
        await postForm(t, editor, `/newsroom/people/${id}`, {
          ...fields,
          jobTitle: 'Data Editor',
          bio: 'Edits the numbers.',
        }),
      )
      const profile = await t.app.inject('/people/june-park')
      assert.match(profile.body, /Data Editor/)
      assert.match(profile.body, /Edits the numbers\./)
      assert.match(profile.body, /href="https:\/\/bsky.app\/profile\/june"/)
      assert.ok(await audited('person-updated', `person:${id}`))
    })

    it('a javascript: address, an unknown picture or an oversized bio gets 400 and stores nothing', async () => {
      const before = await listPeople(t.database.db)
      const res = await postForm(t, editor, '/newsroom/people', {
        name: 'Eve',
        slug: 'eve',
        jobTitle: '',
        bio: 'b'.repeat(5001),
        photoId: '99999',
        socialsKey: ['website', 'x'],
        socialsHref: ['javascript:alert(1)', 'https://user:pw@example.org'],
      })
      assert.equal(res.statusCode, 400)
      assert.match(
        res.body,
        /Address 1: An address must start with https:\/\/, http:\/\/ or mailto:; “javascript:alert\(1\)” is not allowed\./,
      )
      assert.match(res.body, /Address 2: A web address cannot contain a user name or password/)
      assert.match(res.body, /Choose a picture from the list/)
      assert.match(res.body, /Bio is limited to 5,000 characters/)
      assert.match(res.body, /value="javascript:alert\(1\)"/)
      assert.deepEqual(await listPeople(t.database.db), before)
    })

    it('a taken slug gets 409, and an author is refused', async () => {
      const res = await postForm(t, editor, '/newsroom/people', {
        name: 'Another June',
        slug: 'june-park',
        socialsKey: 'x',
        socialsHref: '',
      })
      assert.equal(res.statusCode, 409)
      assert.match(res.body, /That slug is taken/)
      assert.equal(
        (await t.app.inject({ url: '/newsroom/people', headers: { cookie: author.cookie } })).statusCode,
        403,
      )
      assert.equal((await postForm(t, author, '/newsroom/people', { name: 'Sneaky', slug: 'sneaky' })).statusCode, 403)
      assert.equal(await findPersonBySlug(t.database.db, 'sneaky'), undefined)
    })

    it('hostile text in a person reaches readers escaped', async () => {
      redirectedId(
        await postForm(t, editor, '/newsroom/people', {
          name: HOSTILE,
          slug: 'hostile-person',
          jobTitle: HOSTILE,
          bio: HOSTILE,
        }),
      )
      for (const url of ['/people', '/people/hostile-person']) {
        const res = await t.app.inject(url)
        assert.ok(!res.body.includes(HOSTILE) && ESCAPED.test(res.body), url)
      }
    })
  })

  describe('static pages', () => {
    const body = (text: string) => JSON.stringify(paragraphs(text))

    it('the form carries the body editor island over the JSON textarea', async () => {
      const res = await t.app.inject({ url: '/newsroom/pages/new', headers: { cookie: editor.cookie } })
      assert.equal(res.statusCode, 200)
      assert.match(
        res.body,
        /<div class="body-editor" data-body-editor="page-body" data-images-url="\/newsroom\/api\/images" data-excerpts-url="\/newsroom\/api\/excerpts" data-documentaries-url="\/newsroom\/api\/documentaries"[^>]*><\/div>/,
      )
      assert.match(
        res.body,
        /<textarea id="page-body" name="body" class="body-json" rows="20"[^>]*>\{&quot;type&quot;:&quot;doc&quot;,&quot;content&quot;:\[\]\}<\/textarea>/,
      )
    })

    it('an editor creates a page and edits its body, and the public page follows', async () => {
      const id = redirectedId(
        await postForm(t, editor, '/newsroom/pages', {
          title: 'About us',
          slug: 'about',
          summary: 'Who we are.',
          body: body('We report.'),
        }),
      )
      assert.match((await cachedPage(t, '/about')).body, /We report\./)
      redirectedId(
        await postForm(t, editor, `/newsroom/pages/${id}`, {
          title: 'About us',
          slug: 'about',
          summary: 'Who we are.',
          body: body('We report and we correct.'),
        }),
      )
      const page = await t.app.inject('/about')
      assert.equal(page.headers['x-cache'], undefined)
      assert.match(page.body, /We report and we correct\./)
      assert.ok(await audited('page-updated', `page:${id}`))
      const form = await t.app.inject({ url: `/newsroom/pages/${id}`, headers: { cookie: editor.cookie } })
      assert.match(form.body, /We report and we correct\./)
    })

    it('an invalid body gets 400 listing the validator’s problems, keeps the text and stores nothing', async () => {
      const before = await listPages(t.database.db)
      const bad =
        '{"type":"doc","content":[{"type":"script","content":[]},{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"link","attrs":{"href":"javascript:alert(1)"}}]}]}]}'
      const res = await postForm(t, editor, '/newsroom/pages', {
        title: 'Broken',
        slug: 'broken',
        summary: '',
        body: bad,
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /The body has 2 problems/)
      assert.match(res.body, /script/)
      assert.match(res.body, /links must be http\(s\), mailto or a path on this site/)
      assert.ok(res.body.includes('&quot;type&quot;:&quot;script&quot;'), 'the typed body is kept')
      const notJson = await postForm(t, editor, '/newsroom/pages', {
        title: 'Broken',
        slug: 'broken',
        summary: '',
        body: '{"type":',
      })
      assert.equal(notJson.statusCode, 400)
      assert.match(notJson.body, /not valid JSON/)
      assert.deepEqual(await listPages(t.database.db), before)
      assert.equal(await findPageBySlug(t.database.db, 'broken'), undefined)
    })

    it('a slug that is taken, or that names another part of the site, is refused', async () => {
      const taken = await postForm(t, editor, '/newsroom/pages', {
        title: 'About again',
        slug: 'about',
        summary: '',
        body: body('x'),
      })
      assert.equal(taken.statusCode, 409)
      assert.match(taken.body, /That slug is taken/)
      const route = await postForm(t, editor, '/newsroom/pages', {
        title: 'Topics',
        slug: 'topics',
        summary: '',
        body: body('x'),
      })
      assert.equal(route.statusCode, 400)
      assert.match(route.body, /The address \/topics belongs to another part of the site/)
      assert.equal(await findPageBySlug(t.database.db, 'topics'), undefined)
    })

    it('an author is refused, and hostile text reaches readers escaped', async () => {
      assert.equal(
        (await postForm(t, author, '/newsroom/pages', { title: 'Mine', slug: 'mine', body: body('x') })).statusCode,
        403,
      )
      assert.equal(await findPageBySlug(t.database.db, 'mine'), undefined)
      redirectedId(
        await postForm(t, editor, '/newsroom/pages', {
          title: HOSTILE,
          slug: 'hostile-page',
          summary: HOSTILE,
          body: body(HOSTILE),
        }),
      )
      const res = await t.app.inject('/hostile-page')
      assert.equal(res.statusCode, 200)
      assert.ok(!res.body.includes(HOSTILE) && ESCAPED.test(res.body))
    })
  })

  describe('funders', () => {
    const funder = {
      name: 'The Lantern Fund',
      slug: 'lantern-fund',
      url: 'https://lantern.example.org',
      tier: 'lead',
      description: 'Backs long films.',
      siteWide: '1',
      position: '',
      logoId: '',
    }

    it('an editor may neither see nor change funders', async () => {
      assert.equal(
        (await t.app.inject({ url: '/newsroom/funders', headers: { cookie: editor.cookie } })).statusCode,
        403,
      )
      assert.equal((await postForm(t, editor, '/newsroom/funders', funder)).statusCode, 403)
      assert.deepEqual(await listFunders(t.database.db), [])
    })

    it('an admin creates a site-wide funder and edits it, and /funders and the credits band follow', async () => {
      await cachedPage(t, '/funders')
      await cachedPage(t, '/about')
      const id = redirectedId(await postForm(t, admin, '/newsroom/funders', funder))
      assert.match((await t.app.inject('/funders')).body, /Backs long films\./)
      assert.match((await t.app.inject('/about')).body, /Support provided by[\s\S]*The Lantern Fund/)

      const { siteWide: _, ...notSiteWide } = funder
      redirectedId(
        await postForm(t, admin, `/newsroom/funders/${id}`, {
          ...notSiteWide,
          tier: 'major',
          description: 'Backs long and short films.',
        }),
      )
      const list = await t.app.inject('/funders')
      assert.match(list.body, /Major support[\s\S]*Backs long and short films\./)
      assert.doesNotMatch((await t.app.inject('/about')).body, /Support provided by/)
      assert.ok(await audited('funder-updated', `funder:${id}`))
    })

    it('a javascript: website, an unknown tier or an empty name gets 400 and stores nothing', async () => {
      const before = await listFunders(t.database.db)
      const res = await postForm(t, admin, '/newsroom/funders', {
        ...funder,
        name: '',
        slug: 'other-fund',
        url: 'javascript:alert(1)',
        tier: 'platinum',
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /Name cannot be empty/)
      assert.match(res.body, /Website: An address must start with https:\/\/ or http:\/\//)
      assert.match(res.body, /Tier: choose one of lead, major, supporting/)
      assert.deepEqual(await listFunders(t.database.db), before)
      assert.equal((await postForm(t, admin, '/newsroom/funders', { ...funder, name: 'Copy' })).statusCode, 409)
    })
  })

  describe('site settings', () => {
    const current = async () => {
      const s = await loadSettings(t.database.db)
      return {
        name: s.name,
        tagline: s.tagline,
        description: s.description,
        timeZone: s.timeZone,
        footerText: s.footerText,
        copyrightHolder: s.copyrightHolder,
        navigationKey: s.navigation.map(l => l.label),
        navigationHref: s.navigation.map(l => l.href),
        footerLinksKey: s.footerLinks.map(l => l.label),
        footerLinksHref: s.footerLinks.map(l => l.href),
        socialsKey: s.socials.map(l => l.network),
        socialsHref: s.socials.map(l => l.url),
      }
    }

    it('an editor may neither see nor change the settings', async () => {
      assert.equal(
        (await t.app.inject({ url: '/newsroom/settings', headers: { cookie: editor.cookie } })).statusCode,
        403,
      )
      assert.equal(
        (await postForm(t, editor, '/newsroom/settings', { ...(await current()), name: 'Taken over' })).statusCode,
        403,
      )
      assert.notEqual((await loadSettings(t.database.db)).name, 'Taken over')
    })

    it('an admin changes the name, navigation, socials and time zone, and every page follows', async () => {
      const form = await t.app.inject({ url: '/newsroom/settings', headers: { cookie: admin.cookie } })
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /<datalist id="time-zones">/)
      await cachedPage(t, '/about')
      const res = await postForm(t, admin, '/newsroom/settings', {
        ...(await current()),
        name: 'The Long View',
        tagline: 'Slow news, done right',
        timeZone: 'europe/berlin',
        navigationKey: ['Films', 'Shop', ''],
        navigationHref: ['/documentaries', 'https://shop.example.org/', ''],
        socialsKey: ['mastodon'],
        socialsHref: ['https://social.example/@longview'],
        copyrightHolder: 'Long View Media',
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 500))
      const page = await t.app.inject('/about')
      assert.equal(page.headers['x-cache'], undefined)
      assert.match(page.body, /The Long View/)
      assert.match(page.body, /Slow news, done right/)
      assert.match(page.body, /<a href="https:\/\/shop.example.org\/"[^>]*>Shop<\/a>/)
      assert.match(page.body, /href="https:\/\/social.example\/@longview"/)
      assert.match(page.body, /Long View Media/)
      const saved = await loadSettings(t.database.db)
      assert.equal(saved.timeZone, 'Europe/Berlin')
      assert.deepEqual(saved.navigation, [
        { label: 'Films', href: '/documentaries' },
        { label: 'Shop', href: 'https://shop.example.org/' },
      ])
      assert.ok(await audited('settings-updated', 'site'))
    })

    it('an unknown time zone, unsafe links or oversized text get 400 and change nothing', async () => {
      const before = await loadSettings(t.database.db)
      const res = await postForm(t, admin, '/newsroom/settings', {
        ...(await current()),
        name: 'Changed',
        timeZone: 'Mars/Olympus_Mons',
        navigationKey: ['Evil', 'Elsewhere', 'No label'],
        navigationHref: ['javascript:alert(1)', '//evil.example/', '/fine'],
        socialsKey: ['x'],
        socialsHref: ['JAVASCRIPT:alert(1)'],
        footerText: 'f'.repeat(2001),
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /“Mars\/Olympus_Mons” is not a time zone this server knows/)
      assert.match(
        res.body,
        /Address 1: An address must start with https:\/\/, http:\/\/ or \/ \(a page on this site\); “javascript:alert\(1\)” is not allowed/,
      )
      assert.match(res.body, /“\/\/evil.example\/” is not allowed/)
      assert.match(res.body, /“JAVASCRIPT:alert\(1\)” is not allowed/)
      assert.match(res.body, /Footer text is limited to 2,000 characters/)
      assert.match(res.body, /value="Mars\/Olympus_Mons"/)
      assert.deepEqual(await loadSettings(t.database.db), before)
    })

    it('hostile text in the settings reaches readers escaped', async () => {
      assert.equal(
        (
          await postForm(t, admin, '/newsroom/settings', {
            ...(await current()),
            footerText: HOSTILE,
            tagline: HOSTILE,
          })
        ).statusCode,
        303,
      )
      const res = await t.app.inject('/about')
      assert.ok(!res.body.includes(HOSTILE) && ESCAPED.test(res.body))
    })
  })
})
