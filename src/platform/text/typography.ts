// Typographic quotes, apostrophes, dashes and ellipses for text shown to readers, applied when a
// page is rendered and never to what is stored or edited. Ours rather than a library's (smartypants
// and its ports work on HTML strings and cannot be told what came before a string): the body
// renderer hands us one text node at a time, so a quote's direction must also be decidable from the
// previous node's last character, which `before` carries.

// House style: a spaced " -- " or " - " between words becomes a spaced em dash (" — "), as the
// pull-quote attribution and AP style have it; "--" closed up between words becomes a closed em dash.
const SPACED_DASH = /(?<=\S) -{1,2} (?=\S)/g
const CLOSED_DASH = /(?<=[\p{L}\p{N}])--(?=[\p{L}\p{N}])/gu
const ELLIPSIS = /\.\.\./g
// Addresses keep their characters: a URL written in the text is left exactly as typed.
const URL_LIKE = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:)\S+/gi
// After these (or at the start) a quote opens: space, an opening bracket, a dash, a slash, another opening quote.
const OPENS_AFTER = /^$|[\s([{\u2014\u2013\-/\u201c\u2018]/u
// An apostrophe at the start of a word that stands for missing letters: ’90s, ’em, ’tis, ’twas, rock ’n’ roll.
const LEADING_ELISION = /^(?:\d\d(?:s|\b)|em\b|tis\b|twas\b|n'\s|n\u2019\s)/i
// Feet and inches, minutes and seconds between digits (5'10", 3'30") are primes, not quotes.
const PRIME = /(?<=\d)'(?=\d)/g
const DOUBLE_PRIME = /(?<=\d\u2032\d{1,2}(?:\.\d+)?)"/g

/**
 * `text` with curly quotes and apostrophes, em dashes and ellipses. `before` is the text that precedes
 * it on the page (only its last character counts), so a quote at the start of a node turns the right way.
 */
export function typographic(text: string, before = ''): string {
  if (!hasMarks(text)) return text
  if (!text.includes(':') && !/www\./i.test(text)) return smarten(text, before.slice(-1))
  let out = ''
  let index = 0
  let last = before.slice(-1)
  for (const match of text.matchAll(URL_LIKE)) {
    const plain = smarten(text.slice(index, match.index), last)
    out += plain + match[0]
    last = match[0].slice(-1)
    index = match.index + match[0].length
  }
  return out + smarten(text.slice(index), index === 0 ? last : text.charAt(index - 1))
}

function smarten(text: string, before: string): string {
  if (text === '') return text
  // The character before joins in so that a dash right at the start is judged by what precedes it
  // (never a dot, which an ellipsis could swallow).
  const prefix = before === '.' ? '' : before
  let s = prefix + text
  // Each pass only where its mark is there: most text holds a quote or two and no dash, and the
  // lookbehind passes cost a scan of the whole node each.
  if (s.includes('-')) s = s.replace(SPACED_DASH, ' \u2014 ').replace(CLOSED_DASH, '\u2014')
  if (s.includes('...')) s = s.replace(ELLIPSIS, '\u2026')
  if (s.includes("'")) s = s.replace(PRIME, '\u2032')
  if (s.includes('"')) s = s.replace(DOUBLE_PRIME, '\u2033')
  s = s.slice(prefix.length)
  if (!s.includes('"') && !s.includes("'")) return s
  // The quote just turned, so that one right after it (nested quotes) is judged by its curly form.
  let turned = { at: -2, as: '' }
  return s.replace(/["']/g, (ch, i: number) => {
    const prev = i === 0 ? before : turned.at === i - 1 ? turned.as : s.charAt(i - 1)
    const opens = OPENS_AFTER.test(prev)
    let curly: string
    if (ch === '"') curly = opens ? '\u201c' : '\u201d'
    else curly = !opens || LEADING_ELISION.test(s.slice(i + 1, i + 6)) ? '\u2019' : '\u2018'
    turned = { at: i, as: curly }
    return curly
  })
}

/** Text with none of these has nothing to change (most text nodes): found without a regex, for speed. */
function hasMarks(text: string): boolean {
  return text.includes('"') || text.includes("'") || text.includes('..') || text.includes('-')
}
