import assert from 'node:assert/strict'
import { test } from 'node:test'
import { typographic } from './typography.js'

test('double quotes open after a space or the start and close after a word', () => {
  assert.equal(typographic('The "pay-to-stay" scheme'), 'The \u201cpay-to-stay\u201d scheme')
  assert.equal(typographic('"Stop!" she said.'), '\u201cStop!\u201d she said.')
})

test('a quote after an opening bracket or a dash opens', () => {
  assert.equal(typographic('(\u201cno\u201d) and ("yes")'), '(\u201cno\u201d) and (\u201cyes\u201d)')
  assert.equal(typographic('It was \u2014"never"'), 'It was \u2014\u201cnever\u201d')
  assert.equal(typographic("the ['ok'] sign"), 'the [\u2018ok\u2019] sign')
})

test('nested quotes turn each the right way', () => {
  assert.equal(
    typographic(`"She told me 'not yet,' and left."`),
    '\u201cShe told me \u2018not yet,\u2019 and left.\u201d',
  )
  assert.equal(typographic(`"'Hello,' he said"`), '\u201c\u2018Hello,\u2019 he said\u201d')
})

test('apostrophes in contractions, possessives and elisions are right single quotes', () => {
  assert.equal(
    typographic("don't, O'Brien's, the workers' union"),
    'don\u2019t, O\u2019Brien\u2019s, the workers\u2019 union',
  )
  assert.equal(
    typographic("back in the '90s, rock 'n' roll, give 'em"),
    'back in the \u201990s, rock \u2019n\u2019 roll, give \u2019em',
  )
  assert.equal(typographic("'Tis so"), '\u2019Tis so')
})

test('feet and inches, minutes and seconds between digits are primes, not quotes', () => {
  assert.equal(typographic(`a 5'10" keeper`), 'a 5\u203210\u2033 keeper')
  assert.equal(typographic(`ran 3'30.5" flat`), 'ran 3\u203230.5\u2033 flat')
  // A quote that merely follows a number still closes.
  assert.equal(typographic(`"Route 9" and the 1990's`), '\u201cRoute 9\u201d and the 1990\u2019s')
})

test('a quote at the start of a text node takes its direction from the text before it', () => {
  assert.equal(typographic('"no"', 'He said '), '\u201cno\u201d')
  assert.equal(typographic('" he said', 'Stop'), '\u201d he said')
  assert.equal(typographic('s house', 'Maria'), 's house')
  assert.equal(typographic("'s house", 'Maria'), '\u2019s house')
})

test('spaced hyphens between words become an em dash, three dots an ellipsis', () => {
  assert.equal(typographic('Paris - and then -- Lyon'), 'Paris \u2014 and then \u2014 Lyon')
  assert.equal(typographic('well--known'), 'well\u2014known')
  assert.equal(typographic('And then...'), 'And then\u2026')
  assert.equal(typographic('a well-known 2010-2012 film'), 'a well-known 2010-2012 film')
  assert.equal(typographic('- a list marker'), '- a list marker')
})

test('addresses written in the text are left as typed', () => {
  const text = 'See https://example.org/a--b?q="x"... and "this"'
  assert.equal(typographic(text), 'See https://example.org/a--b?q="x"... and \u201cthis\u201d')
  assert.equal(typographic("www.example.org/it's - there"), "www.example.org/it's \u2014 there")
})

test('text without straight marks comes back unchanged', () => {
  assert.equal(typographic('Plain words, nothing to do.'), 'Plain words, nothing to do.')
  assert.equal(typographic(''), '')
})

test('text split across nodes loses no characters', () => {
  assert.equal(typographic('..', '.'), '..')
  assert.equal(typographic(' - next', 'word'), ' \u2014 next')
})
