// Which failures of a migration run on PostgreSQL are another schema being dropped mid-query
// (asked again) and which are faults of our own migrations (never retried).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isOtherSchemaDroppedMidQuery } from './index.js'

const pgError = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), fields)

test('a schema dropped while Kysely lists tables is retried; our own missing table or column is not', () => {
  const ours = 'test_a'
  assert.ok(isOtherSchemaDroppedMidQuery(pgError('schema "test_b" does not exist', { code: '3F000' }), ours))
  assert.ok(isOtherSchemaDroppedMidQuery(pgError('relation "test_b.stories" does not exist', { code: '42P01' }), ours))
  assert.ok(
    isOtherSchemaDroppedMidQuery(
      pgError('column "id" of relation "newsletter_campaigns" does not exist', {
        code: '42703',
        routine: 'pg_get_serial_sequence',
      }),
      ours,
    ),
  )
  assert.ok(!isOtherSchemaDroppedMidQuery(pgError('relation "test_a.stories" does not exist', { code: '42P01' }), ours))
  assert.ok(
    !isOtherSchemaDroppedMidQuery(
      pgError('column "slug" of relation "stories" does not exist', { code: '42703', routine: 'errorMissingColumn' }),
      ours,
    ),
  )
  assert.ok(!isOtherSchemaDroppedMidQuery('not an error', ours))
})
