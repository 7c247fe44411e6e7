// Matching what a writer types against the names in a multi-select: case and accents do not
// matter ("zurich" finds "Zürich"), and every typed word must appear somewhere in the name.

/** Text folded for comparing: lower case, accents dropped, a few letters spelled out. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
}

/** Whether `name` matches `query`: an empty query matches everything. */
export function matches(name: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const folded = fold(name)
  return words.every(word => folded.includes(word))
}

/**
 * The choices to offer for `query`, in the select's order except that names starting with
 * what was typed come first ("Ed" puts "Edith Mbeki" before "Fred Edwards").
 */
export function rank<T extends { label: string }>(choices: readonly T[], query: string): T[] {
  const found = choices.filter(c => matches(c.label, query))
  const start = fold(query).trim()
  if (start === '') return found
  return [...found.filter(c => fold(c.label).startsWith(start)), ...found.filter(c => !fold(c.label).startsWith(start))]
}
