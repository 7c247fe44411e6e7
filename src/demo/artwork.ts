// Deterministic abstract artwork for the demo newsroom: each picture is an SVG
// built from a seeded PRNG and rasterised by sharp, so seeding needs no files,
// no network and gives the same bytes for the same seed.
import { loadSharp } from '../media/index.js'
import {
  figure,
  grainTile,
  mix,
  mulberry32,
  n,
  PALETTES,
  pick,
  range,
  ridge,
  skyline,
  svgDoc,
  vignette,
  type Palette,
  type Rng,
} from './drawing.js'

/** The kinds of picture the demo seeds. */
export type ArtworkKind = 'landscape' | 'portrait' | 'poster' | 'logo' | 'cover'

/** A rendered picture, ready to store. */
export interface RenderedArtwork {
  data: Buffer
  width: number
  height: number
  contentType: 'image/jpeg' | 'image/png'
}

/** The pixel size of each kind of picture. */
const SIZES: Record<ArtworkKind, { width: number; height: number }> = {
  landscape: { width: 1600, height: 900 },
  portrait: { width: 600, height: 600 },
  poster: { width: 1000, height: 1500 },
  logo: { width: 600, height: 300 },
  // Podcast artwork: square, and at least the 1400 pixels a side Apple Podcasts asks for.
  cover: { width: 1400, height: 1400 },
}

function landscapeSvg(rng: Rng, pal: Palette, width: number, height: number): string {
  const horizon = height * range(rng, 0.5, 0.66)
  const sunX = width * range(rng, 0.18, 0.82)
  const sunY = horizon - height * range(rng, 0.04, 0.3)
  const sunR = range(rng, 40, 95)
  const vig = vignette(width, height, 0.3)
  const defs =
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal.skyTop}"/><stop offset="${n(horizon / height)}" stop-color="${pal.skyLow}"/><stop offset="1" stop-color="${pal.skyLow}"/></linearGradient>` +
    `<radialGradient id="glow" cx="${n(sunX)}" cy="${n(sunY)}" r="${n(sunR * 6)}" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="${pal.sun}" stop-opacity="0.55"/><stop offset="1" stop-color="${pal.sun}" stop-opacity="0"/></radialGradient>` +
    vig.def
  let body = `<rect width="${width}" height="${height}" fill="url(#sky)"/><circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(sunR * 6)}" fill="url(#glow)"/>`
  body += `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(sunR)}" fill="${pal.sun}" opacity="0.92"/>`
  for (let i = 0; i < 3; i += 1) {
    const y = range(rng, height * 0.08, horizon * 0.7)
    body += `<rect x="${n(range(rng, -200, width * 0.6))}" y="${n(y)}" width="${n(range(rng, 300, 900))}" height="${n(range(rng, 4, 16))}" rx="8" fill="${pal.sun}" opacity="${n(range(rng, 0.08, 0.22))}"/>`
  }
  const city = rng() < 0.35
  const layers = 4
  for (let i = 0; i < layers; i += 1) {
    const t = i / (layers - 1)
    const colour = mix(mix(pal.far, pal.skyLow, 0.45 * (1 - t)), pal.near, t * 0.9)
    const base = horizon + (height - horizon) * (t * 0.55) - height * 0.02
    if (city && i === 2) {
      body += skyline(rng, width, base + 30, height * 0.22, colour, pal.sun)
    }
    body += `<path d="${ridge(rng, width, height, base, height * (0.07 - t * 0.03))}" fill="${colour}"/>`
  }
  return svgDoc(width, height, defs, body + vig.rect)
}

