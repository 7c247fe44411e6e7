// The film page's structured data for search engines: Movie, VideoObject (with a ready film's
// chapters and seeking) and breadcrumb JSON-LD. Apart from routes.tsx because it is a presentation
// of the film of its own, built from what the page has already loaded.
import { breadcrumbLd, movieLd, videoObjectLd } from '../platform/seo/json-ld.js'
import type { PlayableVideo } from '../embeds/index.js'
import type { Documentary } from './store.js'

type ReadyFilm = Extract<PlayableVideo, { status: 'ready' }>

/** What the film page's JSON-LD is made from: the film and what its page shows beside it. */
export interface DocumentaryLdInput {
  film: Documentary
  /** The page's absolute address. */
  url: string
  description: string
  image: { url: string } | undefined
  /** The film's topics and credited funders, in the film's order. */
  topics: readonly { name: string }[]
  funders: readonly { name: string; url: string }[]
  /** The film's video when it is ready to play. */
  ready: ReadyFilm | undefined
  siteName: string
  publicUrl: string
}

/** The film page's JSON-LD: Movie, VideoObject and breadcrumbs, in that order. */
export function documentaryLd(input: DocumentaryLdInput): object[] {
  const { film, url, description, image, ready, publicUrl } = input
  const credited = (role: RegExp) => film.credits.filter(c => role.test(c.role)).map(c => c.name)
  const absolute = (u: string) => (/^https?:/i.test(u) ? u : `${publicUrl}${u}`)
  return [
    movieLd({
      url,
      name: film.title,
      description,
      image: image?.url,
      dateCreated: film.releaseDate,
      datePublished: film.publishedAt,
      durationSeconds: film.runtimeSeconds,
      directors: credited(/director(?! of photography)/i),
      producers: credited(/producer/i),
      genre: ['Documentary', ...input.topics.map(t => t.name)],
      funders: input.funders.map(f => ({ name: f.name, url: f.url || undefined })),
    }),
    filmLd(
      videoObjectLd({
        url,
        name: film.title,
        description,
        thumbnailUrl: ready ? absolute(ready.posterUrl) : image?.url,
        uploadDate: film.publishedAt ?? film.releaseDate,
        durationSeconds: ready?.durationSeconds ? Math.round(ready.durationSeconds) : film.runtimeSeconds,
        contentUrl: ready ? absolute(ready.mp4Url) : undefined,
        embedUrl: ready ? `${publicUrl}/embed/documentaries/${film.slug}` : undefined,
      }),
      url,
      ready,
    ),
    breadcrumbLd([
      { name: input.siteName, url: `${publicUrl}/` },
      { name: 'Documentaries', url: `${publicUrl}/documentaries` },
      { name: film.title, url },
    ]),
  ]
}

/** Adds a ready film's chapters (schema.org Clip key moments) and seeking by `?t=` to its VideoObject. */
function filmLd(video: object, pageUrl: string, ready: ReadyFilm | undefined): object {
  if (!ready) return video
  const chapters = [...ready.chapters].sort((a, b) => a.startSeconds - b.startSeconds)
  return {
    ...video,
    ...(chapters.length
      ? {
          hasPart: chapters.map((c, i) => ({
            '@type': 'Clip',
            name: c.title,
            startOffset: Math.floor(c.startSeconds),
            endOffset: Math.floor(chapters[i + 1]?.startSeconds ?? ready.durationSeconds),
            url: `${pageUrl}?t=${Math.floor(c.startSeconds)}`,
          })),
        }
      : {}),
    potentialAction: {
      '@type': 'SeekToAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${pageUrl}?t={seek_to_second_number}` },
      'startOffset-input': 'required name=seek_to_second_number',
    },
  }
}
