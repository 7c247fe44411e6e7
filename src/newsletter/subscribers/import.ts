// The rules of a CSV import: what a file must look like, which lines are refused and why, and
// what happens to each address. Nothing is stored unless every line is good, and an address
// that left or bounced is never brought back.
import type { Db } from '../../db/index.js'
import { normalizeEmail } from '../../platform/email.js'
import { parseCsv, startsLikeFormula } from './csv.js'
import { addSubscriptions, confirmPendingByImport, findByEmails, insertImported } from './import-store.js'

/** The largest CSV taken, in bytes of UTF-8. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024
/** The most addresses (lines after the header) in one import. */
export const IMPORT_MAX_ROWS = 50_000

/** One refused line. */
export interface LineProblem {
  line: number
  reason: string
}

/** A file read line by line: the addresses in it, or why lines (or the whole file) were refused. */
export type ReadImport =
  | { addresses: { email: string; line: number }[]; problems: LineProblem[]; repeated: number }
  | { fileProblem: string; tooLarge?: boolean | undefined }

const count = (n: number) => n.toLocaleString('en')
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** A cell as it can be quoted back: control characters made visible, long ones cut. */
function shown(cell: string): string {
  const visible = cell
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\p{Cc}/gu, '?')
  return visible.length > 60 ? `${visible.slice(0, 60)}…` : visible
}

/** The email column's position when `cells` is a header row. */
function emailColumn(cells: readonly string[]): number {
  return cells.findIndex(c =>
    ['email', 'emailaddress', 'mail'].includes(
      c
        .trim()
        .toLowerCase()
        .replace(/[\s_-]/g, ''),
    ),
  )
}

/** Why one cell is not an address to import, if it is not. */
function cellProblem(raw: string | undefined): { email: string } | { reason: string } {
  const cell = (raw ?? '').trim()
  if (!cell) return { reason: 'there is no email address in the email column' }
  if (startsLikeFormula(raw ?? '') || startsLikeFormula(cell)) {
    return {
      reason: `“${shown(cell)}” starts with “${shown(cell.charAt(0))}”, which spreadsheets run as a formula; it is not an email address`,
    }
  }
  const email = normalizeEmail(cell)
  return email ? { email } : { reason: `“${shown(cell)}” is not an email address` }
}

/**
 * Reads an import file: a header row naming an `email` column (other columns are ignored), or
 * a plain list of addresses with no header. Every line is checked; an address repeated in the
 * file counts once.
 */
export function readImportCsv(text: string): ReadImport {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > IMPORT_MAX_BYTES) {
    return {
      tooLarge: true,
      fileProblem: `The CSV is ${MB(bytes)}; an import takes at most ${MB(IMPORT_MAX_BYTES)} (${count(IMPORT_MAX_ROWS)} addresses). Split it into smaller files. Nothing was imported.`,
    }
  }
  const records = parseCsv(text)
  const [header, ...rest] = records
  if (!header)
    return { fileProblem: 'The CSV is empty: paste a header line with an “email” column, then one address a line.' }
  if (header.problem) return { fileProblem: `Line ${header.line} (the header) is not valid CSV: ${header.problem}.` }
  let column = emailColumn(header.cells)
  let rows = rest
  if (column < 0) {
    // A bare list of addresses, one a line, is a one-column file without its header.
    if (header.cells.length !== 1 || !normalizeEmail(header.cells[0] ?? '')) {
      return {
        fileProblem: `The first line must name the columns, one of them “email”; it reads “${shown(header.cells.join(','))}”. A plain list of addresses, one a line, works too.`,
      }
    }
    column = 0
    rows = records
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    return {
      tooLarge: true,
      fileProblem: `The CSV has ${count(rows.length)} addresses; an import takes at most ${count(IMPORT_MAX_ROWS)}. Split it into smaller files. Nothing was imported.`,
    }
  }
  const addresses: { email: string; line: number }[] = []
  const problems: LineProblem[] = []
  const seen = new Set<string>()
  let repeated = 0
  for (const record of rows) {
    if (record.problem) {
      problems.push({ line: record.line, reason: `not valid CSV: ${record.problem}` })
      continue
    }
    const checked = cellProblem(record.cells[column])
    if ('reason' in checked) problems.push({ line: record.line, reason: checked.reason })
    else if (seen.has(checked.email)) repeated += 1
    else {
      seen.add(checked.email)
      addresses.push({ email: checked.email, line: record.line })
    }
  }
  if (addresses.length === 0 && problems.length === 0)
    return { fileProblem: 'The CSV has a header but no addresses under it.' }
  return { addresses, problems, repeated }
}

/** What an import did. */
export interface ImportSummary {
  added: number
  /** Already stored and still subscribed: given the chosen lists. */
  updated: number
  /** Of the updated, those confirmed now on the admin's assertion of consent. */
  confirmed: number
  /** Left out: addresses that unsubscribed or bounced. */
  skipped: { line: number; email: string; status: 'unsubscribed' | 'bounced' }[]
  /** Lines repeating an address already in the file. */
  repeated: number
}

/**
 * Stores checked addresses on the chosen lists; run it in one transaction. New addresses are
 * pending, or confirmed when `consent` (the recorded assertion) is given; stored ones keep their
 * status (pending ones are confirmed on an assertion) and gain the lists; those that left or
 * bounced are skipped.
 */
export async function importAddresses(
  db: Db,
  o: {
    addresses: readonly { email: string; line: number }[]
    listIds: readonly number[]
    consent?: string | undefined
  },
): Promise<Omit<ImportSummary, 'repeated'>> {
  const skipped: ImportSummary['skipped'] = []
  const keptIds: number[] = []
  const sort = (
    found: Map<string, { id: number; status: string }>,
    addresses: readonly { email: string; line: number }[],
  ) => {
    for (const a of addresses) {
      const stored = found.get(a.email)
      if (!stored) continue
      if (stored.status === 'unsubscribed' || stored.status === 'bounced')
        skipped.push({ line: a.line, email: a.email, status: stored.status })
      else keptIds.push(stored.id)
    }
  }
  const existing = await findByEmails(
    db,
    o.addresses.map(a => a.email),
  )
  sort(existing, o.addresses)
  const fresh = o.addresses.filter(a => !existing.has(a.email))
  const addedIds = await insertImported(
    db,
    fresh.map(a => ({ email: a.email, status: o.consent ? 'confirmed' : 'pending', consent: o.consent ?? '' })),
  )
  if (addedIds.length < fresh.length) {
    // Some signed up while this ran: treat them as stored before.
    const added = new Set(addedIds)
    const now = await findByEmails(
      db,
      fresh.map(a => a.email),
    )
    sort(new Map([...now].filter(([, s]) => !added.has(s.id))), fresh)
  }
  const confirmed = o.consent ? await confirmPendingByImport(db, keptIds, o.consent) : 0
  await addSubscriptions(db, [...addedIds, ...keptIds], o.listIds)
  return { added: addedIds.length, updated: keptIds.length, confirmed, skipped }
}

/** The consent an import records: who vouched, when, and their statement of where and how. */
export function importConsent(adminEmail: string, statement: string, now = new Date()): string {
  return `import by ${adminEmail} on ${now.toISOString().slice(0, 10)}: ${statement}`
}
