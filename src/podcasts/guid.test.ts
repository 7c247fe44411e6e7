// The identifiers podcast apps rely on: podcast:guid as the Podcasting 2.0 namespace defines it.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { podcastGuid, uuidV5 } from './guid.js'

describe('podcast:guid', () => {
  it('is the UUIDv5 of the feed URL without its scheme and trailing slashes, in the podcast namespace', () => {
    // The namespace's own worked example (podcastindex.org namespace docs, <podcast:guid>).
    assert.equal(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml'), '917393e3-1b1e-5cef-ace4-edaa54e1f810')
    assert.equal(podcastGuid('http://mp3s.nashownotes.com/pc20rss.xml/'), '917393e3-1b1e-5cef-ace4-edaa54e1f810')
  })

  it('computes RFC 4122 version 5 UUIDs', () => {
    // RFC 4122's DNS namespace and "www.example.com", as every UUID library's tests use it.
    assert.equal(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    )
  })
})
