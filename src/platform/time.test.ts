import { it } from 'node:test'
import assert from 'node:assert/strict'
import { formatZonedTime, isoToWallTime, wallTimeToIso } from './time.js'

it('reads a datetime-local value in the newsroom’s time zone, across daylight saving', () => {
  assert.equal(wallTimeToIso('2026-07-01T10:00', 'America/New_York'), '2026-07-01T14:00:00.000Z')
  assert.equal(wallTimeToIso('2026-12-01T10:00', 'America/New_York'), '2026-12-01T15:00:00.000Z')
  assert.equal(wallTimeToIso('2026-12-01T10:00', 'UTC'), '2026-12-01T10:00:00.000Z')
  assert.equal(isoToWallTime('2026-07-01T14:00:00.000Z', 'America/New_York'), '2026-07-01T10:00')
  for (const bad of ['', 'tomorrow', '2026-13-01T10:00', '2026-07-01 10:00', '2026-07-01T10:00Z'])
    assert.equal(wallTimeToIso(bad, 'UTC'), undefined, bad)
})

it('shows an instant on the newsroom’s clock with the zone’s abbreviation, in winter and summer', () => {
  assert.equal(formatZonedTime('2026-12-03T17:12:00.000Z', 'America/Chicago'), '3 Dec 2026, 11:12 CST')
  assert.equal(formatZonedTime('2026-07-03T17:12:00.000Z', 'America/Chicago'), '3 Jul 2026, 12:12 CDT')
  assert.equal(formatZonedTime('2026-07-03T17:12:00.000Z', 'Europe/Berlin'), '3 Jul 2026, 19:12 CEST')
  assert.equal(formatZonedTime('2026-07-03T17:12:00.000Z', 'Europe/London'), '3 Jul 2026, 18:12 BST')
  assert.equal(formatZonedTime('2026-12-03T00:05:00.000Z', 'UTC'), '3 Dec 2026, 00:05 UTC')
  // A zone without a common abbreviation names its offset rather than pretending.
  assert.equal(formatZonedTime('2026-12-03T17:12:00.000Z', 'Asia/Kolkata'), '3 Dec 2026, 22:42 GMT+5:30')
})
