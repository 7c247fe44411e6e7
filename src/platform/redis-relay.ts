// Carries content events between Newsreel processes through Redis pub/sub, so a change saved
// by one process drops the cached pages of every other. Redis is a messenger here, not a
// store: when it goes away, each process keeps serving and purging its own cache, and on
// reconnecting asks for a full resync because purges may have been missed meanwhile.
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { CacheTag, ContentEvents } from './events.js'

/** The smallest logger the relay needs; Fastify's `app.log` fits. */
export interface RelayLog {
  warn(obj: object, msg: string): void
}

/** How to reach Redis and what to do when purges may have been lost. */
export interface RedisRelayOptions {
  /** redis:// or rediss:// address. Never logged: it may hold a password. */
  url: string
  /** The pub/sub channel every process of one site shares. */
  channel?: string | undefined
  log?: RelayLog | undefined
  /**
   * Called when this process may have missed purges: its subscription came back after a
   * disconnection, or another process reports that it could not publish for a while. Wire
   * it to "clear the whole page cache" (`cache.clear()`); pages are then rendered afresh.
   */
  onResync?: (() => void) | undefined
}

/** A running relay. */
export interface RedisRelay {
  /** This process's id on the channel; its Redis connections are named `newsreel-relay-{pub,sub}-<id>` in CLIENT LIST. */
  readonly id: string
  /** Stops relaying and closes both connections. */
  close(): Promise<void>
}

export const DEFAULT_CHANNEL = 'newsreel:content-changed'
/** Limits on what a message may carry; anything else on the channel is ignored. */
export const MAX_TAGS = 1000
export const MAX_TAG_LENGTH = 200
const MAX_MESSAGE_CHARS = 256 * 1024

/** What travels on the channel: purge these tags, or clear everything. */
type Message = { origin: string; tags: CacheTag[] } | { origin: string; resync: true }

/**
 * Relays every locally emitted content event to Redis and delivers events from other
 * processes to local listeners only (so nothing is ever published twice). Resolves once
 * subscribed; rejects, leaving nothing open, if Redis cannot be reached at start.
 */
export async function connectRedisRelay(events: ContentEvents, options: RedisRelayOptions): Promise<RedisRelay> {
  const relay: Relay = {
    events,
    channel: options.channel ?? DEFAULT_CHANNEL,
    log: options.log ?? { warn: (obj, msg) => console.warn(msg, obj) },
    origin: randomUUID(),
    onResync: options.onResync ?? (() => undefined),
    closed: false,
  }
  const { publisher, subscriber } = await openConnections(options.url, relay)
  relayOutgoing(publisher, relay)
  listen(subscriber, relay)
  return {
    id: relay.origin,
    async close() {
      if (relay.closed) return
      relay.closed = true
      events.setRelay(() => undefined)
      await Promise.all([publisher, subscriber].map(quit))
    },
  }
}

/** What the two halves of a running relay share. */
interface Relay {
  readonly events: ContentEvents
  readonly channel: string
  readonly log: RelayLog
  readonly origin: string
  readonly onResync: () => void
  closed: boolean
}

/** Connects both connections and subscribes, or closes both and says why. */
async function openConnections(url: string, relay: Relay): Promise<{ publisher: Redis; subscriber: Redis }> {
  // A subscribed connection can only (un)subscribe, so publishing needs its own.
  // Publishing fails fast while disconnected instead of queueing: the resync notice covers it.
  // Loaded only when Redis is configured: a single process never needs the client.
  const { Redis } = await import('ioredis')
  const publisher = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectionName: `newsreel-relay-pub-${relay.origin}`,
  })
  // Resubscribing is done by hand (see listen), so the resync runs once the subscription is back.
  const subscriber = new Redis(url, {
    lazyConnect: true,
    autoResubscribe: false,
    connectionName: `newsreel-relay-sub-${relay.origin}`,
  })
  const connections = [publisher, subscriber]
  let firstError: unknown
  for (const c of connections) c.once('error', (error: unknown) => (firstError ??= error))
  try {
    await Promise.all(connections.map(c => c.connect()))
    await subscriber.subscribe(relay.channel)
  } catch (error) {
    for (const c of connections) c.disconnect()
    throw new Error(`The Redis relay could not connect: ${describe(firstError ?? error)}`)
  }
  reportOutages(publisher, 'publisher', relay.log)
  reportOutages(subscriber, 'subscriber', relay.log)
  return { publisher, subscriber }
}

