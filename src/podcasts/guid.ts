// Identifiers podcast apps rely on never changing: the show's podcast:guid (as the Podcasting
// 2.0 namespace defines it) and each episode's GUID.
import { createHash, randomUUID } from 'node:crypto'

/** The namespace UUID the Podcasting 2.0 `podcast:guid` tag is derived in. */
export const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6'

/** UUID version 5 (SHA-1, RFC 4122) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex')
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest()
  const bytes = hash.subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The show's podcast:guid: UUIDv5 of its feed URL without the scheme and trailing slashes. */
export function podcastGuid(feedUrl: string): string {
  const name = feedUrl
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/+$/, '')
  return uuidV5(name, PODCAST_GUID_NAMESPACE)
}

/** A new episode's GUID: random, made once when the episode is created. */
export function newEpisodeGuid(): string {
  return randomUUID()
}
