// Addresses of documentary pages.

/** The public page of a documentary. */
export function documentaryUrl(slug: string): string {
  return `/documentaries/${slug}`
}
