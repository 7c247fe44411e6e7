// The drawing primitives of the demo artwork (artwork.ts draws the scenes with them): a seeded
// PRNG, the palettes, colour mixing, and SVG shapes (ridges, skylines, figures, a vignette) as
// strings, plus the film-grain tile laid over the rasterised picture.

/** A seeded random source: each call gives the next number in [0, 1). */
export type Rng = () => number

/** The colours of one picture. */
export type Palette = { skyTop: string; skyLow: string; sun: string; far: string; near: string; accent: string }

// Muted, documentary-feeling palettes: dusk, fog, desert, night, overcast, winter, sodium, teal hour.
export const PALETTES: Palette[] = [
  { skyTop: '#2b3a55', skyLow: '#e3a47a', sun: '#f8dcb4', far: '#8a6f7c', near: '#1d1b28', accent: '#c8553d' },
  { skyTop: '#8fa4b1', skyLow: '#e4e0d3', sun: '#fffaf0', far: '#8c9c9c', near: '#27312f', accent: '#b5835a' },
  { skyTop: '#b8654a', skyLow: '#f0cfa0', sun: '#fff2d9', far: '#b0735a', near: '#3a2320', accent: '#5b7065' },
  { skyTop: '#0e1a2b', skyLow: '#46597a', sun: '#ebe6d6', far: '#34425a', near: '#080c14', accent: '#d9a441' },
  { skyTop: '#73826f', skyLow: '#d9d5c1', sun: '#f3f0e2', far: '#687661', near: '#1c241e', accent: '#a9492f' },
  { skyTop: '#55687f', skyLow: '#d6dae0', sun: '#f8f5ef', far: '#848e9c', near: '#252b35', accent: '#9a3b3b' },
  { skyTop: '#35292b', skyLow: '#d48b4e', sun: '#f6c98a', far: '#6b4a40', near: '#150f10', accent: '#4d7d8a' },
  { skyTop: '#173740', skyLow: '#cf7a44', sun: '#f3c99b', far: '#4d5e5c', near: '#0b1618', accent: '#e0b04f' },
]

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A number drawn evenly between min and max. */
export function range(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min)
}

/** One item drawn from a list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** The colour a fraction t of the way from a to b (#rrggbb). */
export function mix(a: string, b: string, t: number): string {
  const ca = parseInt(a.slice(1), 16)
  const cb = parseInt(b.slice(1), 16)
  const channel = (shift: number) => {
    const x = (ca >> shift) & 255
    const y = (cb >> shift) & 255
    return Math.round(x + (y - x) * t)
  }
  const rgb = (channel(16) << 16) | (channel(8) << 8) | channel(0)
  return `#${rgb.toString(16).padStart(6, '0')}`
}

/** A coordinate as SVG text, to one decimal. */
export const n = (value: number) => value.toFixed(1)

/** A smooth ridge line across the width, closed down to the bottom edge. */
export function ridge(rng: Rng, width: number, height: number, base: number, amplitude: number): string {
  const waves = [0, 1, 2].map(i => ({
    f: range(rng, 0.6, 2.2) * (i + 1),
    ph: rng() * Math.PI * 2,
    a: amplitude / (i + 1.3),
  }))
  const step = width / 40
  const points: [number, number][] = []
  for (let x = -step; x <= width + step; x += step) {
    const u = x / width
    const y =
      base -
      waves.reduce((sum, w) => sum + w.a * Math.sin(u * w.f * Math.PI + w.ph), 0) +
      range(rng, -amplitude, amplitude) * 0.06
    points.push([x, y])
  }
  let d = `M${n(points[0]?.[0] ?? 0)},${n(points[0]?.[1] ?? base)}`
  for (let i = 1; i < points.length - 1; i += 1) {
    const [x, y] = points[i] ?? [0, 0]
    const [nx, ny] = points[i + 1] ?? [x, y]
    d += ` Q${n(x)},${n(y)} ${n((x + nx) / 2)},${n((y + ny) / 2)}`
  }
  return `${d} L${n(width + step)},${height} L${n(-step)},${height} Z`
}

