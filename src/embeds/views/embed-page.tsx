// The page other sites frame: just a player, the site's stylesheet and the player island.
import { renderToString } from 'preact-render-to-string'
import type { ComponentChildren } from 'preact'

export interface EmbedPageProps {
  lang: string
  title: string
  siteName: string
  canonical: string
  oembedHref: string
  stylesheetHref: string
  player?: { script: string; hls: string } | undefined
  children: ComponentChildren
}

/** A minimal document around one player; its links open outside the frame. */
export function EmbedPage(props: EmbedPageProps) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | ${props.siteName}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={props.canonical} />
        <link rel="alternate" type="application/json+oembed" href={props.oembedHref} title={props.title} />
        <link rel="stylesheet" href={props.stylesheetHref} />
        {props.player ? <script type="module" src={props.player.script} data-hls={props.player.hls} /> : null}
        <base target="_blank" />
      </head>
      <body class="embed">
        <main>{props.children}</main>
      </body>
    </html>
  )
}

/** The embed page as an HTML string. */
export function renderEmbedPage(props: EmbedPageProps): string {
  return `<!doctype html>${renderToString(<EmbedPage {...props} />)}`
}
