// Excerpts and films for players elsewhere: the excerpt API the island calls, the embed
// pages other sites frame, and the oEmbed endpoint that hands out their <iframe>.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { ComponentChildren } from 'preact'
import { NotFound } from '../platform/errors.js'
import { SECURITY_HEADERS } from '../platform/http/security-headers.js'
import { renderBody } from '../body/index.js'
import type { PublicDeps } from '../site/index.js'
import { documentaryUrl } from '../documentaries/index.js'
import {
  findPlayableExcerpt,
  findPlayableFilm,
  presentExcerptMedia,
  absolute,
  type PlayableExcerpt,
} from './present.js'
import { escapeAttribute, resolveEmbed, type EmbedTarget } from './oembed.js'
import { findInterviewMoment, InterviewEmbed } from './oembed-interviews.js'
import { renderEmbedPage } from './views/embed-page.js'
import { VideoPlayer } from './views/video-player.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { readSpan } from '../interviews/index.js'

const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200 }) })
const OembedQuery = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  format: Type.Optional(Type.String({ maxLength: 10 })),
  maxwidth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  maxheight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
})
const SpanQuery = Type.Object({ t: Type.Optional(Type.String({ maxLength: 40 })) })
const IdsQuery = Type.Object({ ids: Type.String({ pattern: '^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,49}$' }) })
const Captions = Type.Array(Type.Object({ lang: Type.String(), label: Type.String(), url: Type.String() }))
const ExcerptMedia = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  hlsUrl: Type.String(),
  mp4Url: Type.String(),
  posterUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  start: Type.Number(),
  end: Type.Number(),
  captions: Captions,
  documentaryUrl: Type.String(),
})

// Embed pages are framed by any site; everything else in the policy stays as strict.
const EMBED_CSP = (SECURITY_HEADERS['content-security-policy'] ?? '').replace(
  /frame-ancestors [^;]+/,
  'frame-ancestors *',
)
const SHORT_PUBLIC_CACHE = 'public, max-age=300'

/** Registers /api/excerpts, /api/excerpts/:id, /embed/excerpts/:id, /embed/documentaries/:slug, /embed/interviews/:slug and /oembed. */
export function registerEmbedRoutes(app: FastifyInstance, deps: PublicDeps): void {
  registerExcerptApi(app, deps)
  registerEmbedPages(app, deps)
  registerOembed(app, deps)
}

/** The excerpt API the player island calls: /api/excerpts and /api/excerpts/:id. */
function registerExcerptApi(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  // Every excerpt on a page in one request; films not ready are simply left out, so a page
  // of excerpts whose films are still processing makes no failed requests.
  r.get(
    '/api/excerpts',
    { schema: { querystring: IdsQuery, response: { 200: Type.Object({ excerpts: Type.Array(ExcerptMedia) }) } } },
    async (request, reply) => {
      const ids = [...new Set(request.query.ids.split(',').map(Number))]
      const found = await Promise.all(ids.map(id => findPlayableExcerpt(deps.db, id)))
      reply.header('cache-control', SHORT_PUBLIC_CACHE)
      return { excerpts: found.flatMap(f => (f ? [presentExcerptMedia(f)] : [])) }
    },
  )

  r.get(
    '/api/excerpts/:id',
    { schema: { params: IdParams, response: { 200: ExcerptMedia } } },
    async (request, reply) => {
      const found = await findPlayableExcerpt(deps.db, request.params.id)
      if (!found) throw new NotFound('playable excerpt', request.params.id)
      reply.header('cache-control', SHORT_PUBLIC_CACHE)
      return presentExcerptMedia(found)
    },
  )
}

/** The embed pages other sites frame: /embed/excerpts/:id, /embed/documentaries/:slug and /embed/interviews/:slug. */
function registerEmbedPages(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/embed/excerpts/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const found = await findPlayableExcerpt(deps.db, request.params.id)
    if (!found) throw new NotFound('playable excerpt', request.params.id)
    const body = renderExcerptBody(found, deps.publicUrl)
    return sendEmbed(
      reply,
      await embedPage(deps, request.url, found.excerpt.title, <div dangerouslySetInnerHTML={{ __html: body }} />),
    )
  })

  r.get('/embed/documentaries/:slug', { schema: { params: SlugParams } }, async (request, reply) => {
    const found = await findPlayableFilm(deps.db, request.params.slug)
    if (!found) throw new NotFound('playable documentary', request.params.slug)
    return sendEmbed(
      reply,
      await embedPage(
        deps,
        request.url,
        found.film.title,
        <VideoPlayer video={found.video} title={found.film.title} />,
      ),
    )
  })

  // A moment of an interview (?t=a-b, as oEmbed hands out), or the whole recording without t.
  r.get(
    '/embed/interviews/:slug',
    { schema: { params: SlugParams, querystring: SpanQuery } },
    async (request, reply) => {
      const { t } = request.query
      const moment = await findInterviewMoment(
        deps.db,
        request.params.slug,
        t === undefined ? { whole: true } : readSpan(t),
      )
      if (!moment) throw new NotFound('playable interview', request.params.slug)
      return sendEmbed(
        reply,
        await embedPage(deps, request.url, moment.interview.title, <InterviewEmbed moment={moment} />),
      )
    },
  )
}

