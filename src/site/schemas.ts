// Request schemas shared by public routes.
import { Type, type Static } from '@sinclair/typebox'

/** A slug in an address. Any text is allowed here: an unknown slug is a 404, not a 400. */
export const SlugParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 200 }),
})
export type SlugParams = Static<typeof SlugParams>

/** ?page=N for paginated lists. */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
})
export type PageQuery = Static<typeof PageQuery>
