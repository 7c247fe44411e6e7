// A campaign's intro (a body document) as mail HTML and as plain text. Prose keeps its marks;
// images, documentary cards and excerpts become pictures and cards that link to the site,
// since a mail can play no video.
import type { ComponentChildren, JSX } from 'preact'
import type { BlockNode, BodyDocument, InlineNode, ListChildNode } from '../../body/index.js'
import { bodyToPlainText } from '../../body/index.js'
import type { Documentary } from '../../documentaries/index.js'
import { documentaryUrl } from '../../documentaries/index.js'
import type { Excerpt } from '../../excerpts/index.js'
import type { Image } from '../../media/index.js'
import { formatRuntime } from '../../platform/format.js'
import {
  ACCENT,
  CardBox,
  FONT,
  INK,
  MUTED,
  MailPicture,
  SANS,
  absolute,
  cardImage,
  type CardProps,
} from './mail-parts.js'

/** What the intro's images, excerpts and documentary cards show, already loaded; a missing id shows nothing. */
export interface IntroEmbeds {
  images: ReadonlyMap<number, Image>
  excerpts: ReadonlyMap<number, Excerpt>
  /** Published films of the intro's cards and excerpts, keyed by id. */
  documentaries: ReadonlyMap<number, Documentary>
  /** Their posters. */
  posters: ReadonlyMap<number, Image>
}

export const NO_EMBEDS: IntroEmbeds = {
  images: new Map(),
  excerpts: new Map(),
  documentaries: new Map(),
  posters: new Map(),
}

interface Ctx {
  publicUrl: string
  embeds: IntroEmbeds
}

const P: JSX.CSSProperties = { margin: '0 0 16px' }

/** The intro's blocks as mail HTML. */
export function MailIntro({
  intro,
  publicUrl,
  embeds,
}: {
  intro: BodyDocument
  publicUrl: string
  embeds: IntroEmbeds
}) {
  return <Blocks blocks={intro.content} ctx={{ publicUrl, embeds }} />
}

function Blocks({ blocks, ctx }: { blocks: readonly (BlockNode | ListChildNode)[]; ctx: Ctx }) {
  return (
    <>
      {blocks.map(block => (
        <Block block={block} ctx={ctx} />
      ))}
    </>
  )
}

function Block({ block, ctx }: { block: BlockNode | ListChildNode; ctx: Ctx }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p style={P}>
          <Inline nodes={block.content ?? []} ctx={ctx} />
        </p>
      )
    case 'heading':
      return (
        <h2 style={{ fontFamily: FONT, fontSize: block.attrs.level === 2 ? '21px' : '18px', margin: '24px 0 8px' }}>
          <Inline nodes={block.content ?? []} ctx={ctx} />
        </h2>
      )
    case 'bulletList':
    case 'orderedList': {
      const items = block.content.map(item => (
        <li style={{ margin: '0 0 6px' }}>
          <Blocks blocks={item.content} ctx={ctx} />
        </li>
      ))
      return block.type === 'bulletList' ? (
        <ul style={{ margin: '0 0 16px', paddingLeft: '24px' }}>{items}</ul>
      ) : (
        <ol start={block.attrs?.start} style={{ margin: '0 0 16px', paddingLeft: '24px' }}>
          {items}
        </ol>
      )
    }
    case 'blockquote':
      return (
        <blockquote
          style={{ margin: '0 0 16px', padding: '0 0 0 16px', borderLeft: '3px solid #cccccc', color: MUTED }}
        >
          <Blocks blocks={block.content} ctx={ctx} />
        </blockquote>
      )
    case 'pullQuote':
      return (
        <p
          style={{
            margin: '24px 0',
            fontFamily: FONT,
            fontSize: '22px',
            lineHeight: '1.4',
            fontStyle: 'italic',
            color: INK,
          }}
        >
          “<Inline nodes={block.content} ctx={ctx} />”
          {block.attrs.attribution ? (
            <span
              style={{
                display: 'block',
                fontFamily: SANS,
                fontSize: '13px',
                fontStyle: 'normal',
                color: MUTED,
                paddingTop: '6px',
              }}
            >
              — {block.attrs.attribution}
            </span>
          ) : null}
        </p>
      )
    case 'horizontalRule':
      return <hr style={{ border: 0, borderTop: '1px solid #dddddd', margin: '24px 0' }} />
    case 'image': {
      const image = ctx.embeds.images.get(block.attrs.imageId)
      if (!image) return null
      const caption = [block.attrs.caption ?? image.caption, block.attrs.credit ?? image.credit]
        .filter(Boolean)
        .join(' ')
      return (
        <div style={{ margin: '0 0 16px' }}>
          <MailPicture {...cardImage(ctx.publicUrl, image)} alt={block.attrs.alt ?? image.alt} />
          {caption ? (
            <p style={{ margin: '6px 0 0', fontFamily: SANS, fontSize: '12px', lineHeight: '1.4', color: MUTED }}>
              {caption}
            </p>
          ) : null}
        </div>
      )
    }
    case 'documentaryCard':
    case 'excerpt': {
      const card = embedCard(block, ctx)
      return card ? <CardBox {...card} /> : null
    }
    // A mail cannot play a span of an interview; the intro leaves it out, as it does an unpublished film.
    case 'interviewExcerpt':
      return null
  }
}