function portraitSvg(rng: Rng, pal: Palette, width: number, height: number): string {
  const bgA = mix(pal.skyLow, '#ffffff', range(rng, 0.1, 0.4))
  const bgB = mix(pal.skyTop, pal.skyLow, range(rng, 0.3, 0.7))
  const ink = mix(pal.near, pal.far, range(rng, 0.05, 0.35))
  const cx = width / 2 + range(rng, -30, 30)
  const headY = height * range(rng, 0.36, 0.42)
  const headR = width * range(rng, 0.13, 0.155)
  const shoulder = width * range(rng, 0.33, 0.42)
  const defs =
    `<radialGradient id="bg" cx="${n(range(rng, 0.3, 0.7) * 100)}%" cy="35%" r="80%"><stop offset="0" stop-color="${bgA}"/><stop offset="1" stop-color="${bgB}"/></radialGradient>` +
    `<linearGradient id="ink" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${mix(ink, pal.sun, 0.18)}"/><stop offset="1" stop-color="${ink}"/></linearGradient>`
  let body = `<rect width="${width}" height="${height}" fill="url(#bg)"/>`
  for (let i = 0; i < 6; i += 1) {
    body += `<circle cx="${n(rng() * width)}" cy="${n(rng() * height * 0.7)}" r="${n(range(rng, 20, 70))}" fill="${pal.sun}" opacity="${n(range(rng, 0.06, 0.18))}"/>`
  }
  const neckTop = headY + headR * 0.7
  const shoulderY = headY + headR * 2.1
  // Hair sits behind the head in the same ink, so the whole figure reads as one silhouette.
  const hair = pick(rng, ['short', 'long', 'bun', 'none'] as const)
  if (hair === 'long')
    body += `<path d="M${n(cx - headR * 1.08)},${n(headY + headR * 1.9)} C${n(cx - headR * 1.3)},${n(headY - headR * 0.6)} ${n(cx - headR * 0.9)},${n(headY - headR * 1.4)} ${n(cx)},${n(headY - headR * 1.3)} C${n(cx + headR * 0.9)},${n(headY - headR * 1.4)} ${n(cx + headR * 1.3)},${n(headY - headR * 0.6)} ${n(cx + headR * 1.08)},${n(headY + headR * 1.9)} Z" fill="url(#ink)"/>`
  if (hair === 'short')
    body += `<ellipse cx="${n(cx + headR * 0.04)}" cy="${n(headY - headR * 0.28)}" rx="${n(headR * 1.02)}" ry="${n(headR * 1.0)}" fill="url(#ink)"/>`
  if (hair === 'bun')
    body += `<circle cx="${n(cx + headR * 0.15)}" cy="${n(headY - headR * 1.15)}" r="${n(headR * 0.42)}" fill="url(#ink)"/>`
  body += `<path d="M${n(cx - shoulder)},${height + 2} C${n(cx - shoulder)},${n(shoulderY + 20)} ${n(cx - headR * 1.4)},${n(shoulderY - 10)} ${n(cx - headR * 0.5)},${n(neckTop + headR * 0.8)} L${n(cx - headR * 0.45)},${n(neckTop)} L${n(cx + headR * 0.45)},${n(neckTop)} L${n(cx + headR * 0.5)},${n(neckTop + headR * 0.8)} C${n(cx + headR * 1.4)},${n(shoulderY - 10)} ${n(cx + shoulder)},${n(shoulderY + 20)} ${n(cx + shoulder)},${height + 2} Z" fill="url(#ink)"/>`
  body += `<ellipse cx="${n(cx)}" cy="${n(headY)}" rx="${n(headR * 0.92)}" ry="${n(headR * 1.12)}" fill="url(#ink)"/>`
  return svgDoc(width, height, defs, body)
}

