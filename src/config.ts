// Reads and validates the environment once. Nothing else in Newsreel reads process.env.
import { isIP } from 'node:net'
import { resolve } from 'node:path'

/** The validated, frozen settings of one Newsreel process. */
export interface Config {
  readonly env: 'development' | 'production' | 'test'
  readonly host: string
  readonly port: number
  /** The address readers use, without a trailing slash: canonical URLs, feeds and sitemaps are built on it. */
  readonly publicUrl: string
  readonly dataDir: string
  readonly mediaDir: string
  readonly database: DatabaseConfig
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Seed the demo newsroom when the database holds no content. */
  readonly seedDemo: boolean
  /**
   * Which reverse proxies' X-Forwarded-* to believe (HSTS, secure cookies and the client address
   * that rate limits key on): false for none, a number of hops, or proxy addresses and CIDR ranges.
   * Never every address: then any client could choose its own address and dodge its limits.
   */
  readonly trustProxy: false | number | string[]
  /** A session's absolute lifetime in days, however active it is (SESSION_MAX_DAYS, default 30). */
  readonly sessionMaxDays: number
  /** Upper bound of the in-memory page cache, in bytes; 0 turns the cache off. */
  readonly pageCacheBytes: number
  /** smtp(s)://user:pass@host:port for outgoing mail; without it, mail is written as .eml files under dataDir/mail. */
  readonly smtpUrl?: string | undefined
  /** The From address of mail the newsroom sends. */
  readonly mailFrom: string
  /** redis://host:6379 to share content events (cache purges) between processes. */
  readonly redisUrl?: string | undefined
  /** Key for signed links; when unset, one is generated into dataDir/secret.key (set it when several machines serve). */
  readonly secretKey?: string | undefined
  /** Run background jobs (scheduled publishing, mail) in this process; false when `newsreel worker` runs them. */
  readonly runJobs: boolean
  /**
   * How long a job's claim lasts without a heartbeat: after a worker dies, its jobs wait this long
   * before another worker takes them over (JOB_LEASE_SECONDS, default 30).
   */
  readonly jobLeaseMs: number
  /** SMTP connections a newsletter send keeps open; one message is in flight on each (default 5). */
  readonly newsletterConnections: number
  /** The most newsletter messages sent in a second, for relays that limit senders; 0 for no limit. */
  readonly newsletterMaxPerSecond: number
  /**
   * How long a newsletter send keeps trying a mail relay that is down (paused, with a growing wait
   * between tries) before it stops and waits for an editor (NEWSLETTER_RELAY_PATIENCE_MINUTES, default 60).
   */
  readonly newsletterRelayPatienceMs: number
  /** Shared secret of the bounce and complaint webhook (NEWSLETTER_WEBHOOK_SECRET); without it the webhook answers 404. */
  readonly newsletterWebhookSecret?: string | undefined
}

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly schema?: string | undefined }

/** Raised when the environment holds values Newsreel cannot run with; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Newsreel cannot start, the configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

type Env = Record<string, string | undefined>

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Builds the configuration from an environment (process.env by default), or throws ConfigError. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = []
  const read = new Reader(env, problems)

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development')
  const port = read.integer('PORT', 4000, 0, 65535)
  const host = read.string('HOST', '127.0.0.1')
  const publicUrl = read.url('PUBLIC_URL', `http://localhost:${port}`)
  const dataDir = resolve(read.string('DATA_DIR', './data'))
  const mediaDir = resolve(read.string('MEDIA_DIR', `${dataDir}/media`))
  const database = readDatabase(env, dataDir, problems)
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info')
  const seedDemo = read.boolean('SEED_DEMO', true)
  const trustProxy = readTrustProxy(env.TRUST_PROXY, problems)
  const sessionMaxDays = read.integer('SESSION_MAX_DAYS', 30, 1, 365)
  const pageCacheBytes = read.integer('PAGE_CACHE_MB', 64, 0, 16384) * 1024 * 1024
  const smtpUrl = read.optionalUrl('SMTP_URL', ['smtp:', 'smtps:'])
  // The default names no one: the mailer adds the site's name (from the settings) when it sends.
  const mailFrom = read.string('MAIL_FROM', `newsroom@${new URL(publicUrl).hostname}`)
  const redisUrl = read.optionalUrl('REDIS_URL', ['redis:', 'rediss:'])
  const runJobs = read.boolean('RUN_JOBS', true)
  const jobLeaseMs = read.integer('JOB_LEASE_SECONDS', 30, 2, 3600) * 1000
  const newsletterConnections = read.integer('NEWSLETTER_SMTP_CONNECTIONS', 5, 1, 50)
  const newsletterMaxPerSecond = read.integer('NEWSLETTER_MAX_PER_SECOND', 0, 0, 100_000)
  const newsletterRelayPatienceMs = read.integer('NEWSLETTER_RELAY_PATIENCE_MINUTES', 60, 1, 10_080) * 60_000
  const newsletterWebhookSecret = env.NEWSLETTER_WEBHOOK_SECRET?.trim() || undefined
  if (newsletterWebhookSecret !== undefined && newsletterWebhookSecret.length < 24)
    problems.push('NEWSLETTER_WEBHOOK_SECRET must be at least 24 characters long')
  const secretKey = env.SECRET_KEY?.trim() || undefined
  if (secretKey !== undefined && secretKey.length < 32) problems.push('SECRET_KEY must be at least 32 characters long')

  if (problems.length > 0) throw new ConfigError(problems)
  return Object.freeze({
    env: nodeEnv,
    host,
    port,
    publicUrl,
    dataDir,
    mediaDir,
    database,
    logLevel,
    seedDemo,
    trustProxy,
    sessionMaxDays,
    pageCacheBytes,
    smtpUrl,
    mailFrom,
    redisUrl,
    runJobs,
    jobLeaseMs,
    newsletterConnections,
    newsletterMaxPerSecond,
    newsletterRelayPatienceMs,
    newsletterWebhookSecret,
    secretKey,
    ...overrides,
  })
}

function readDatabase(env: Env, dataDir: string, problems: string[]): DatabaseConfig {
  const url = env.DATABASE_URL?.trim()
  if (!url) return { dialect: 'sqlite', file: resolve(dataDir, 'newsreel.db') }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url)
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user@host:5432/database)')
    }
    return { dialect: 'postgres', url }
  }
  if (url.startsWith('file:')) return { dialect: 'sqlite', file: resolve(url.slice('file:'.length)) }
  if (url.startsWith('sqlite:'))
    return { dialect: 'sqlite', file: resolve(url.slice('sqlite:'.length).replace(/^\/\//, '')) }
  problems.push(`DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.split(':')[0]}:...")`)
  return { dialect: 'sqlite', file: resolve(dataDir, 'newsreel.db') }
}

const TRUST_PROXY_EXPECTED =
  'TRUST_PROXY must be a number of proxy hops (such as 1) or a comma-separated list of proxy addresses or CIDR ranges (such as 10.0.0.0/8,127.0.0.1)'
/** proxy-addr's names for private ranges, which Fastify understands. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']

/**
 * TRUST_PROXY: unset or false trusts no proxy; a hop count or a list of addresses and ranges trusts
 * those. "true", "*" and ranges that cover (nearly) every address are refused: trusting every
 * sender of X-Forwarded-For lets any client pick the address its rate limits key on.
 */
