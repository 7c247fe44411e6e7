// Staff accounts as a newsroom uses them: signing in and out, sessions, the first admin's
// set-up link, password resets over real SMTP, invitations, rate limits and CSRF.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from './helpers.js'
import { startSmtpServer, type TestSmtp } from './smtp-helpers.js'
import { cookieFrom, formSession, makeAccount, postForm, signIn, signInAs, TEST_PASSWORD } from './newsroom-helpers.js'
import { createSetupLink, listAudit } from '../src/newsroom/index.js'

describe('newsroom accounts', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let smtp: TestSmtp
  /** Every message the SMTP server accepted, raw, oldest first. */
  const inbox = () => smtp.received.map(m => m.raw)

  before(async () => {
    smtp = await startSmtpServer()
    // Jobs (the reset mail) run when a test says so, not on the runner's clock.
    t = await testApp({ smtpUrl: smtp.url, runJobs: false })
  })
  after(async () => {
    await t.dispose()
    await smtp.close()
  })

  it('a signed-out visit to the newsroom goes to the sign-in page', async () => {
    const res = await t.app.inject('/newsroom')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/newsroom/sign-in?next=%2Fnewsroom')
  })

  it('signing in sets an HttpOnly, SameSite session cookie and shows the dashboard', async () => {
    const account = await makeAccount(t, 'editor', 'ed@example.org')
    const form = await formSession(t)
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        email: 'ED@example.org',
        password: TEST_PASSWORD,
        _csrf: form.token,
        next: '/newsroom/sessions',
      }).toString(),
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/newsroom/sessions')
    const setCookie = [res.headers['set-cookie']].flat().join('\n')
    assert.match(setCookie, /newsreel_session=[^;]+; Path=\/; SameSite=Lax; HttpOnly; Max-Age=\d+/)
    const dashboard = await t.app.inject({
      url: '/newsroom',
      headers: { cookie: `newsreel_session=${cookieFrom(res.headers['set-cookie'], 'newsreel_session')}` },
    })
    assert.equal(dashboard.statusCode, 200)
    assert.match(dashboard.body, /Welcome, Test editor/)
    assert.equal(dashboard.headers['cache-control'], 'no-store')
    assert.ok((await listAudit(t.database.db, 10)).some(e => e.action === 'sign-in' && e.accountId === account.id))
  })

  it('a wrong password and an unknown address get the same answer', async () => {
    await makeAccount(t, 'author', 'known@example.org')
    const attempt = async (email: string) => {
      const form = await formSession(t)
      return t.app.inject({
        method: 'POST',
        url: '/newsroom/sign-in',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email, password: 'not the password', _csrf: form.token }).toString(),
      })
    }
    const [wrong, unknown] = [await attempt('known@example.org'), await attempt('nobody@example.org')]
    assert.equal(wrong.statusCode, 401)
    assert.equal(unknown.statusCode, 401)
    const message = (html: string) => html.match(/<div class="nr-notice nr-notice--error"[^>]*>(.*?)<\/div>/)?.[1]
    assert.equal(message(wrong.body), message(unknown.body))
    assert.equal(cookieFrom(wrong.headers['set-cookie'], 'newsreel_session'), undefined)
  })

  it('a sign-in form without its token is refused', async () => {
    await makeAccount(t, 'author', 'notoken@example.org')
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        email: 'notoken@example.org',
        password: TEST_PASSWORD,
        _csrf: 'forged',
      }).toString(),
    })
    assert.equal(res.statusCode, 403)
  })

  it('too many attempts on one account are throttled, even with the right password', async () => {
    await makeAccount(t, 'author', 'target@example.org')
    const form = await formSession(t)
    const post = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/newsroom/sign-in',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email: 'target@example.org', password, _csrf: form.token }).toString(),
      })
    for (let i = 0; i < 5; i++) assert.equal((await post('guess')).statusCode, 401)
    const throttled = await post(TEST_PASSWORD)
    assert.equal(throttled.statusCode, 429)
    assert.match(throttled.body, /Too many sign-in attempts/)
  })

  it('a state-changing form without the session’s CSRF token is refused', async () => {
    const browser = await signInAs(t, 'contributor')
    const forged = await postForm(t, browser, '/newsroom/sign-out', {}, { csrf: false })
    assert.equal(forged.statusCode, 403)
    const wrong = await postForm(t, browser, '/newsroom/sign-out', { _csrf: 'x'.repeat(43) }, { csrf: false })
    assert.equal(wrong.statusCode, 403)
    assert.equal(
      (await t.app.inject({ url: '/newsroom', headers: { cookie: browser.cookie } })).statusCode,
      200,
      'still signed in',
    )
  })

  it('signing out ends the session for good', async () => {
    const browser = await signInAs(t, 'contributor')
    assert.equal((await postForm(t, browser, '/newsroom/sign-out', {})).statusCode, 303)
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: browser.cookie } })).statusCode, 303)
  })

  it('a session can be revoked from the sessions page of another browser', async () => {
    const account = await makeAccount(t, 'author')
    const laptop = await signIn(t, account.email)
    const phone = await signIn(t, account.email)
    const page = await t.app.inject({ url: '/newsroom/sessions', headers: { cookie: laptop.cookie } })
    const ids = [...page.body.matchAll(/name="session" value="([^"]+)"/g)].map(m => m[1] ?? '')
    assert.equal(ids.length, 2)
    for (const id of ids) await postForm(t, laptop, '/newsroom/sessions/revoke', { session: id })
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: phone.cookie } })).statusCode, 303)
  })

  it('the set-up link creates the first admin once, and then no longer works', async () => {
    const link = await createSetupLink({ db: t.database.db, publicUrl: t.config.publicUrl })
    assert.ok(link)
    const path = new URL(link).pathname + new URL(link).search
    const form = await formSession(t, path)
    const fields = {
      name: 'First Admin',
      email: 'first@example.org',
      password: 'a long enough password',
      confirm: 'a long enough password',
      _csrf: form.token,
    }
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    })
    assert.equal(res.statusCode, 303)
    assert.ok(cookieFrom(res.headers['set-cookie'], 'newsreel_session'))
    const again = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, email: 'second@example.org' }).toString(),
    })
    assert.equal(again.statusCode, 404)
    assert.equal(
      await createSetupLink({ db: t.database.db, publicUrl: t.config.publicUrl }),
      undefined,
      'no new link once an admin exists',
    )
  })

  it('a password reset arrives by SMTP, works once, and ends the old sessions', async () => {
    const account = await makeAccount(t, 'author', 'forgetful@example.org')
    const old = await signIn(t, account.email)
    const form = await formSession(t, '/newsroom/forgot')
    const before = inbox().length
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/forgot',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'forgetful@example.org', _csrf: form.token }).toString(),
    })
    assert.equal(res.statusCode, 200)
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/newsroom/forgot',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'nobody@example.org', _csrf: form.token }).toString(),
    })
    assert.equal(unknown.body.replace(/forgot/g, ''), res.body.replace(/forgot/g, ''), 'the same page either way')
    await t.jobs.runDueJobs()
    assert.equal(inbox().length, before + 1, 'one mail, to the real account only')
    const mail = inbox().at(-1) ?? ''
    assert.match(mail, /To: forgetful@example\.org/)
    // The mail body is quoted-printable: undo soft line breaks and =XX escapes.
    const decoded = mail
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    const link = decoded.match(/https:\/\/news\.example\.org(\/newsroom\/reset\?token=[A-Za-z0-9_-]+)/)?.[1]
    assert.ok(link, 'the mail holds the link')
    const resetForm = await formSession(t, link)
    const fields = { password: 'my brand new passphrase', confirm: 'my brand new passphrase', _csrf: resetForm.token }
    const done = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { cookie: resetForm.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    })
    assert.equal(done.statusCode, 303)
    assert.equal(
      (await t.app.inject({ url: '/newsroom', headers: { cookie: old.cookie } })).statusCode,
      303,
      'old session ended',
    )
    await signIn(t, account.email, 'my brand new passphrase')
    const reuse = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { cookie: resetForm.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    })
    assert.equal(reuse.statusCode, 404)
  })

  it('weak or mismatched new passwords are refused with a reason', async () => {
    const link = await createSetupLink({ db: t.database.db, publicUrl: t.config.publicUrl })
    assert.equal(link, undefined)
    const account = await makeAccount(t, 'author')
    const { createPasswordLink } = await import('../src/newsroom/index.js')
    const path = new URL(
      await createPasswordLink({ db: t.database.db, publicUrl: t.config.publicUrl }, account.id, 'reset', 60),
    ).pathname
    const query = (
      await createPasswordLink({ db: t.database.db, publicUrl: t.config.publicUrl }, account.id, 'reset', 60)
    ).split('?')[1]
    const form = await formSession(t, `${path}?${query}`)
    for (const [password, confirm, reason] of [
      ['short', 'short', /at least 12/],
      ['a long enough password', 'a different password', /do not match/],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${path}?${query}`,
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ password, confirm, _csrf: form.token }).toString(),
      })
      assert.equal(res.statusCode, 400)
      assert.match(res.body, reason)
    }
  })

  it('an admin invites a colleague by email and changes roles; the last admin cannot be demoted', async () => {
    const admin = await signInAs(t, 'admin')
    const before = inbox().length
    const res = await postForm(t, admin, '/newsroom/staff', {
      name: 'New Reporter',
      email: 'new.reporter@example.org',
      role: 'contributor',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(inbox().length, before + 1)
    assert.match(inbox().at(-1) ?? '', /invited you to the newsroom as contributor/)
    const duplicate = await postForm(t, admin, '/newsroom/staff', {
      name: 'Again',
      email: 'new.reporter@example.org',
      role: 'contributor',
    })
    assert.equal(duplicate.statusCode, 409)
    const bad = await postForm(t, admin, '/newsroom/staff', { name: 'X', email: 'x@example.org', role: 'overlord' })
    assert.equal(bad.statusCode, 400)
    const staffPage = (await t.app.inject({ url: '/newsroom/staff', headers: { cookie: admin.cookie } })).body
    assert.match(staffPage, /new\.reporter@example\.org/)
    const audit = await listAudit(t.database.db, 50)
    assert.ok(audit.some(e => e.action === 'account-invited'))
  })
})
