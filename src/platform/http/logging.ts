// Logger options: structured request logs that never carry secrets, passwords or session ids.
// In production every entry is a JSON line for log collectors; in development (`npm start`)
// the terminal gets pino-pretty's readable lines, one per request.
import { LogController, type FastifyBaseLogger, type FastifyServerOptions, type FastifyRequest } from 'fastify'
import { pino, type Bindings, type ChildLoggerOptions, type Level, type Logger } from 'pino'
import pretty from 'pino-pretty'

const SECRET_PARAMS = /^(token|key|signature|sig|password|secret|code|session|sid|access_token|auth)$/i

/** A URL safe to log: values of secret-looking query parameters are replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q === -1) return url
  const params = new URLSearchParams(url.slice(q + 1))
  for (const name of [...params.keys()]) if (SECRET_PARAMS.test(name)) params.set(name, '[redacted]')
  return `${url.slice(0, q)}?${params.toString()}`
}

const REDACT = {
  paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
  censor: '[redacted]',
}

/** How the log is written: JSON lines, or pretty one-line entries for a developer's terminal. */
export interface LogStyle {
  pretty?: boolean
}

/** A pretty stream: one line per entry, local time, without the fields a terminal reader never needs. */
function prettyStream() {
  return pretty({
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,req,res,responseTime',
    singleLine: true,
    sync: true,
  })
}

/** Fastify logger options for a level. */
export function loggerOptions(level: string, style: LogStyle = {}): NonNullable<FastifyServerOptions['logger']> {
  if (level === 'silent') return false
  return {
    level,
    redact: REDACT,
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: redactUrl(request.url), id: request.id, remoteAddress: request.ip }
      },
    },
    ...(style.pretty ? { stream: prettyStream() } : {}),
  }
}

/**
 * With a pretty log, Fastify's own two entries per request (incoming, completed) become one:
 * `GET /stories/x 200 12 ms`, at error level with the error when the request failed.
 */
export class OneLineLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null,
    request: FastifyRequest,
    reply: { statusCode: number; elapsedTime: number },
  ): void {
    const line = `${request.method} ${redactUrl(request.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(0)} ms`
    if (error) request.log.error({ err: error }, line)
    else request.log.info(line)
  }
}

/**
 * Fastify gives every request a child logger with the request's id bound in. pino's child() copies
 * the parent's bindings and sets up its redaction for it: 3-4% of a cached page's CPU in a profile
 * under load, for a logger that a production server (level warn) almost never writes to. This
 * factory hands out a stand-in that makes the real child the first time an entry at an enabled
 * level is written, so the entry carries the same request id; below the level nothing is made.
 */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (parent, bindings, options) =>
  new LazyChildLogger(parent, bindings, options)

class LazyChildLogger implements FastifyBaseLogger {
  #made: FastifyBaseLogger | undefined
  readonly #parent: FastifyBaseLogger
  readonly #bindings: Bindings
  readonly #options: ChildLoggerOptions

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent
    this.#bindings = bindings
    this.#options = options
  }

  get level(): string {
    return (this.#made ?? this.#parent).level
  }

  set level(level: string) {
    this.#child().level = level
  }

  #child(): FastifyBaseLogger {
    this.#made ??= this.#parent.child(this.#bindings, this.#options)
    return this.#made
  }

  /** Writes through the real child, made now if the level lets the entry out. */
  #write(level: Level, args: unknown[]): void {
    const logger = this.#made ?? ((this.#parent as Logger).isLevelEnabled(level) ? this.#child() : undefined)
    ;(logger?.[level] as ((...a: unknown[]) => void) | undefined)?.apply(logger, args)
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args)
  }
  error(...args: unknown[]): void {
    this.#write('error', args)
  }
  warn(...args: unknown[]): void {
    this.#write('warn', args)
  }
  info(...args: unknown[]): void {
    this.#write('info', args)
  }
  debug(...args: unknown[]): void {
    this.#write('debug', args)
  }
  trace(...args: unknown[]): void {
    this.#write('trace', args)
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#child().child(bindings, options)
  }
}

/** The logger of a process that serves no requests (`newsreel worker`), redacting the same fields. */
export function processLogger(level: string, style: LogStyle = {}): Logger {
  if (level === 'silent') return pino({ level: 'silent' })
  return style.pretty ? pino({ level, redact: REDACT }, prettyStream()) : pino({ level, redact: REDACT })
}
