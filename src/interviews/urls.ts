// Addresses of interviews and of moments in them.

/** An interview's page. */
export const interviewUrl = (slug: string) => `/interviews/${slug}`

/** A passage's own address: `#p-1` is the first passage (positions count from 0). */
export const passageAnchor = (position: number) => `p-${position + 1}`

/** The interview's page, cued at a passage. */
export const passageUrl = (slug: string, position: number) => `${interviewUrl(slug)}#${passageAnchor(position)}`

/** The interview's page playing a span, in whole seconds (`?t=63-95`). */
export const spanUrl = (slug: string, startSeconds: number, endSeconds: number) =>
  `${interviewUrl(slug)}?t=${Math.floor(startSeconds)}-${Math.ceil(endSeconds)}`