/** /oembed: the <iframe> for one of our addresses, as oEmbed consumers ask for it. */
function registerOembed(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/oembed', { schema: { querystring: OembedQuery } }, async (request, reply) => {
    const { url, format = 'json', maxwidth, maxheight } = request.query
    if (format !== 'json')
      return reply.code(501).type('text/plain; charset=utf-8').send('Only format=json is supported.')
    const target = await resolveEmbed(deps.db, deps.publicUrl, url)
    if (!target) throw new NotFound('embeddable video at', url)
    const { settings } = await deps.chrome()
    reply.header('cache-control', SHORT_PUBLIC_CACHE)
    return oembedFor(target, { publicUrl: deps.publicUrl, siteName: settings.name, maxwidth, maxheight })
  })
}

/** An excerpt alone as a body renders it: the same figure a story shows, linking back to its documentary. */
function renderExcerptBody({ excerpt, film, video }: PlayableExcerpt, publicUrl: string): string {
  return renderBody(
    { type: 'doc', content: [{ type: 'excerpt', attrs: { excerptId: excerpt.id } }] },
    {
      images: new Map(),
      documentaries: new Map(),
      excerpts: new Map([
        [
          excerpt.id,
          {
            id: excerpt.id,
            title: excerpt.title,
            caption: excerpt.caption,
            startSeconds: excerpt.startSeconds,
            endSeconds: excerpt.endSeconds,
            documentaryTitle: film.title,
            documentaryUrl: absolute(publicUrl, documentaryUrl(film.slug)),
            poster: {
              src: video.posterUrl,
              width: video.width,
              height: video.height,
              alt: '',
              caption: '',
              credit: '',
            },
          },
        ],
      ]),
    },
  )
}

/** The framed document around an embed's content, pointing at its canonical address and its oEmbed. */
async function embedPage(deps: PublicDeps, path: string, title: string, content: ComponentChildren): Promise<string> {
  const { settings, stylesheetHref } = await deps.chrome()
  const canonical = `${deps.publicUrl}${path.split('?')[0] ?? ''}`
  return renderEmbedPage({
    lang: settings.language,
    title,
    siteName: settings.name,
    canonical,
    stylesheetHref,
    player: deps.player,
    oembedHref: `/oembed?url=${encodeURIComponent(canonical)}&format=json`,
    children: content,
  })
}

/** Sends an embed page with the framing rules loosened for this response only. */
function sendEmbed(reply: FastifyReply, html: string): FastifyReply {
  reply.removeHeader('x-frame-options')
  return reply
    .header('content-security-policy', EMBED_CSP)
    .header('cache-control', SHORT_PUBLIC_CACHE)
    .type('text/html; charset=utf-8')
    .send(html)
}

/** The oEmbed 1.0 `video` answer for a target, scaled to fit maxwidth/maxheight. */
function oembedFor(
  target: EmbedTarget,
  o: { publicUrl: string; siteName: string; maxwidth?: number | undefined; maxheight?: number | undefined },
) {
  const scale = Math.min(1, (o.maxwidth ?? Infinity) / target.width, (o.maxheight ?? Infinity) / target.height)
  const width = Math.max(1, Math.round(target.width * scale))
  const height = Math.max(1, Math.round(target.height * scale))
  const src = `${o.publicUrl}${target.embedPath}`
  return {
    version: '1.0',
    type: 'video',
    title: target.title,
    provider_name: o.siteName,
    provider_url: `${o.publicUrl}/`,
    width,
    height,
    html:
      `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" title="${escapeAttribute(target.title)}" ` +
      'allow="fullscreen; picture-in-picture" allowfullscreen loading="lazy" frameborder="0"></iframe>',
    thumbnail_url: absolute(o.publicUrl, target.posterUrl),
    thumbnail_width: target.width,
    thumbnail_height: target.height,
  }
}