function readTrustProxy(value: string | undefined, problems: string[]): false | number | string[] {
  const raw = value?.trim().toLowerCase()
  if (!raw || ['false', 'no', 'off', '0'].includes(raw)) return false
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw)
    if (hops >= 1 && hops <= 10) return hops
    problems.push(`${TRUST_PROXY_EXPECTED}; a hop count must be from 1 to 10 (got "${raw}")`)
    return false
  }
  if (['true', 'yes', 'on', '*', 'all'].includes(raw)) {
    problems.push(
      `${TRUST_PROXY_EXPECTED}; trusting every address would let any client choose the address its limits key on (got "${raw}")`,
    )
    return false
  }
  const entries = raw
    .split(',')
    .map(entry => entry.trim())
    .filter(Boolean)
  const bad = entries.filter(entry => trustProblem(entry) !== undefined)
  if (bad.length) {
    problems.push(`${TRUST_PROXY_EXPECTED}; ${bad.map(entry => `"${entry}" ${trustProblem(entry)}`).join('; ')}`)
    return false
  }
  return Object.freeze(entries) as string[]
}

/** What is wrong with one TRUST_PROXY entry, or undefined. */
function trustProblem(entry: string): string | undefined {
  if (TRUST_PROXY_NAMES.includes(entry)) return undefined
  const [address = '', prefix, ...rest] = entry.split('/')
  const version = isIP(address)
  if (!version || rest.length) return 'is not an address or CIDR range'
  if (prefix === undefined) return undefined
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN
  if (!(bits <= (version === 4 ? 32 : 128))) return 'has a prefix length out of range'
  // A range this wide holds (nearly) every client: trusting it is trusting everything.
  const widest = version === 4 ? 8 : address.startsWith('::ffff:') ? 104 : 7
  if (bits < widest) return `is too wide a range (at most /${widest})`
  return undefined
}

/** Small typed readers that collect problems instead of throwing at the first one. */
class Reader {
  private readonly env: Env
  private readonly problems: string[]
  constructor(env: Env, problems: string[]) {
    this.env = env
    this.problems = problems
  }

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim()
    return value === '' ? undefined : value
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name)
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`)
      return fallback
    }
    return n
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase()
    if (value === undefined) return fallback
    if (['1', 'true', 'yes', 'on'].includes(value)) return true
    if (['0', 'false', 'no', 'off'].includes(value)) return false
    this.problems.push(`${name} must be true or false (got "${value}")`)
    return fallback
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name)
    if (value === undefined) return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`)
    return fallback
  }

  /** A URL with one of the given protocols, or undefined when unset. The value is never echoed: it may hold a password. */
  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name)
    if (value === undefined) return undefined
    try {
      if (protocols.includes(new URL(value).protocol)) return value
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be a URL starting with ${protocols.map(p => `${p}//`).join(' or ')}`)
    return undefined
  }

  url(name: string, fallback: string): string {
    const value = this.raw(name)
    if (value === undefined) return fallback
    try {
      const url = new URL(value)
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol')
      return url.toString().replace(/\/$/, '')
    } catch {
      this.problems.push(`${name} must be an http(s) URL such as https://news.example.org (got "${value}")`)
      return fallback
    }
  }
}
