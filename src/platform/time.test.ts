import { it } from 'node:test'
import assert from 'node:assert/strict'
import { isoToWallTime, wallTimeToIso } from './time.js'

it('reads a datetime-local value in the newsroom’s time zone, across daylight saving', () => {
  assert.equal(wallTimeToIso('2026-07-01T10:00', 'America/New_York'), '2026-07-01T14:00:00.000Z')
  assert.equal(wallTimeToIso('2026-12-01T10:00', 'America/New_York'), '2026-12-01T15:00:00.000Z')
  assert.equal(wallTimeToIso('2026-12-01T10:00', 'UTC'), '2026-12-01T10:00:00.000Z')
  assert.equal(isoToWallTime('2026-07-01T14:00:00.000Z', 'America/New_York'), '2026-07-01T10:00')
  for (const bad of ['', 'tomorrow', '2026-13-01T10:00', '2026-07-01 10:00', '2026-07-01T10:00Z']) assert.equal(wallTimeToIso(bad, 'UTC'), undefined, bad)
})