function posterSvg(rng: Rng, pal: Palette, width: number, height: number): string {
  const style = pick(rng, ['disc', 'road', 'shaft'] as const)
  const vig = vignette(width, height, 0.45)
  const horizon = height * range(rng, 0.58, 0.7)
  let defs =
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal.skyTop}"/><stop offset="1" stop-color="${pal.skyLow}"/></linearGradient>` +
    vig.def
  let body = `<rect width="${width}" height="${height}" fill="url(#sky)"/>`
  if (style === 'disc') {
    const r = width * range(rng, 0.26, 0.36)
    const cy = horizon - r * range(rng, 0.3, 0.9)
    body += `<circle cx="${n(width / 2)}" cy="${n(cy)}" r="${n(r)}" fill="${pal.sun}" opacity="0.95"/>`
    body += `<circle cx="${n(width / 2)}" cy="${n(cy)}" r="${n(r * 1.35)}" fill="none" stroke="${pal.sun}" stroke-width="2" opacity="0.35"/>`
    const bands = 7
    for (let i = 0; i < bands; i += 1) {
      const t = i / (bands - 1)
      const y = horizon + (height - horizon) * Math.pow(t, 1.4) * 0.95
      body += `<rect x="0" y="${n(y)}" width="${width}" height="${height}" fill="${mix(pal.far, pal.near, t)}"/>`
    }
    body += figure(width * range(rng, 0.3, 0.7), horizon + 4, height * 0.075, pal.near)
  } else if (style === 'road') {
    const vx = width * range(rng, 0.35, 0.65)
    body += `<circle cx="${n(vx)}" cy="${n(horizon - height * 0.12)}" r="${n(width * 0.09)}" fill="${pal.sun}" opacity="0.9"/>`
    body += `<path d="${ridge(rng, width, height, horizon, height * 0.03)}" fill="${mix(pal.far, pal.skyLow, 0.3)}"/>`
    body += `<rect x="0" y="${n(horizon)}" width="${width}" height="${n(height - horizon)}" fill="${mix(pal.far, pal.near, 0.55)}"/>`
    body += `<path d="M${n(vx - 6)},${n(horizon)} L${n(vx + 6)},${n(horizon)} L${n(width * 0.82)},${height} L${n(width * 0.18)},${height} Z" fill="${pal.near}" opacity="0.85"/>`
    for (let i = 0; i < 9; i += 1) {
      const t = Math.pow((i + 1) / 10, 1.8)
      const y = horizon + (height - horizon) * t
      const len = 8 + 70 * t
      body += `<rect x="${n(vx + (width * 0.5 - vx) * t - 3 * (0.5 + t * 3))}" y="${n(y)}" width="${n(6 * (0.5 + t * 3))}" height="${n(len)}" fill="${pal.sun}" opacity="0.7"/>`
    }
    body += figure(vx + width * 0.02, horizon + height * 0.05, height * 0.06, pal.near)
  } else {
    defs += `<linearGradient id="shaft" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal.sun}" stop-opacity="0.95"/><stop offset="1" stop-color="${pal.sun}" stop-opacity="0.15"/></linearGradient>`
    body += `<rect width="${width}" height="${height}" fill="${pal.near}" opacity="0.82"/>`
    const sx = width * range(rng, 0.3, 0.55)
    const sw = width * range(rng, 0.14, 0.24)
    body += `<rect x="${n(sx)}" y="${n(height * 0.08)}" width="${n(sw)}" height="${n(horizon - height * 0.08)}" fill="url(#shaft)"/>`
    body += `<path d="M${n(sx)},${n(horizon)} L${n(sx + sw)},${n(horizon)} L${n(sx + sw * 2.6)},${height} L${n(sx - sw * 0.9)},${height} Z" fill="${pal.sun}" opacity="0.22"/>`
    body += `<rect x="${n(sx)}" y="${n(height * 0.2)}" width="${n(sw)}" height="${n(sw * 0.05)}" fill="${pal.near}" opacity="0.7"/>`
    body += figure(sx + sw * 0.5, horizon + height * 0.02, height * 0.16, pal.near)
  }
  body += `<rect x="${n(width * 0.08)}" y="${n(height * 0.06)}" width="${n(width * 0.16)}" height="6" fill="${pal.accent}"/>`
  return svgDoc(width, height, defs, body + vig.rect)
}

function logoSvg(rng: Rng, pal: Palette, width: number, height: number): string {
  const bg = mix(pal.skyLow, '#ffffff', 0.82)
  const ink = mix(pal.near, pal.skyTop, 0.3)
  const mark = pick(rng, ['rings', 'arch', 'tiles', 'leaf'] as const)
  const cx = 110
  const cy = height / 2
  let body = `<rect width="${width}" height="${height}" fill="${bg}"/>`
  if (mark === 'rings') {
    body += `<circle cx="${cx}" cy="${cy}" r="62" fill="${pal.accent}"/><circle cx="${cx}" cy="${cy}" r="40" fill="${bg}"/><circle cx="${cx}" cy="${cy}" r="20" fill="${ink}"/>`
  } else if (mark === 'arch') {
    body += `<path d="M${cx - 60},${cy + 60} L${cx - 60},${cy} A60,60 0 0 1 ${cx + 60},${cy} L${cx + 60},${cy + 60} L${cx + 28},${cy + 60} L${cx + 28},${cy} A28,28 0 0 0 ${cx - 28},${cy} L${cx - 28},${cy + 60} Z" fill="${ink}"/><circle cx="${cx}" cy="${cy - 10}" r="12" fill="${pal.accent}"/>`
  } else if (mark === 'tiles') {
    for (let i = 0; i < 4; i += 1) {
      const fill = i === Math.floor(rng() * 4) ? pal.accent : ink
      body += `<rect x="${cx - 58 + (i % 2) * 62}" y="${cy - 58 + Math.floor(i / 2) * 62}" width="54" height="54" rx="${i % 3 === 0 ? 27 : 4}" fill="${fill}"/>`
    }
  } else {
    body += `<path d="M${cx},${cy - 64} C${cx + 70},${cy - 30} ${cx + 50},${cy + 50} ${cx},${cy + 64} C${cx - 50},${cy + 50} ${cx - 70},${cy - 30} ${cx},${cy - 64} Z" fill="${pal.accent}"/><rect x="${cx - 3}" y="${cy - 40}" width="6" height="104" fill="${ink}"/>`
  }
  const lineA = range(rng, 220, 330)
  const lineB = range(rng, 150, lineA - 30)
  body += `<rect x="210" y="${n(cy - 34)}" width="${n(lineA)}" height="30" rx="4" fill="${ink}"/>`
  body += `<rect x="210" y="${n(cy + 12)}" width="${n(lineB)}" height="16" rx="3" fill="${ink}" opacity="0.55"/>`
  return svgDoc(width, height, '', body)
}

