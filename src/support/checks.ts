// Reading and checking the support page's form: every field bounded, each gift's amount positive
// with at most two decimals, a known currency, and an http(s) address at the payment provider.
import { checkLink, formText, textProblem, type FormProblems } from '../newsroom/index.js'
import type { GivingOption, SupportSettings } from '../settings/index.js'

export const SUPPORT_LIMITS = {
  heading: 120,
  appeal: 4000,
  membership: 1000,
  options: 6,
  label: 60,
  /** The largest amount a button may name, in the currency's major unit. */
  amount: 1_000_000,
}

/** One giving option as typed. */
export interface OptionFields {
  label: string
  amount: string
  currency: string
  /** 'monthly' or 'once' */
  frequency: string
  url: string
}

/** The form's fields as typed. */
export interface SupportFields {
  heading: string
  appeal: string
  membership: string
  options: OptionFields[]
}

/** The posted form, repeated option fields as lists (a single value arrives as a list of one). */
export interface SupportBody {
  heading?: string | undefined
  appeal?: string | undefined
  membership?: string | undefined
  optionLabel?: string[] | undefined
  optionAmount?: string[] | undefined
  optionCurrency?: string[] | undefined
  optionFrequency?: string[] | undefined
  optionUrl?: string[] | undefined
}

/** Reads the form; option rows with nothing typed (label, amount and address empty) are dropped. */
export function readSupportFields(body: SupportBody): SupportFields {
  const count = Math.max(body.optionLabel?.length ?? 0, body.optionAmount?.length ?? 0, body.optionUrl?.length ?? 0)
  const options: OptionFields[] = []
  for (let i = 0; i < count; i++) {
    const row = {
      label: formText(body.optionLabel?.[i]),
      amount: formText(body.optionAmount?.[i]),
      currency: formText(body.optionCurrency?.[i]).toUpperCase(),
      frequency: formText(body.optionFrequency?.[i]),
      url: formText(body.optionUrl?.[i]),
    }
    if (row.label || row.amount || row.url) options.push(row)
  }
  return {
    heading: formText(body.heading),
    appeal: formText(body.appeal),
    membership: formText(body.membership),
    options,
  }
}

/** The settings as the form shows them. */
export function supportFieldsOf(s: SupportSettings): SupportFields {
  return {
    heading: s.heading,
    appeal: s.appeal,
    membership: s.membership,
    options: s.options.map(o => ({
      label: o.label,
      amount: amountText(o.amount),
      currency: o.currency,
      frequency: o.monthly ? 'monthly' : 'once',
      url: o.url,
    })),
  }
}

/** An amount as typed back into the form: 25, 7.50. */
function amountText(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2)
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'))

/** An amount's problem, or its value: digits with at most two decimals, above zero, not absurd. */
export function readAmount(raw: string): { value: number } | { problem: string } {
  if (!raw) return { problem: 'enter an amount, such as 25 or 7.50.' }
  if (!/^\d{1,9}(?:\.\d{1,2})?$/.test(raw))
    return { problem: `“${raw.slice(0, 20)}” is not an amount: use digits, with at most two decimals (7.50).` }
  const value = Number(raw)
  if (value <= 0) return { problem: 'the amount must be more than zero.' }
  if (value > SUPPORT_LIMITS.amount)
    return { problem: `the amount is limited to ${SUPPORT_LIMITS.amount.toLocaleString('en')}.` }
  return { value }
}

function checkOption(o: OptionFields, i: number, problems: FormProblems): GivingOption | undefined {
  const n = i + 1
  const id = (field: string) => `option-${i}-${field}`
  const before = Object.keys(problems).length
  const label = textProblem(`Gift ${n}: label`, o.label, SUPPORT_LIMITS.label, true)
  if (label) problems[id('label')] = label
  const amount = readAmount(o.amount)
  if ('problem' in amount) problems[id('amount')] = `Gift ${n}: ${amount.problem}`
  if (!CURRENCIES.has(o.currency))
    problems[id('currency')] = `Gift ${n}: choose a currency code such as USD, EUR or GBP.`
  if (o.frequency !== 'monthly' && o.frequency !== 'once')
    problems[id('frequency')] = `Gift ${n}: choose monthly or one-off.`
  // The provider is always another site: a path on this one or a mailto: is no way to pay.
  const url = o.url ? checkLink(o.url) : { problem: 'enter the payment provider’s address, https://….' }
  if ('problem' in url) problems[id('url')] = `Gift ${n}: ${url.problem}`
  if (Object.keys(problems).length > before || 'problem' in amount || 'problem' in url) return undefined
  return {
    label: o.label,
    amount: amount.value,
    currency: o.currency,
    monthly: o.frequency === 'monthly',
    url: url.href,
  }
}

/** Checks the fields; gives the settings to save or the problems, keyed by field id. */
export function checkSupportFields(f: SupportFields): { support: SupportSettings } | { problems: FormProblems } {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  add('heading', textProblem('Heading', f.heading, SUPPORT_LIMITS.heading, true))
  add('appeal', textProblem('Appeal', f.appeal, SUPPORT_LIMITS.appeal, true))
  add('membership', textProblem('Membership wording', f.membership, SUPPORT_LIMITS.membership))
  if (f.options.length > SUPPORT_LIMITS.options)
    problems.options = `There can be at most ${SUPPORT_LIMITS.options} ways to give; there are ${f.options.length}. Empty the rows you do not need.`
  const options = f.options.slice(0, SUPPORT_LIMITS.options).map((o, i) => checkOption(o, i, problems))
  if (Object.keys(problems).length) return { problems }
  return {
    support: {
      heading: f.heading,
      appeal: f.appeal,
      membership: f.membership,
      options: options.filter((o): o is GivingOption => o !== undefined),
    },
  }
}
