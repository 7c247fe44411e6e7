// CardGrid: the one grid every list of cards uses (stories, films, people, topics, shows,
// interviews). It never leaves an orphan card or an empty column, whatever the count: the
// server knows how many items there are, picks for each screen tier how many columns fit and,
// when the count does not fill the last row, lets the first items (the newest, the lead) take
// the spare room as a wider first row. The tiers' media queries live in 012-card-grid.css; the
// classes below say, per tier, the columns (`cg-c{tier}-{n}`) and how many lead items share the
// first row (`cg-r{tier}-{n}`); a lead item carries `cg-lead-{tier}`. A card wider than its
// narrow form turns sideways through a container query in its own stylesheet.
import type { ComponentChildren } from 'preact'

/** What a grid holds; each kind has its own widest column count per tier and its own gap. */
export type CardGridKind = 'story' | 'film' | 'person' | 'topic' | 'show' | 'interview'

/** Tiers: phones, tablets (≥ 36rem), laptops (≥ 60rem), desktops (≥ 75rem; the page stops widening at 76rem). */
export const CARD_GRID_TIERS = 4

/** The most columns each kind shows at each tier. */
export const CARD_GRID_MAX_COLUMNS: Record<CardGridKind, readonly [number, number, number, number]> = {
  story: [1, 2, 3, 4],
  film: [2, 3, 4, 5],
  person: [2, 3, 4, 5],
  topic: [1, 2, 3, 3],
  show: [2, 3, 4, 5],
  interview: [1, 2, 3, 3],
}

/** One tier's layout: `columns` per ordinary row, `leads` items sharing a wider first row (0: none). */
export interface TierLayout {
  columns: number
  leads: number
}

/**
 * The layout of `count` items when at most `max` columns fit: all in one row when they fit;
 * else the widest column count (down to two-thirds of `max`) that the count fills exactly;
 * else `max` columns with the remainder as a wider first row of lead items.
 */
export function tierLayout(count: number, max: number): TierLayout {
  if (count <= max) return { columns: Math.max(count, 1), leads: 0 }
  const least = Math.max(2, Math.ceil((max * 2) / 3))
  for (let c = max; c >= least; c--) if (count % c === 0) return { columns: c, leads: 0 }
  return { columns: max, leads: count % max }
}

/** The classes of the list and of item `index` (0-based) for `count` items of `kind`. */
export function cardGridClasses(kind: CardGridKind, count: number) {
  const layouts = CARD_GRID_MAX_COLUMNS[kind].map(max => tierLayout(count, max))
  const list = [`card-grid`, `card-grid--${kind}`]
  layouts.forEach((l, t) => {
    list.push(`cg-c${t}-${l.columns}`)
    if (l.leads) list.push(`cg-r${t}-${l.leads}`)
  })
  const item = (index: number) =>
    ['card-grid__item', ...layouts.flatMap((l, t) => (index < l.leads ? [`cg-lead-${t}`] : []))].join(' ')
  return { list: list.join(' '), item }
}

export interface CardGridProps<T> {
  kind: CardGridKind
  items: readonly T[]
  /** A stable key for each item. */
  keyOf: (item: T, index: number) => string | number
  /** The card inside the grid's `<li>`. */
  render: (item: T, index: number) => ComponentChildren
  /** An extra class on the list (a part's own touch, such as a dark band's colours). */
  class?: string | undefined
  /** `ol` when order means something (search results). */
  as?: 'ul' | 'ol' | undefined
  /** The label of the list, when a heading does not already name it. */
  label?: string | undefined
}

/** A list of cards laid out without orphans (see the file's head). */
export function CardGrid<T>({ kind, items, keyOf, render, class: extra, as = 'ul', label }: CardGridProps<T>) {
  const classes = cardGridClasses(kind, items.length)
  const List = as
  return (
    <List class={extra ? `${classes.list} ${extra}` : classes.list} aria-label={label}>
      {items.map((item, i) => (
        <li key={keyOf(item, i)} class={classes.item(i)}>
          {render(item, i)}
        </li>
      ))}
    </List>
  )
}
