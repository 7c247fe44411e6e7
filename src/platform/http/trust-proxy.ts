// Turns TRUST_PROXY (a hop count or proxy addresses) into Fastify's trustProxy option.
// Fastify 5.12.1 stopped accepting a hop count (it fails closed); this keeps the classic meaning.

/** Fastify's `(address, hop) => trusted` test: hop 0 is the socket's peer, 1 the proxy before it… */
export type TrustProxyTest = (address: string, hop: number) => boolean

/**
 * Fastify's trustProxy for a setting: false trusts nobody, a list trusts those proxies (Fastify
 * compiles it), and a hop count trusts that many hops nearest the server, whatever their
 * address. A hop count is only safe when nothing but the proxy can reach the process (the
 * default HOST=127.0.0.1, or a private network): a client reaching it directly would have its
 * own X-Forwarded-For believed. A list of addresses has no such caveat.
 */
export function trustProxyOption(trust: false | number | readonly string[]): false | string[] | TrustProxyTest {
  if (trust === false) return false
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return [...trust]
}
