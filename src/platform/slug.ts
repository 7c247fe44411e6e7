// Slugs: the readable part of an address.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Letters that NFKD leaves whole (they are letters of their own, not a base letter with a mark),
 * spelled the way an English-speaking reader would type them in an address.
 */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'ng',
  Ŋ: 'Ng',
  ĸ: 'k',
}
const LETTER = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g')
/** Apostrophes inside words: straight, typographic (’ and ‘), modifier letter, prime, backtick. */
const APOSTROPHE = /['’‘ʼʹ′`]/g

/** Whether a string is a well-formed slug (lower-case words joined by single hyphens, ≤ 120 characters). */
export function isSlug(value: string): boolean {
  return value.length <= 120 && SLUG.test(value)
}

/** Latin text with its accents and special letters folded to plain a–z ("Ørsted’s Straße" → "Orsted’s Strasse"). */
export function foldAccents(text: string): string {
  // NFKD splits "é" into "e" and a combining mark (and "ﬁ" into "fi"); \p{M} drops every mark.
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(LETTER, c => LETTERS[c] ?? c)
}

/** A slug made from a title: accents folded, apostrophes dropped ("county's" → "countys"), words joined by hyphens. */
export function slugify(title: string): string {
  return foldAccents(title)
    .replace(APOSTROPHE, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}
