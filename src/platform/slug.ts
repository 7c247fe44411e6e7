// Slugs: the readable part of an address.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Whether a string is a well-formed slug (lower-case words joined by single hyphens, ≤ 120 characters). */
export function isSlug(value: string): boolean {
  return value.length <= 120 && SLUG.test(value)
}

/** A slug made from a title: accents dropped, words joined by hyphens. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}
