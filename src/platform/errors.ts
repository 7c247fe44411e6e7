// Domain failures as typed errors with stable codes. No HTTP in here: the error handler
// in platform/http maps codes to statuses.

export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_document'
  | 'slug_taken'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'rate_limited'
  // An upload refused for its size, or for what its bytes turned out to be.
  | 'too_large'
  | 'unsupported_media_type'

/** A failure the caller can explain to a person; `message` is safe to show. */
export class DomainError extends Error {
  readonly code: ErrorCode
  /** Optional details a person can act on, such as each problem in a document. */
  readonly details: readonly string[]
  constructor(code: ErrorCode, message: string, details: readonly string[] = []) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}

/** Something a reader asked for that is not there (or not public). */
export class NotFound extends DomainError {
  constructor(what: string, key?: string | number) {
    super('not_found', key === undefined ? `No such ${what}.` : `No ${what} “${String(key)}”.`)
  }
}

/** Input that does not fit the rules; details list each problem. */
export class InvalidInput extends DomainError {
  constructor(message: string, details: readonly string[] = []) {
    super('invalid_input', message, details)
  }

  /** What a form shows of it: each distinct detail, or the message when it has none. */
  messages(): string[] {
    return this.details.length ? [...new Set(this.details)] : [this.message]
  }
}
