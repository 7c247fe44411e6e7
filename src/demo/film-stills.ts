// Which demo pictures each demo film is cut from, decided at seed time and handed to the film's job
// as (kind, artwork seed) pairs, so the job draws them at full quality itself (see renderDemoStill)
// instead of reading storage, where they may still be previews. A film opens on the heroes of the
// stories about it and fills up with the other heroes, rotated per film so two films don't open alike.
import type { DemoImage, DemoStory } from './content/types.js'

/** How many pictures a film is cut from at most. */
const MAX_STILLS = 8

/** The landscapes a demo film (the `index`th, slug `slug`) is cut from, in order. */
export function demoFilmStills(
  images: readonly DemoImage[],
  stories: readonly DemoStory[],
  slug: string,
  index: number,
): { kind: string; seed: number }[] {
  const landscapes = new Map(images.filter(i => i.kind === 'landscape').map(i => [i.key, i]))
  const own = [...new Set(stories.filter(s => s.documentaries.includes(slug)).map(s => s.hero))].filter(k =>
    landscapes.has(k),
  )
  const rest = [...landscapes.keys()].filter(k => k.startsWith('hero-') && !own.includes(k))
  const shift = rest.length > 0 ? (index * 5) % rest.length : 0
  const keys = [...own, ...rest.slice(shift), ...rest.slice(0, shift)].slice(0, MAX_STILLS)
  return keys.map(key => {
    const image = landscapes.get(key) as DemoImage
    return { kind: image.kind, seed: image.seed }
  })
}
