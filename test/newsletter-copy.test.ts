// What a reader reads after signing up (issue 14): the thank-you says to check the inbox whether
// the island or the page answers, and the confirmation comes from the site's name and reads
// naturally, as seen by a real SMTP server.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { saveSettings } from '../src/settings/index.js'

/** The message with its quoted-printable parts decoded. */
function quotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`)
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'))
}

type TestApp = Awaited<ReturnType<typeof testApp>>

const SITE = 'https://news.example.org'
const INBOX =
  /Check your inbox \(and your spam folder\) for an email from us: to finish signing up, open the link in it\./

describe('newsletter sign-up copy and sender', () => {
  let smtp: TestSmtp
  let t: TestApp
  let client = 0
  before(async () => {
    smtp = await startSmtpServer()
    t = await testApp({ smtpUrl: smtp.url, runJobs: false })
  })
  after(async () => {
    await t.dispose()
    await smtp.close()
  })

  const signUp = (app: TestApp, email: string, accept?: string) =>
    app.app.inject({
      method: 'POST',
      url: '/newsletter',
      payload: `email=${encodeURIComponent(email)}`,
      remoteAddress: `10.9.0.${++client}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: SITE,
        ...(accept ? { accept } : {}),
      },
    })
  const only = (email: string) => {
    const mails = smtp.to(email)
    assert.equal(mails.length, 1, `one mail to ${email}`)
    return mails[0]!
  }

  it('the island’s JSON answer and the page without JavaScript both say to check the inbox', async () => {
    const json = await signUp(t, 'island@example.org', 'application/json')
    assert.equal(json.statusCode, 200)
    const message = (json.json() as { message: string }).message
    assert.match(message, /^Thank you! Your subscription request has been received\./)
    assert.match(message, INBOX)
    const page = await signUp(t, 'page@example.org')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Your subscription request has been received\./)
    assert.match(page.body, INBOX)
  })

  it('the sign-up island falls back to the same words', async () => {
    const html = (await t.app.inject('/')).body
    const script = await t.app.inject(html.match(/src="(\/assets\/newsletter-signup\.[a-f0-9]+\.js)"/)![1]!)
    assert.match(script.body, /Check your inbox \(and your spam folder\)/)
  })

  it('without MAIL_FROM the confirmation comes from the site’s name at send time, at newsroom@ the public host', async () => {
    await saveSettings(t.database.db, { name: 'The Harbour Desk' })
    await signUp(t, 'first@example.org')
    assert.equal(only('first@example.org').headers.get('from'), 'The Harbour Desk <newsroom@news.example.org>')
    // Renamed in the newsroom: the next mail says the new name, with no restart.
    await saveSettings(t.database.db, { name: 'Harbour "Desk" \\ News' })
    await signUp(t, 'second@example.org')
    const from = only('second@example.org').headers.get('from') ?? ''
    assert.equal(
      from,
      'Harbour Desk  News <newsroom@news.example.org>',
      'quotes and backslashes cannot break the header',
    )
  })

  it('the confirmation reads naturally, naming the newsletter in quotes', async () => {
    await saveSettings(t.database.db, { name: 'The Harbour Desk' })
    await signUp(t, 'reads@example.org')
    const body = quotedPrintable(only('reads@example.org').raw).replace(/\s+/g, ' ')
    assert.match(body, /asked to receive the newsletter “The weekly newsletter” from \S.* at this address/)
    assert.doesNotMatch(body, /receive The weekly/)
  })

  it('an explicit MAIL_FROM with a name wins over the site’s name', async () => {
    const own = await testApp({ smtpUrl: smtp.url, runJobs: false, mailFrom: 'Audience Desk <desk@example.org>' })
    try {
      await signUp(own, 'explicit@example.org')
      assert.equal(only('explicit@example.org').headers.get('from'), 'Audience Desk <desk@example.org>')
    } finally {
      await own.dispose()
    }
  })
})
