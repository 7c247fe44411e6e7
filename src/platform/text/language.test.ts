// test-database: none
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { languageName } from './language.js'

test('a language tag reads as the language its captions menu would name', () => {
  assert.equal(languageName('en'), 'English')
  assert.equal(languageName('es'), 'Español')
  assert.equal(languageName('pt-BR', 'en'), 'Brazilian Portuguese')
})

test('a tag Intl cannot read comes back as given', () => {
  assert.equal(languageName('not a tag!'), 'not a tag!')
})
