// test-database: none
// The sign-in throttle's rules, read as decisions: who waits, how long, and who is never refused.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { delayAfter, humanWait, judgeSignIn, SIGN_IN_POLICY, type Tally } from './throttle.js'

const none: Tally = { count: 0 }
const now = Date.parse('2026-12-03T12:00:00Z')

describe('sign-in throttle rules', () => {
  it('the first five failures for an account from one address cost nothing, then each doubles the wait up to a cap', () => {
    const rule = SIGN_IN_POLICY.pair
    assert.deepEqual(
      [4, 5, 6, 7, 8].map(n => delayAfter(n, rule)),
      [0, 30_000, 60_000, 120_000, 240_000],
    )
    assert.equal(delayAfter(50, rule), rule.capMs)
  })

  it('an address that failed too often waits, and is told how long', () => {
    const verdict = judgeSignIn({ pair: { count: 6, last: now - 10_000 }, address: none, account: none }, now)
    assert.deepEqual(verdict, { allowed: false, reason: 'pair', retryAfterMs: 50_000, issuePass: false })
    assert.equal(
      judgeSignIn({ pair: { count: 6, last: now - 60_000 }, address: none, account: none }, now).allowed,
      true,
    )
  })

  it('an address failing across many accounts waits too', () => {
    const verdict = judgeSignIn({ pair: none, address: { count: 20, last: now }, account: none }, now)
    assert.equal(verdict.allowed, false)
    assert.equal(!verdict.allowed && verdict.reason, 'address')
  })

  it('failures from elsewhere make an address wait ten seconds once, never more', () => {
    const underAttack = { pair: none, address: none, account: { count: 5000, last: now } }
    const first = judgeSignIn(underAttack, now)
    assert.deepEqual(first, { allowed: false, reason: 'account', retryAfterMs: 10_000, issuePass: true })
    // Coming back too early keeps the same pass: the wait shrinks, it is never pushed back.
    assert.deepEqual(judgeSignIn({ ...underAttack, pass: now - 4_000 }, now), {
      allowed: false,
      reason: 'account',
      retryAfterMs: 6_000,
      issuePass: false,
    })
    // However many failures arrived meanwhile, a ripe pass lets the attempt be checked.
    assert.deepEqual(judgeSignIn({ ...underAttack, account: { count: 90_000, last: now }, pass: now - 10_000 }, now), {
      allowed: true,
      usedPass: true,
    })
    // A pass left unused too long is replaced by a new one.
    assert.equal(judgeSignIn({ ...underAttack, pass: now - 11 * 60_000 }, now).allowed, false)
  })

  it('waits read as a person would say them', () => {
    assert.equal(humanWait(1), '1 second')
    assert.equal(humanWait(29_500), '30 seconds')
    assert.equal(humanWait(15 * 60_000), '15 minutes')
  })
})