/** The card of a documentary card or excerpt in the intro, or undefined when its film is not published. */
function embedCard(block: BlockNode, ctx: Ctx): CardProps | undefined {
  const { embeds, publicUrl } = ctx
  if (block.type === 'documentaryCard') {
    const film = embeds.documentaries.get(block.attrs.documentaryId)
    if (!film) return undefined
    const poster = film.posterId ? embeds.posters.get(film.posterId) : undefined
    return {
      href: absolute(publicUrl, documentaryUrl(film.slug)),
      title: film.title,
      text: film.dek || undefined,
      action: 'Watch the documentary',
      meta: `Documentary${film.runtimeSeconds ? ` · ${formatRuntime(film.runtimeSeconds)}` : ''}`,
      image: poster ? cardImage(publicUrl, poster) : undefined,
    }
  }
  if (block.type === 'excerpt') {
    const excerpt = embeds.excerpts.get(block.attrs.excerptId)
    const film = excerpt ? embeds.documentaries.get(excerpt.documentaryId) : undefined
    if (!excerpt || !film) return undefined
    const poster = film.posterId ? embeds.posters.get(film.posterId) : undefined
    return {
      href: absolute(publicUrl, `${documentaryUrl(film.slug)}?t=${Math.floor(excerpt.startSeconds)}#watch`),
      title: excerpt.title,
      text: excerpt.caption || undefined,
      action: 'Watch this scene',
      meta: `From “${film.title}”`,
      image: poster ? cardImage(publicUrl, poster) : undefined,
    }
  }
  return undefined
}

function Inline({ nodes, ctx }: { nodes: readonly InlineNode[]; ctx: Ctx }) {
  return (
    <>
      {nodes.map(node => {
        if (node.type === 'hardBreak') return <br />
        let out: ComponentChildren = node.text
        for (const mark of node.marks ?? []) {
          if (mark.type === 'bold') out = <strong>{out}</strong>
          else if (mark.type === 'italic') out = <em>{out}</em>
          else if (mark.type === 'link')
            out = (
              <a href={linkHref(ctx.publicUrl, mark.attrs.href)} style={{ color: ACCENT }}>
                {out}
              </a>
            )
        }
        return out
      })}
    </>
  )
}

/** A link from the intro, absolute; a #fragment means nothing in a mail, so it leads to the site. */
function linkHref(publicUrl: string, href: string): string {
  return href.startsWith('#') ? publicUrl : absolute(publicUrl, href)
}

/** The intro as plain text: its prose, and each picture's or card's words and address. */
export function introPlainText(intro: BodyDocument, publicUrl: string, embeds: IntroEmbeds): string {
  const parts: string[] = []
  for (const block of intro.content) {
    if (block.type === 'documentaryCard' || block.type === 'excerpt') {
      const card = embedCard(block, { publicUrl, embeds })
      if (card) parts.push([card.title, card.meta, card.text, card.href].filter(Boolean).join('\n'))
    } else if (block.type === 'image') {
      const image = embeds.images.get(block.attrs.imageId)
      const words = block.attrs.caption ?? image?.caption ?? ''
      if (image && words) parts.push(`[${words}]`)
    } else {
      const text = bodyToPlainText({ type: 'doc', content: [block] }).trim()
      if (text) parts.push(text)
    }
  }
  return parts.join('\n\n')
}
