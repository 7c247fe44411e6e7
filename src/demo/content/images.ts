// Every picture the demo seeds: story heroes and pictures inside bodies (in story-photos.ts),
// staff portraits, documentary posters, funder logos and the podcast cover. The art itself is abstract
// (see ../artwork.ts); alt text and captions describe the scene each picture stands for in the fiction.
import type { DemoImage } from './types.js'
import { build, byPilgrim, illustration, type Entry } from './image-entries.js'
import { bodyPictures, heroes } from './story-photos.js'

const portraits: Entry[] = [
  'ines-calloway',
  'desmond-achterberg',
  'noor-haddad',
  'gabriel-oyelaran',
  'lena-marchetti',
  'wendell-tso',
  'joanna-pilgrim',
  'elias-thornbury',
  'farida-osei',
  'kit-navarro',
].map((slug): Entry => {
  const name = slug
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ')
  return [`portrait-${slug}`, `Portrait of ${name}.`, name, byPilgrim]
})

// Posters use hand-picked seeds so each composition matches its film and its alt text.
const posters: Entry[] = [
  [
    'poster-dispatches-from-a-quiet-front',
    'Poster: a lone figure in a shaft of light inside a dark building.',
    'Dispatches from a Quiet Front',
    'Poster: The Long View',
    9,
  ],
  [
    'poster-the-last-shift',
    'Poster: a lone worker silhouetted against a huge setting sun above a flat horizon.',
    'The Last Shift',
    'Poster: The Long View',
    15,
  ],
  [
    'poster-high-water-mark',
    'Poster: a figure standing at the edge of banded water under a pale disc.',
    'High Water Mark',
    'Poster: The Long View',
    14,
  ],
  [
    'poster-paper-borders',
    'Poster: a small figure on a long road running to the horizon.',
    'Paper Borders',
    'Poster: The Long View',
    4,
  ],
  [
    'poster-the-ledger',
    'Poster: a figure standing in a doorway of light in a dark room.',
    'The Ledger',
    'Poster: The Long View',
    8,
  ],
  [
    'poster-forty-miles-to-care',
    'Poster: a lone figure on an empty road stretching toward a low moon.',
    'Forty Miles to Care',
    'Poster: The Long View',
    1,
  ],
]

const logos: Entry[] = [
  ['logo-harrow-lane-foundation', 'The Harrow Lane Foundation logo.', 'The Harrow Lane Foundation', illustration],
  ['logo-meridian-civic-trust', 'Meridian Civic Trust logo.', 'Meridian Civic Trust', illustration],
  ['logo-wrenfield-family-fund', 'Wrenfield Family Fund logo.', 'Wrenfield Family Fund', illustration],
  [
    'logo-northgate-community-foundation',
    'Northgate Community Foundation logo.',
    'Northgate Community Foundation',
    illustration,
  ],
]

const covers: Entry[] = [
  [
    'cover-the-long-listen',
    'A radio mast on a ridge at dusk under a wide sky, the artwork of The Long Listen.',
    'The Long Listen',
    illustration,
  ],
]

/** All demo images, keyed by `key`. */
export const images: DemoImage[] = [
  ...build('landscape', heroes),
  ...build('landscape', bodyPictures),
  ...build('portrait', portraits),
  ...build('poster', posters),
  ...build('logo', logos),
  ...build('cover', covers),
]