/** Publishes local events; a failure is logged, never thrown, and answered by a resync notice on reconnect. */
function relayOutgoing(publisher: Redis, relay: Relay): void {
  const { origin, log } = relay
  let publishFailed = false
  const publish = (message: Message) => {
    publisher.publish(relay.channel, JSON.stringify(message)).then(
      () => undefined,
      (error: unknown) => {
        publishFailed = true
        log.warn(
          { error: describe(error) },
          'Redis relay could not publish a content change; other processes will resync when it is back',
        )
      },
    )
  }
  relay.events.setRelay(({ tags }) => {
    if (relay.closed || tags.length === 0) return
    // Receivers refuse over-long tags, so such a change is announced as "clear everything".
    if (tags.some(tag => tag.length > MAX_TAG_LENGTH)) return publish({ origin, resync: true })
    for (let i = 0; i < tags.length; i += MAX_TAGS) publish({ origin, tags: tags.slice(i, i + MAX_TAGS) })
  })
  publisher.on('ready', () => {
    // Others may have missed what this process failed to publish while it was cut off.
    if (!publishFailed) return
    publishFailed = false
    publish({ origin, resync: true })
  })
}

/** Delivers other processes' events locally, and resyncs after every resubscription. */
function listen(subscriber: Redis, relay: Relay): void {
  const { channel, log } = relay
  // A throwing listener must not break the connection's reply parser.
  const safely = (action: () => void) => {
    try {
      action()
    } catch (error) {
      log.warn({ error: describe(error) }, 'A content event listener failed on a relayed change')
    }
  }
  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(
      () => {
        log.warn({ channel }, 'Redis relay reconnected; resyncing because purges may have been missed')
        safely(relay.onResync)
      },
      (error: unknown) => log.warn({ error: describe(error) }, 'Redis relay could not resubscribe'),
    )
  })
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel || relay.closed) return
    const message = parseMessage(text)
    if (!message) return log.warn({ channel, bytes: text.length }, 'Redis relay ignored a malformed message')
    if (message.origin === relay.origin) return
    if ('resync' in message) safely(relay.onResync)
    else safely(() => relay.events.deliver({ tags: message.tags }))
  })
}

/** Checks a message's shape and limits; undefined for anything else. */
export function parseMessage(text: string): Message | undefined {
  if (text.length > MAX_MESSAGE_CHARS) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { origin, tags, resync } = value as Record<string, unknown>
  if (typeof origin !== 'string' || origin.length === 0 || origin.length > 100) return undefined
  if (resync === true && tags === undefined) return { origin, resync: true }
  if (!Array.isArray(tags) || tags.length > MAX_TAGS) return undefined
  if (!tags.every((tag): tag is string => typeof tag === 'string' && tag.length > 0 && tag.length <= MAX_TAG_LENGTH))
    return undefined
  return { origin, tags }
}

/** Logs the first error of an outage, not every failed reconnection attempt. */
function reportOutages(connection: Redis, role: string, log: RelayLog): void {
  let reported = false
  connection.on('error', (error: unknown) => {
    if (reported) return
    reported = true
    log.warn({ role, error: describe(error) }, 'Redis relay lost its connection; retrying')
  })
  connection.on('ready', () => {
    reported = false
  })
}

/** Quits politely when connected, otherwise just stops reconnecting. */
async function quit(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') return connection.disconnect()
  try {
    await connection.quit()
  } catch {
    connection.disconnect()
  }
}

/** An error's message only: ioredis does not echo the URL, and neither do we. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
