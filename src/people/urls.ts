// Addresses of people's pages.

/** The public page of a person. */
export function personUrl(slug: string): string {
  return `/people/${slug}`
}