/** A row of city blocks with a few lit windows. */
export function skyline(
  rng: Rng,
  width: number,
  groundY: number,
  maxHeight: number,
  fill: string,
  light: string,
): string {
  let shapes = ''
  let x = -10
  while (x < width) {
    const w = range(rng, 40, 130)
    const h = range(rng, maxHeight * 0.25, maxHeight)
    shapes += `<rect x="${n(x)}" y="${n(groundY - h)}" width="${n(w + 1)}" height="${n(h + 2)}" fill="${fill}"/>`
    for (let i = 0; i < 5; i += 1) {
      if (rng() < 0.55) continue
      const wy = groundY - range(rng, 12, h - 10)
      shapes += `<rect x="${n(x + range(rng, 6, w - 14))}" y="${n(wy)}" width="6" height="9" fill="${light}" opacity="${n(range(rng, 0.4, 0.9))}"/>`
    }
    x += w + range(rng, 0, 14)
  }
  return shapes
}

/** A small standing human figure, feet at (x, groundY). */
export function figure(x: number, groundY: number, h: number, fill: string): string {
  const head = h * 0.13
  const top = groundY - h
  const body = `M${n(x - h * 0.11)},${n(groundY)} L${n(x - h * 0.13)},${n(top + h * 0.52)} Q${n(x - h * 0.15)},${n(top + h * 0.27)} ${n(x)},${n(top + h * 0.26)} Q${n(x + h * 0.15)},${n(top + h * 0.27)} ${n(x + h * 0.13)},${n(top + h * 0.52)} L${n(x + h * 0.11)},${n(groundY)} Z`
  return `<circle cx="${n(x)}" cy="${n(top + head)}" r="${n(head)}" fill="${fill}"/><path d="${body}" fill="${fill}"/>`
}

/** An SVG document of the given size around its defs and shapes. */
export function svgDoc(width: number, height: number, defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs}</defs>${body}</svg>`
}

/** Edge darkening from four eased linear gradients: far cheaper to rasterise than one radial gradient. */
export function vignette(width: number, height: number, strength: number): { def: string; rect: string } {
  const eased = (k: number) =>
    [0, 0.2, 0.45, 0.7, 1]
      .map(o => `<stop offset="${o}" stop-color="#000" stop-opacity="${(k * Math.pow(1 - o, 2.2)).toFixed(3)}"/>`)
      .join('')
  const def =
    `<linearGradient id="vt" x1="0" y1="0" x2="0" y2="1">${eased(strength)}</linearGradient>` +
    `<linearGradient id="vb" x1="0" y1="1" x2="0" y2="0">${eased(strength)}</linearGradient>` +
    `<linearGradient id="vl" x1="0" y1="0" x2="1" y2="0">${eased(strength * 0.7)}</linearGradient>` +
    `<linearGradient id="vr" x1="1" y1="0" x2="0" y2="0">${eased(strength * 0.7)}</linearGradient>`
  const bandY = height * 0.4
  const bandX = width * 0.35
  const rect =
    `<rect width="${width}" height="${n(bandY)}" fill="url(#vt)"/>` +
    `<rect y="${n(height - bandY)}" width="${width}" height="${n(bandY)}" fill="url(#vb)"/>` +
    `<rect width="${n(bandX)}" height="${height}" fill="url(#vl)"/>` +
    `<rect x="${n(width - bandX)}" width="${n(bandX)}" height="${height}" fill="url(#vr)"/>`
  return { def, rect }
}

const grainCache = new Map<number, Buffer>()

/** A 256×256 RGBA tile of faint monochrome noise, the same for the same seed. */
export function grainTile(seed: number): Buffer {
  const cached = grainCache.get(seed)
  if (cached) return cached
  const rng = mulberry32(seed ^ 0x9e3779b9)
  const tile = Buffer.alloc(256 * 256 * 4)
  for (let i = 0; i < tile.length; i += 4) {
    const v = rng() < 0.5 ? 0 : 255
    tile[i] = v
    tile[i + 1] = v
    tile[i + 2] = v
    tile[i + 3] = Math.floor(rng() * 16)
  }
  grainCache.set(seed, tile)
  return tile
}
