// The newsroom's image library as JSON: what the image picker (the story's hero image, image
// blocks in every body editor) lists, searches and pages through. Content pictures only: the
// images other parts use as portraits, logos or show artwork are left out, by reference.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Db } from '../db/index.js'
import { LimitInteger, PageInteger } from '../platform/http/integer-inputs.js'
import { listLibraryImages, type Image, type LibraryImage } from './store.js'
import { imageUrl } from './urls.js'

/** Where the library is served; the editor pages point their `data-images-url` here. */
export const LIBRARY_URL = '/newsroom/api/images'
/** The most images one page may hold: enough for the body editor's catalog of embeds in one request. */
export const LIBRARY_MAX_PAGE_SIZE = 500
/** Pages past this are refused: nobody pages that far, and a search finds an old picture. */
export const LIBRARY_MAX_PAGE = 1000

/** What the library route needs: the database, and the ids of images that are not content. */
export interface LibraryDeps {
  db: Db
  /**
   * Images referenced as people's portraits, funders' logos or podcast artwork. Nothing in an
   * image's row says what it is for, so the parts that use them say it (app.ts hands this in).
   */
  reservedImageIds: () => Promise<number[]>
}

const Query = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: PageInteger(LIBRARY_MAX_PAGE, { default: 1 }),
    // Without one, a page holds the most there may be: the catalog that draws embeds asks once.
    perPage: LimitInteger(LIBRARY_MAX_PAGE_SIZE, { default: LIBRARY_MAX_PAGE_SIZE }),
  },
  { additionalProperties: false },
)

/** `GET /newsroom/api/images?q=&page=&perPage=` for contributors and up. */
export function registerLibraryRoutes(app: FastifyInstance, deps: LibraryDeps): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    LIBRARY_URL,
    {
      config: { auth: 'contributor' },
      schema: { querystring: Query },
    },
    async (request, reply) => {
      const { q, page, perPage } = request.query
      const result = await listLibraryImages(deps.db, {
        q,
        page,
        pageSize: perPage,
        exclude: await deps.reservedImageIds(),
      })
      pagingHeaders(reply, { q, perPage, page, total: result.total, pageCount: result.pageCount })
      return result.items.map(presentImage)
    },
  )
}

/**
 * The body stays a plain list of images (what the editor's catalog has always read); how many
 * there are and where the neighbouring pages are travel in headers, as GitHub's API does.
 */
function pagingHeaders(
  reply: FastifyReply,
  at: { q?: string | undefined; perPage: number; page: number; total: number; pageCount: number },
): void {
  const link = (page: number) => {
    const params = new URLSearchParams({
      ...(at.q ? { q: at.q } : {}),
      page: String(page),
      perPage: String(at.perPage),
    })
    return `<${LIBRARY_URL}?${params.toString()}>`
  }
  const links = [
    ...(at.page > 1 ? [`${link(at.page - 1)}; rel="prev"`] : []),
    ...(at.page < at.pageCount ? [`${link(at.page + 1)}; rel="next"`] : []),
  ]
  reply
    .header('x-total-count', String(at.total))
    .header('x-page-count', String(at.pageCount))
    .header('cache-control', 'private, no-store')
  if (links.length > 0) reply.header('link', links.join(', '))
}

/** One image as the picker shows it; the fields are listed, never spread from the row. */
function presentImage(image: LibraryImage) {
  return {
    id: image.id,
    src: imageUrl(image),
    thumb: imageUrl(thumbnailOf(image)),
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    filename: image.filename,
  }
}

/** The narrowest JPEG variant (every browser shows JPEG), or the original when there is none. */
function thumbnailOf(image: LibraryImage): Pick<Image, 'storageKey'> {
  const jpegs = image.variants.filter(v => v.format === 'jpeg').sort((a, b) => a.width - b.width)
  return jpegs[0] ?? image
}
