// /support (issue 14): a reader can act on it before and after the newsroom sets it up; an admin
// edits it at /newsroom/support, every bad field is explained beside it and nothing is saved;
// "Support our work" leads there and the sitemap lists it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { cachedPage, postForm, signInAs, type Browser } from './newsroom-helpers.js'
import { listAudit } from '../src/newsroom/index.js'
import { insertFunder } from '../src/funders/index.js'
import { DEFAULT_SUPPORT, loadSettings } from '../src/settings/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

/** A good form: two monthly gifts and a one-off. */
const GOOD = {
  heading: 'Keep us independent',
  appeal: 'We report for months.\n\nReaders pay for it.',
  membership: 'Monthly givers are members; stop any time.',
  optionLabel: ['Reader', 'Member', 'One-off', ''],
  optionAmount: ['5', '12.50', '100', ''],
  optionCurrency: ['usd', 'EUR', 'USD', 'USD'],
  optionFrequency: ['monthly', 'monthly', 'once', 'monthly'],
  optionUrl: [
    'https://give.example.org/m5',
    'https://give.example.org/m12?ref=site&x=1',
    'HTTPS://give.example.org/once',
    '',
  ],
}

describe('the support page', () => {
  let t: TestApp
  let editor: Browser
  let admin: Browser
  before(async () => {
    t = await testApp()
    await insertFunder(t.database.db, {
      slug: 'harrow-lane',
      name: 'Harrow Lane Foundation',
      url: 'https://harrow.example.org/',
      description: 'Backs rural reporting.',
      tier: 'lead',
      siteWide: true,
      logoId: null,
      position: 0,
    })
    ;[editor, admin] = [await signInAs(t, 'editor'), await signInAs(t, 'admin')]
  })
  after(() => t.dispose())

  it('before it is set up it still makes the appeal, and credits the funders with a link to them all', async () => {
    const res = await t.app.inject('/support')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1>Support our work<\/h1>/)
    assert.ok(res.body.includes(DEFAULT_SUPPORT.appeal.split('\n')[0]!))
    assert.match(res.body, /Online giving is being set up/)
    assert.match(res.body, /Harrow Lane Foundation/, 'the funders’ credits')
    assert.match(res.body, /<a href="\/funders">See all our funders<\/a>/)
  })

  it('“Support our work” in the header leads to /support, and the sitemap lists it', async () => {
    const home = (await t.app.inject('/')).body
    assert.match(home, /<a class="button button--support" href="\/support">\s*Support our work\s*<\/a>/)
    const sitemap = await t.app.inject('/sitemap.xml')
    assert.ok(sitemap.body.includes('/support</loc>'), 'in the sitemap')
  })

  it('an editor may neither see nor change it', async () => {
    assert.equal((await t.app.inject({ url: '/newsroom/support', headers: { cookie: editor.cookie } })).statusCode, 403)
    assert.equal((await postForm(t, editor, '/newsroom/support', GOOD)).statusCode, 403)
    assert.deepEqual((await loadSettings(t.database.db)).support, DEFAULT_SUPPORT)
  })

  it('an admin sets it up; the page shows each gift as a link to the provider, at once', async () => {
    await cachedPage(t, '/support')
    const form = await t.app.inject({ url: '/newsroom/support', headers: { cookie: admin.cookie } })
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /name="_csrf"/)
    const res = await postForm(t, admin, '/newsroom/support', GOOD)
    assert.equal(res.statusCode, 303, res.body.slice(0, 800))
    const saved = (await loadSettings(t.database.db)).support
    assert.deepEqual(saved.options, [
      { label: 'Reader', amount: 5, currency: 'USD', monthly: true, url: 'https://give.example.org/m5' },
      {
        label: 'Member',
        amount: 12.5,
        currency: 'EUR',
        monthly: true,
        url: 'https://give.example.org/m12?ref=site&x=1',
      },
      { label: 'One-off', amount: 100, currency: 'USD', monthly: false, url: 'https://give.example.org/once' },
    ])
    const page = await t.app.inject('/support')
    assert.equal(page.headers['x-cache'], undefined, 'the cached page was dropped')
    assert.match(page.body, /<h1>Keep us independent<\/h1>/)
    assert.match(page.body, /<p class="story__dek">We report for months\.<\/p>\s*<p>Readers pay for it\.<\/p>/)
    assert.match(
      page.body,
      /<a class="button gift__button" href="https:\/\/give.example.org\/m5" rel="noopener">\s*Give \$5<span class="visually-hidden"> a month \(Reader, opens our payment provider\)/,
    )
    assert.match(
      page.body,
      /href="https:\/\/give.example.org\/m12\?ref=site&amp;x=1"[^>]*>\s*Give €12.50<span class="visually-hidden"> a month/,
    )
    assert.match(
      page.body,
      /href="https:\/\/give.example.org\/once"[^>]*>\s*Give \$100<span class="visually-hidden"> once/,
    )
    assert.match(page.body, /Monthly givers are members; stop any time\./)
    assert.match(page.body, /Harrow Lane Foundation/)
    assert.ok((await listAudit(t.database.db, 50)).some(e => e.action === 'support-updated'))
    const again = await t.app.inject({ url: '/newsroom/support?saved=1', headers: { cookie: admin.cookie } })
    assert.match(again.body, /value="12.50"/, 'the form shows the amount as typed')
  })

  const bad: [string, Record<string, string | string[]>, RegExp, string][] = [
    [
      'javascript: address',
      { optionUrl: ['javascript:alert(1)', ...GOOD.optionUrl.slice(1)] },
      /Gift 1: An address must start with https:\/\//,
      'option-0-url',
    ],
    [
      'site path as provider',
      { optionUrl: ['/donate', ...GOOD.optionUrl.slice(1)] },
      /Gift 1: An address must start/,
      'option-0-url',
    ],
    [
      'mailto provider',
      { optionUrl: ['mailto:give@example.org', ...GOOD.optionUrl.slice(1)] },
      /Gift 1: An address must start/,
      'option-0-url',
    ],
    [
      'user name in URL',
      { optionUrl: ['https://give.example.org@evil.example/', ...GOOD.optionUrl.slice(1)] },
      /Gift 1: A web address cannot contain a user name/,
      'option-0-url',
    ],
    [
      'missing address',
      { optionUrl: ['', ...GOOD.optionUrl.slice(1)] },
      /Gift 1: enter the payment provider/,
      'option-0-url',
    ],
    [
      'zero amount',
      { optionAmount: ['0', '12.50', '100', ''] },
      /Gift 1: the amount must be more than zero/,
      'option-0-amount',
    ],
    [
      'negative amount',
      { optionAmount: ['-5', '12.50', '100', ''] },
      /Gift 1: “-5” is not an amount/,
      'option-0-amount',
    ],
    [
      'three decimals',
      { optionAmount: ['5', '12.505', '100', ''] },
      /Gift 2: “12.505” is not an amount/,
      'option-1-amount',
    ],
    [
      'words for an amount',
      { optionAmount: ['five', '12.50', '100', ''] },
      /Gift 1: “five” is not an amount/,
      'option-0-amount',
    ],
    [
      'huge amount',
      { optionAmount: ['5', '12.50', '100000000', ''] },
      /Gift 3: the amount is limited/,
      'option-2-amount',
    ],
    [
      'unknown currency',
      { optionCurrency: ['XYZZY', 'EUR', 'USD', ''] },
      /Gift 1: choose a currency code/,
      'option-0-currency',
    ],
    [
      'odd frequency',
      { optionFrequency: ['weekly', 'monthly', 'once', ''] },
      /Gift 1: choose monthly or one-off/,
      'option-0-frequency',
    ],
    [
      'label missing',
      { optionLabel: ['', 'Member', 'One-off', ''] },
      /Gift 1: label cannot be empty/,
      'option-0-label',
    ],
    [
      'label too long',
      { optionLabel: ['x'.repeat(61), 'Member', 'One-off', ''] },
      /Gift 1: label is limited to 60/,
      'option-0-label',
    ],
    ['empty heading', { heading: '' }, /Heading cannot be empty/, 'heading'],
    ['appeal too long', { appeal: 'a'.repeat(4001) }, /Appeal is limited to 4,000 characters/, 'appeal'],
    ['membership too long', { membership: 'm'.repeat(1001) }, /Membership wording is limited to 1,000/, 'membership'],
    [
      'too many gifts',
      {
        optionLabel: Array.from({ length: 7 }, (_, i) => `Gift ${i}`),
        optionAmount: Array.from({ length: 7 }, () => '5'),
        optionCurrency: Array.from({ length: 7 }, () => 'USD'),
        optionFrequency: Array.from({ length: 7 }, () => 'once'),
        optionUrl: Array.from({ length: 7 }, (_, i) => `https://give.example.org/${i}`),
      },
      /at most 6 ways to give; there are 7/,
      'options',
    ],
  ]
  for (const [name, change, reason, field] of bad) {
    it(`bad input (${name}) gets 400 with the reason beside the field, and saves nothing`, async () => {
      const before = await loadSettings(t.database.db)
      const res = await postForm(t, admin, '/newsroom/support', { ...GOOD, heading: 'Changed', ...change })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, reason)
      assert.match(res.body, new RegExp(`id="${field}(-error)?"`), 'the reason sits at the field')
      assert.deepEqual(await loadSettings(t.database.db), before)
    })
  }

  it('a body past the form’s caps is refused outright', async () => {
    const res = await postForm(t, admin, '/newsroom/support', {
      ...GOOD,
      optionLabel: Array.from({ length: 51 }, () => 'x'),
    })
    assert.equal(res.statusCode, 400)
  })
})
