// How a demo picture is written down: one tuple per picture, the house's photo credits, and the
// seed that draws its abstract art. Apart so the story photographs and the other pictures share them.
import type { DemoImage } from './types.js'

/** One picture: its key, alt text, caption, credit, and a hand-picked seed where the art must match. */
export type Entry = [key: string, alt: string, caption: string, credit: string, seed?: number]

export const byPilgrim = 'Photo: Joanna Pilgrim / The Long View'
export const byNavarro = 'Photo: Kit Navarro / The Long View'
export const byOyelaran = 'Photo: Gabriel Oyelaran / The Long View'
export const byCalloway = 'Photo: Ines Calloway / The Long View'
export const byOsei = 'Photo: Farida Osei / The Long View'
export const illustration = 'Illustration: The Long View'

/** FNV-1a, so a picture's seed depends only on its key and survives reordering. */
function seedOf(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0
  return hash
}

/** The demo images of one kind, from their entries. */
export function build(kind: DemoImage['kind'], entries: Entry[]): DemoImage[] {
  return entries.map(([key, alt, caption, credit, seed]) => ({
    key,
    kind,
    seed: seed ?? seedOf(key),
    alt,
    caption,
    credit,
  }))
}
