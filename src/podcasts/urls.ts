// Public addresses of shows and episodes.

/** A show's page. */
export const showUrl = (slug: string) => `/podcasts/${slug}`

/** An episode's page. */
export const episodeUrl = (showSlug: string, episodeSlug: string) => `/podcasts/${showSlug}/${episodeSlug}`

/** A show's podcast feed. */
export const showFeedPath = (slug: string) => `/podcasts/${slug}/feed.xml`

/** A show's feed address in full (its podcast:guid is computed from the first one). */
export const showFeedUrl = (publicUrl: string, slug: string) => `${publicUrl}${showFeedPath(slug)}`

/** An episode's chapters as Podcasting 2.0 JSON chapters, at a stable address. */
export const chaptersUrl = (showSlug: string, episodeSlug: string) =>
  `/podcasts/${showSlug}/${episodeSlug}/chapters.json`

/** An episode's transcript (WebVTT), at a stable address that follows the stored file. */
export const transcriptUrl = (showSlug: string, episodeSlug: string) =>
  `/podcasts/${showSlug}/${episodeSlug}/transcript.vtt`

/** How long an episode lasts, as lists show it: "45 sec", "2 min", "1 hr 5 min". */
export function listeningTime(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} sec`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} hr${minutes % 60 ? ` ${minutes % 60} min` : ''}`
}
