// Rules shared by the newsroom's content forms: reading typed text, slugs, lengths, positions
// and link addresses, each failing with a sentence a person can act on.
import { isUniqueViolation, type Db } from '../../db/index.js'
import { findImagesByIds } from '../../media/index.js'
import { DomainError } from '../../platform/errors.js'
import type { FormProblems, LinkRow } from './values.js'

/** Text as typed, with line endings made uniform and the ends trimmed. */
export function formText(value: string | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').trim()
}

const count = (n: number) => n.toLocaleString('en')

/** A text's problem: empty when `required`, or longer than `max` characters. */
export function textProblem(label: string, value: string, max: number, required = false): string | undefined {
  if (required && !value) return `${label} cannot be empty.`
  if (value.length > max) return `${label} is limited to ${count(max)} characters; this one has ${count(value.length)}.`
  return undefined
}

export const SLUG_MAX = 100
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A slug's problem: it must be lower-case words (letters and digits) joined by single hyphens. */
export function slugProblem(slug: string): string | undefined {
  if (!slug) return 'Slug cannot be empty: it is the name in the address, like “climate-and-environment”.'
  if (slug.length > SLUG_MAX) return `Slug is limited to ${SLUG_MAX} characters; this one has ${count(slug.length)}.`
  if (!SLUG.test(slug))
    return 'Slug may only hold lower-case letters and digits joined by single hyphens, like “climate-and-environment”.'
  return undefined
}

/** What a failed save says when its slug belongs to someone else. */
export const SLUG_TAKEN = 'That slug is taken. Choose another one.'

/** Thrown inside a save that finds its slug already in use. */
export function slugTakenError(): DomainError {
  return new DomainError('slug_taken', SLUG_TAKEN)
}

/** Runs a save; a slug clash, whether found by the save or by the unique index, comes back as `slugTaken`. */
export async function unlessSlugTaken<T>(save: () => Promise<T>): Promise<{ saved: T } | { slugTaken: true }> {
  try {
    return { saved: await save() }
  } catch (error) {
    if ((error instanceof DomainError && error.code === 'slug_taken') || isUniqueViolation(error))
      return { slugTaken: true }
    throw error
  }
}

export const POSITION_MAX = 9999

/** Reads a position: empty means "put it last" (`value` undefined), otherwise a whole number 0–9999. */
export function readPosition(raw: string): { value?: number; problem?: string } {
  if (raw === '') return {}
  if (!/^\d{1,4}$/.test(raw))
    return { problem: `Position must be a whole number from 0 to ${POSITION_MAX}, or empty to put it last.` }
  return { value: Number(raw) }
}

/** Which kinds of address a link may hold besides http(s). */
export interface LinkKinds {
  /** A path on this site: `/about`. */
  sitePath?: boolean
  mailto?: boolean
}

export const HREF_MAX = 2000
// Whitespace, control and format characters (zero-width, bidi overrides) hide what a link really says.
const HIDDEN = /[\s\p{Cc}\p{Cf}\p{Z}]/u

/** Checks a link address against an allow-list; gives the address with its scheme lower-cased, or the problem. */
export function checkLink(href: string, kinds: LinkKinds = {}): { href: string } | { problem: string } {
  if (!href) return { problem: 'Enter an address.' }
  if (href.length > HREF_MAX)
    return { problem: `An address is limited to ${count(HREF_MAX)} characters; this one has ${count(href.length)}.` }
  if (HIDDEN.test(href)) return { problem: 'An address cannot contain spaces or invisible characters.' }
  // Browsers read `\` as `/`, which turns `/\evil.example` into a link to another site.
  if (href.includes('\\')) return { problem: 'An address cannot contain backslashes.' }
  if (kinds.sitePath && href.startsWith('/') && !href.startsWith('//')) return { href }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase()
  const normal = scheme ? scheme + href.slice(scheme.length) : href
  if (scheme === 'mailto' && kinds.mailto)
    return normal.length > 7 ? { href: normal } : { problem: 'A mailto: address needs an email address after it.' }
  if (scheme === 'http' || scheme === 'https') return checkWebAddress(normal)
  const allowed = [
    'https://',
    'http://',
    ...(kinds.mailto ? ['mailto:'] : []),
    ...(kinds.sitePath ? ['/ (a page on this site)'] : []),
  ]
  const shown = href.length > 60 ? `${href.slice(0, 60)}…` : href
  return {
    problem: `An address must start with ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}; “${shown}” is not allowed.`,
  }
}

function checkWebAddress(href: string): { href: string } | { problem: string } {
  // `https:example.com` parses as a URL but is almost always a typing mistake.
  if (!/^https?:\/\/[^/]/.test(href)) return { problem: 'A web address must look like https://example.org/….' }
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return { problem: 'This is not a web address a browser can open.' }
  }
  // `https://trusted.example@evil.example` shows one site and opens another.
  if (url.username || url.password) return { problem: 'A web address cannot contain a user name or password.' }
  return { href }
}

/** Zips two repeated fields into rows, trimmed, dropping rows with no address and no (typed) label. */
export function readLinkRows(
  keys: readonly string[] = [],
  hrefs: readonly string[] = [],
  keyIsChoice = false,
): LinkRow[] {
  const rows: LinkRow[] = []
  for (let i = 0; i < Math.max(keys.length, hrefs.length); i++) {
    const row = { key: formText(keys[i]), href: formText(hrefs[i]) }
    if (row.href || (row.key && !keyIsChoice)) rows.push(row)
  }
  return rows
}

/** How a list of link rows is checked. */
export interface LinkRowRules {
  /** The field name the rows were posted under (their ids start with it). */
  name: string
  max: number
  keyLabel: string
  keyMax: number
  /** The only values the key may take (a select), if any. */
  keyChoices?: readonly string[]
  kinds: LinkKinds
}

/** Checks rows of links, adding each problem under its row field's id; gives the rows with addresses normalized. */
export function checkLinkRows(rows: readonly LinkRow[], rules: LinkRowRules, problems: FormProblems): LinkRow[] {
  if (rows.length > rules.max)
    problems[rules.name] =
      `There can be at most ${rules.max} links here; there are ${rows.length}. Empty the rows you do not need.`
  return rows.map((row, i) => {
    const keyId = `${rules.name}-${i}-key`
    if (rules.keyChoices && !rules.keyChoices.includes(row.key))
      problems[keyId] = `${rules.keyLabel} ${i + 1}: choose one from the list.`
    else if (!rules.keyChoices) {
      const problem = textProblem(`${rules.keyLabel} ${i + 1}`, row.key, rules.keyMax, true)
      if (problem) problems[keyId] = problem
    }
    const checked = checkLink(row.href, rules.kinds)
    if ('problem' in checked) {
      problems[`${rules.name}-${i}-href`] = `Address ${i + 1}: ${checked.problem}`
      return row
    }
    return { key: row.key, href: checked.href }
  })
}

/** Reads an image choice from a form: empty is none; otherwise the id of a stored image. */
export async function readImageChoice(db: Db, raw: string): Promise<{ value: number | null } | { problem: string }> {
  if (raw === '') return { value: null }
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : undefined
  if (id !== undefined && (await findImagesByIds(db, [id])).has(id)) return { value: id }
  return { problem: 'Choose a picture from the list; that one is not stored.' }
}
