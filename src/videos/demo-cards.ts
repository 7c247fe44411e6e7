// The pictures a demo film's ffmpeg run reads, made with sharp (its landscapes come drawn at the
// pan's size, STILL_W×STILL_H, from the demo artwork): the title and end cards (a darkened landscape
// with the film's title set in a serif), the lower thirds (a transparent band naming a speaker) and,
// for a film queued without pictures, plain drawn skies. Text is drawn as SVG by sharp, so ffmpeg
// needs no font of its own.
import { loadSharp } from '../media/index.js'
import type { Speaker } from './demo-film.js'

/** Size of a prepared landscape: a quarter larger than the film, the room a pan moves in. */
export const STILL_W = 800
export const STILL_H = 450
/** The film's size. */
export const FILM_W = 640
export const FILM_H = 360

const SERIF = "'Source Serif 4', 'Liberation Serif', 'DejaVu Serif', serif"
const SANS = "'Inter', 'Liberation Sans', 'DejaVu Sans', sans-serif"

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** A title or end card: the landscape darkened and softened, with lines of text in the middle. */
export async function renderCard(
  still: Buffer,
  lines: { text: string; size: number; font: 'serif' | 'sans'; spacing?: number; opacity?: number }[],
): Promise<Buffer> {
  const sharp = await loadSharp()
  const total = lines.reduce((sum, l) => sum + l.size * 1.5, 0)
  let y = STILL_H / 2 - total / 2
  let text = ''
  for (const line of lines) {
    y += line.size * 1.2
    text += `<text x="${STILL_W / 2}" y="${y.toFixed(1)}" text-anchor="middle" font-family="${line.font === 'serif' ? SERIF : SANS}" font-size="${line.size}" letter-spacing="${line.spacing ?? 0}" fill="#f4efe6" fill-opacity="${line.opacity ?? 1}">${escapeXml(line.text)}</text>`
    y += line.size * 0.3
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${STILL_W}" height="${STILL_H}"><rect width="100%" height="100%" fill="#0b0d10" fill-opacity="0.35"/>${text}</svg>`
  const base = await sharp(still).blur(3).modulate({ brightness: 0.45, saturation: 0.7 }).toBuffer()
  return sharp(base)
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer()
}

/** Where a lower third sits in the film (its top left corner). */
export const LOWER_THIRD_X = 36
export const LOWER_THIRD_Y = FILM_H - 96

/** A lower third: a dark band naming a speaker, only as large as the band (overlaid at LOWER_THIRD_X, _Y). */
export async function renderLowerThird(speaker: Speaker): Promise<Buffer> {
  const sharp = await loadSharp()
  // Rough widths of the two lines (the fonts are proportional), for the band behind them; even, for 4:2:0.
  const width =
    2 * Math.round(Math.min(FILM_W - 80, Math.max(speaker.name.length * 13, speaker.role.length * 8.2) + 44) / 2)
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="58">` +
    `<rect width="${width}" height="58" fill="#0b0d10" fill-opacity="0.62"/>` +
    `<rect width="4" height="58" fill="#e0b04a"/>` +
    `<text x="18" y="25" font-family="${SANS}" font-weight="700" font-size="20" fill="#ffffff">${escapeXml(speaker.name)}</text>` +
    `<text x="18" y="46" font-family="${SANS}" font-size="14" fill="#d8d2c6">${escapeXml(speaker.role)}</text>` +
    '</svg>'
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** A drawn sky over two hills, for a film whose newsroom pictures are not in storage yet. */
export async function renderSky(seed: number): Promise<Buffer> {
  const sharp = await loadSharp()
  const skies = [
    ['#1d2b44', '#e8a86b', '#2e3a3a', '#1a2222'],
    ['#30405a', '#d9c3a0', '#4a5440', '#262c22'],
    ['#14202e', '#c77c5a', '#2a2f3d', '#15171e'],
    ['#3d5a73', '#f0d9b0', '#56614a', '#2b3126'],
  ] as const
  const [top, low, far, near] = skies[seed % skies.length] ?? skies[0]
  const sun = 160 + ((seed * 137) % 480)
  const ridge = (base: number, amp: number, phase: number) => {
    let d = `M0 ${STILL_H}`
    for (let x = 0; x <= STILL_W; x += 40)
      d += ` L${x} ${(base + amp * Math.sin(x / 90 + phase) + (amp / 3) * Math.sin(x / 23 + phase * 2)).toFixed(1)}`
    return `${d} L${STILL_W} ${STILL_H} Z`
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${STILL_W}" height="${STILL_H}">` +
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="0.7" stop-color="${low}"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#s)"/><circle cx="${sun}" cy="250" r="38" fill="#fbe3b4" opacity="0.9"/>` +
    `<path d="${ridge(290, 26, seed)}" fill="${far}"/><path d="${ridge(350, 18, seed + 2)}" fill="${near}"/></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