const BUILDERS: Record<ArtworkKind, (rng: Rng, pal: Palette, width: number, height: number) => string> = {
  landscape: landscapeSvg,
  portrait: portraitSvg,
  poster: posterSvg,
  logo: logoSvg,
  cover: landscapeSvg,
}

/** Builds the SVG source of a demo picture; exported for tests and debugging. */
export function demoImageSvg(kind: ArtworkKind, seed: number): string {
  // Scramble the seed first: neighbouring seeds would otherwise open with similar draws.
  const rng = mulberry32(Math.imul((seed ^ 0x5bd1e995) >>> 0, 0x27d4eb2d) ^ (seed >>> 15))
  rng()
  const pal = pick(rng, PALETTES)
  const { width, height } = SIZES[kind]
  return BUILDERS[kind](rng, pal, width, height)
}

/** The format a kind of picture is stored in: logos as PNG (flat colour, sharp edges), the rest as JPEG. */
export function artworkContentType(kind: ArtworkKind): RenderedArtwork['contentType'] {
  return kind === 'logo' ? 'image/png' : 'image/jpeg'
}

/** Renders a deterministic abstract picture for a demo image (caption is accepted but not drawn). */
export async function renderDemoImage(image: {
  kind: ArtworkKind
  seed: number
  caption?: string
}): Promise<RenderedArtwork> {
  const { width, height } = SIZES[image.kind]
  const svg = Buffer.from(demoImageSvg(image.kind, image.seed))
  const sharp = await loadSharp()
  const base = sharp(svg, { density: 72 })
  if (image.kind === 'logo') {
    const data = await base.png({ compressionLevel: 9, palette: true }).toBuffer()
    return { data, width, height, contentType: 'image/png' }
  }
  const data = await base
    .composite([{ input: grainTile(2 + (image.seed & 3)), raw: { width: 256, height: 256, channels: 4 }, tile: true }])
    .flatten({ background: '#000000' })
    .jpeg({ quality: 82, mozjpeg: true, trellisQuantisation: false, optimiseScans: false })
    .toBuffer()
  return { data, width, height, contentType: 'image/jpeg' }
}

/** How wide a preview is: a few hundred bytes, which the browser stretches into a soft, blurred picture. */
const PREVIEW_WIDTH = 64

/**
 * A tiny rendering of the same picture, made in milliseconds: what the demo shows while its
 * artwork is made in the background. Its width and height are the full picture's, so pages
 * lay it out as they will the artwork.
 */
export async function renderDemoPreview(image: { kind: ArtworkKind; seed: number }): Promise<RenderedArtwork> {
  const { width, height } = SIZES[image.kind]
  const svg = Buffer.from(demoImageSvg(image.kind, image.seed))
  const sharp = await loadSharp()
  const base = sharp(svg, { density: (72 * PREVIEW_WIDTH) / width })
  if (image.kind === 'logo') return { data: await base.png().toBuffer(), width, height, contentType: 'image/png' }
  const data = await base.flatten({ background: '#000000' }).jpeg({ quality: 70 }).toBuffer()
  return { data, width, height, contentType: 'image/jpeg' }
}

/**
 * A demo picture drawn for a demo film, at full quality and exactly `width`×`height` (cover-cropped
 * from the picture's own aspect): SVG straight to PNG at the film's size, no grain and no variants,
 * a few tens of milliseconds. The films draw their landscapes this way rather than read them from
 * storage, where they may still be the 64-px previews when the film is cut.
 */
export async function renderDemoStill(
  still: { kind: string; seed: number },
  width: number,
  height: number,
): Promise<Buffer> {
  if (!Object.hasOwn(SIZES, still.kind)) throw new Error(`no demo artwork of kind "${still.kind}"`)
  const kind = still.kind as ArtworkKind
  const size = SIZES[kind]
  // Rasterise the SVG just large enough to cover the still, then crop the spare edge away.
  const scale = Math.max(width / size.width, height / size.height)
  const sharp = await loadSharp()
  return sharp(Buffer.from(demoImageSvg(kind, still.seed)), { density: 72 * scale })
    .resize(width, height, { fit: 'cover' })
    .flatten({ background: '#000000' })
    .png({ compressionLevel: 1 })
    .toBuffer()
}
