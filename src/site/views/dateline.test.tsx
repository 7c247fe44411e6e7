// DateTime keeps the words of dates it has formatted: they must stay those of the formatter,
// per time zone and style.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { renderToString } from 'preact-render-to-string'
import { formatDate, formatDateTime } from '../../platform/format.js'
import { DateTime } from './dateline.js'

it('writes each date as the formatter does, in its own time zone and style, however often it is asked', () => {
  const iso = '2026-11-24T23:30:00.000Z'
  for (let round = 0; round < 2; round++) {
    for (const timeZone of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
      assert.equal(
        renderToString(<DateTime iso={iso} timeZone={timeZone} />),
        `<time datetime="${iso}">${formatDate(iso, timeZone)}</time>`,
      )
      assert.equal(
        renderToString(<DateTime iso={iso} timeZone={timeZone} withTime />),
        `<time datetime="${iso}">${formatDateTime(iso, timeZone)}</time>`,
      )
    }
  }
  assert.notEqual(formatDate(iso, 'UTC'), formatDate(iso, 'Asia/Tokyo'))
})
