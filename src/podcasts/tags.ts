// Cache tags of podcast pages and feeds, named in one place so writes and pages agree.
import type { Show } from './show-store.js'

/** Every list of shows (/podcasts). */
export const SHOWS_LIST_TAG = 'list:podcasts'

/** Pages and the feed showing a show (its page, its feed, its episodes' pages). */
export const showTag = (showId: number) => `podcast:${showId}`

/** Pages showing one episode. */
export const episodeTag = (episodeId: number) => `episode:${episodeId}`

/** What a change to an episode drops: its page, its show's page and feed, and the list of shows. */
export function episodeTags(episode: { id: number; showId: number }): string[] {
  return [episodeTag(episode.id), showTag(episode.showId), SHOWS_LIST_TAG]
}

/** What a change to a show drops: everything showing the show. */
export function showTags(show: Pick<Show, 'id'>): string[] {
  return [showTag(show.id), SHOWS_LIST_TAG]
}
