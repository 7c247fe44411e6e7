import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { foldAccents, isSlug, slugify } from './slug.js'

describe('slugify', () => {
  it('drops apostrophes instead of splitting the word at them', () => {
    assert.equal(slugify("The county's water"), 'the-countys-water')
    assert.equal(slugify('The county’s water'), 'the-countys-water')
    assert.equal(slugify('‘Don’t look down’'), 'dont-look-down')
    assert.equal(slugify('Rock ʼnʼ roll'), 'rock-n-roll')
  })

  it('folds accents to their base letters', () => {
    assert.equal(slugify('Café society in Zürich'), 'cafe-society-in-zurich')
    assert.equal(slugify('São Tomé, Málaga, Kraków'), 'sao-tome-malaga-krakow')
    assert.equal(slugify('Ñandú'), 'nandu')
  })

  it('spells letters that do not decompose', () => {
    assert.equal(slugify('Die Straße'), 'die-strasse')
    assert.equal(slugify('Ørsted in Tromsø'), 'orsted-in-tromso')
    assert.equal(slugify('Łódź'), 'lodz')
    assert.equal(slugify('Æsir and Œuvre'), 'aesir-and-oeuvre')
    assert.equal(slugify('Þórsmörk'), 'thorsmork')
    assert.equal(slugify('Đakovo'), 'dakovo')
  })

  it('keeps the rules it had: & as "and", separators as one hyphen, nothing at the ends', () => {
    assert.equal(slugify('  Fish & chips -- again!  '), 'fish-and-chips-again')
    assert.equal(slugify('ﬁve ½ stories'), 'five-1-2-stories')
    assert.equal(slugify('日本語'), '')
  })

  it('stays within 80 characters and never ends on a hyphen', () => {
    const slug = slugify(`${'word '.repeat(15)}ending`)
    assert.ok(slug.length <= 80)
    assert.ok(isSlug(slug), slug)
  })

  it('always makes a well-formed slug from text with letters in it', () => {
    for (const title of ["Who's afraid of the county's Øresund?", 'Émigrés’ ‘crème brûlée’', 'ÀÉÎÕÜ ß ø ł']) {
      assert.ok(isSlug(slugify(title)), title)
    }
  })
})

describe('foldAccents', () => {
  it('keeps case and punctuation, folding only the letters', () => {
    assert.equal(foldAccents('Ørsted’s Straße'), 'Orsted’s Strasse')
  })
})
