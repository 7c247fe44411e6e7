import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { fold, matches, rank } from './combobox-match.js'

describe('combobox matching', () => {
  it('ignores case and accents, and spells out letters that do not decompose', () => {
    assert.equal(fold('Zürich Straße Ørsted'), 'zurich strasse orsted')
    assert.ok(matches('Zürich', 'zur'))
    assert.ok(matches('Céline Dubois', 'CELINE'))
    assert.ok(matches('Łukasz Ørsted', 'lukasz orsted'))
  })

  it('needs every typed word, in any order, and matches everything when nothing is typed', () => {
    assert.ok(matches('Water and climate', 'climate wat'))
    assert.ok(!matches('Water and climate', 'climate fire'))
    assert.ok(matches('Anything', '   '))
  })

  it('offers names that start with what was typed first, otherwise keeping the list order', () => {
    const choices = [
      { label: 'Fred Edwards' },
      { label: 'Edith Mbeki' },
      { label: 'Ann Reed' },
      { label: 'Edgar Lowe' },
    ]
    assert.deepEqual(
      rank(choices, 'ed').map(c => c.label),
      ['Edith Mbeki', 'Edgar Lowe', 'Fred Edwards', 'Ann Reed'],
    )
    assert.deepEqual(
      rank(choices, '').map(c => c.label),
      choices.map(c => c.label),
    )
  })
})
