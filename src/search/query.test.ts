// What a reader's input becomes: only words, phrases and prefixes; never engine syntax.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { parseSearchQuery, QUERY_LIMITS, toFts5NearQuery, toFts5Query, toTsQuery } from './query.js'

it('reads plain words, quoted phrases and word* prefixes', () => {
  const q = parseSearchQuery('Water "dry creek" invest*')
  assert.deepEqual(q.terms, [
    { words: ['water'], prefix: false },
    { words: ['dry', 'creek'], prefix: false },
    { words: ['invest'], prefix: true },
  ])
  assert.equal(toFts5Query(q), '"water" AND "dry creek" AND "invest"*')
  assert.equal(toTsQuery(q), 'water & (dry <-> creek) & invest:*')
})

it('treats the last word as a prefix while typing, but not after a space', () => {
  assert.equal(parseSearchQuery('water rig', { prefixLast: true }).terms.at(-1)?.prefix, true)
  assert.equal(parseSearchQuery('water rig ', { prefixLast: true }).terms.at(-1)?.prefix, false)
  assert.equal(
    parseSearchQuery('water r', { prefixLast: true }).terms.at(-1)?.prefix,
    false,
    'one letter is too short to be a prefix',
  )
})

it('folds accents and case', () => {
  assert.deepEqual(
    parseSearchQuery('CAFÉ Ångström naïve').terms.map(t => t.words[0]),
    ['cafe', 'angstrom', 'naive'],
  )
})

it('turns engine syntax, SQL and emoji into separators between words', () => {
  for (const input of [
    'NEAR(a b, 2)',
    'title:x ^y -z',
    "x'; drop table t; --",
    '🙂x🙂',
    'a\u0000b',
    '(x OR y) AND NOT z',
  ]) {
    const fts = toFts5Query(parseSearchQuery(input))
    // Every word sits inside double quotes; nothing else but AND joins them.
    assert.match(fts, /^("[\p{L}\p{N} ]+"\*? AND )*"[\p{L}\p{N} ]+"\*?$/u, input)
    assert.doesNotMatch(toTsQuery(parseSearchQuery(input)), /[|!:(]/u, input)
  }
})

it('reads an unbalanced quote as if it were not there', () => {
  assert.deepEqual(parseSearchQuery('"dry creek').terms, [
    { words: ['dry'], prefix: false },
    { words: ['creek'], prefix: false },
  ])
  assert.deepEqual(
    parseSearchQuery('"a b" "c').terms.map(t => t.words),
    [['a', 'b'], ['c']],
  )
})

it('cuts long input to the limits instead of refusing it', () => {
  assert.equal(parseSearchQuery('word '.repeat(2000)).terms.length, QUERY_LIMITS.terms)
  assert.equal(parseSearchQuery('x'.repeat(10_000)).terms[0]?.words[0]?.length, QUERY_LIMITS.wordChars)
  assert.deepEqual(parseSearchQuery('!!! ??? ***').terms, [])
  assert.deepEqual(parseSearchQuery('"'.repeat(501)).terms, [])
})

it('writes each phrase as a NEAR group of its words for scoring on SQLite', () => {
  const q = parseSearchQuery('water "dry creek" "old dry creek bed"')
  assert.equal(toFts5NearQuery(q), '"water" AND NEAR("dry" "creek", 0) AND NEAR("old" "dry" "creek" "bed", 2)')
  assert.equal(
    toFts5NearQuery(parseSearchQuery('NEAR(a b, 2) "x y')),
    toFts5Query(parseSearchQuery('NEAR(a b, 2) "x y')),
  )
})
