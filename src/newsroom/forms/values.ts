// What the newsroom's form kit reads and shows: problems keyed by field, image choices, link rows.
// Apart from the fields themselves so the checks (and a worker) need no view.

/** What a failed save found, keyed by the id of the field at fault; shown above the form and at each field. */
export type FormProblems = Record<string, string>

/** A stored image to choose, listed by its alt text. */
export interface ImageChoice {
  id: number
  alt: string
}

/** One link row as typed: a label (or a social network) and an address. */
export interface LinkRow {
  key: string
  href: string
}

/** How many empty rows a list of links offers for adding more. */
export const SPARE_ROWS = 3
