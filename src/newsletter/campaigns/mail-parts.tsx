// The pieces a campaign's mail is built from: colours and type, absolute links, JPEG images for
// mail apps, and the card every story, film and excerpt is shown as. Tables and inline styles
// only: mail apps ignore most CSS and all scripts.
import type { ComponentChildren, JSX } from 'preact'
import type { Image } from '../../media/index.js'
import { imageUrl } from '../../media/index.js'

export const FONT = 'Georgia, "Times New Roman", serif'
export const SANS = 'Helvetica, Arial, sans-serif'
export const INK = '#1a1a1a'
export const MUTED = '#5c5c5c'
export const ACCENT = '#b3261e'
/** The width of the content column inside the 600 px message. */
export const CONTENT_WIDTH = 536

/** A site path made absolute; full addresses stay as they are. */
export function absolute(publicUrl: string, path: string): string {
  return /^(https?:|mailto:)/.test(path) ? path : `${publicUrl}${path}`
}

/** The largest JPEG variant up to twice `width`, for mail apps that show neither AVIF nor WebP. */
export function mailImage(publicUrl: string, image: Image, width = CONTENT_WIDTH): string {
  const jpegs = image.variants.filter(v => v.format === 'jpeg').sort((a, b) => a.width - b.width)
  const fit = jpegs.filter(v => v.width <= width * 2).pop() ?? jpegs[0]
  return absolute(publicUrl, imageUrl(fit ?? image))
}

/** Portrait pictures (film posters) are shown at this width, so one does not fill a phone's screen. */
export const PORTRAIT_WIDTH = 240

/** A picture as wide as the column (or PORTRAIT_WIDTH when taller than wide), linked when `href` is given. */
export function MailPicture({
  src,
  alt,
  href,
  portrait,
}: {
  src: string
  alt: string
  href?: string | undefined
  portrait?: boolean | undefined
}) {
  const width = portrait ? PORTRAIT_WIDTH : CONTENT_WIDTH
  const style: JSX.CSSProperties = {
    display: 'block',
    width: '100%',
    maxWidth: `${width}px`,
    height: 'auto',
    border: 0,
  }
  const img = <img src={src} alt={alt} width={String(width)} style={style} />
  return href ? <a href={href}>{img}</a> : img
}

/** A card's picture: its address, words and whether it stands upright. */
export function cardImage(publicUrl: string, image: Image): NonNullable<CardProps['image']> {
  const portrait = image.height > image.width
  return { src: mailImage(publicUrl, image, portrait ? PORTRAIT_WIDTH : CONTENT_WIDTH), alt: image.alt, portrait }
}

/** What one card shows: a story, a documentary, or an excerpt of one. */
export interface CardProps {
  href: string
  title: string
  image?: { src: string; alt: string; portrait?: boolean | undefined } | undefined
  /** A small line above the text: "Documentary · 1h 12m", "By …". */
  meta?: string | undefined
  text?: string | undefined
  /** A call to action under the text ("Watch the documentary"). */
  action?: string | undefined
}

/** A card's content, for a table cell. */
export function CardBody(card: CardProps) {
  return (
    <>
      {card.image ? <MailPicture {...card.image} href={card.href} /> : null}
      <a
        href={card.href}
        style={{
          display: 'block',
          paddingTop: card.image ? '8px' : 0,
          fontFamily: FONT,
          fontSize: '20px',
          lineHeight: '1.3',
          fontWeight: 'bold',
          color: INK,
          textDecoration: 'none',
        }}
      >
        {card.title}
      </a>
      {card.text ? (
        <p style={{ margin: '4px 0 0', fontFamily: FONT, fontSize: '16px', lineHeight: '1.5', color: MUTED }}>
          {card.text}
        </p>
      ) : null}
      {card.meta ? (
        <p style={{ margin: '4px 0 0', fontFamily: SANS, fontSize: '12px', color: MUTED }}>{card.meta}</p>
      ) : null}
      {card.action ? (
        <p style={{ margin: '8px 0 0' }}>
          <a href={card.href} style={{ fontFamily: SANS, fontSize: '14px', fontWeight: 'bold', color: ACCENT }}>
            {card.action}
          </a>
        </p>
      ) : null}
    </>
  )
}

/** A card as a row of a section's table. */
export function CardRow(card: CardProps) {
  return (
    <tr>
      <td style={{ padding: '12px 0', borderTop: '1px solid #eeeeee' }}>
        <CardBody {...card} />
      </td>
    </tr>
  )
}

/** A card standing on its own (inside the intro), boxed so it reads as apart from the text. */
export function CardBox(card: CardProps) {
  return (
    <table role="presentation" width="100%" cellPadding="0" cellSpacing="0" style={{ margin: '8px 0 24px' }}>
      <tr>
        <td style={{ padding: '12px 0', borderTop: `2px solid ${INK}`, borderBottom: '1px solid #dddddd' }}>
          <CardBody {...card} />
        </td>
      </tr>
    </table>
  )
}

/** A titled group of cards ("Watch", "Read"). */
export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <tr>
      <td class="nl-pad" style={{ padding: '16px 32px 8px' }}>
        <h2
          style={{
            fontFamily: SANS,
            fontSize: '13px',
            letterSpacing: '0.08em',
            textTransform: 'uppercase',
            color: ACCENT,
            margin: '0 0 8px',
          }}
        >
          {title}
        </h2>
        <table role="presentation" width="100%" cellPadding="0" cellSpacing="0">
          {children}
        </table>
      </td>
    </tr>
  )
}
