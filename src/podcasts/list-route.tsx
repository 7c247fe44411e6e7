// /podcasts, the index of the podcasts: every show with its artwork and episode count (an
// orphan-free CardGrid), then the newest episodes across shows. Cached, tagged with the list
// and each show and episode it shows.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { findImagesByIds } from '../media/index.js'
import type { PublicDeps } from '../site/index.js'
import { sendPage } from '../site/views.js'
import { podcastsJsonLd } from './json-ld.js'
import { listShows } from './show-store.js'
import { countPublishedEpisodes, listLatestPublishedEpisodes } from './store.js'
import { episodeTag, SHOWS_LIST_TAG, showTag } from './tags.js'
import { showFeedPath } from './urls.js'
import { PodcastsPage } from './views/podcasts-page.js'

/** How many of the newest episodes across shows /podcasts lists. */
const LATEST_EPISODES = 10

/** /podcasts: every show, then the latest episodes across shows. */
export function registerPodcastListRoute(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  r.get('/podcasts', { config: { cache: 'public' } }, async (request, reply) => {
    const [shows, counts, latest, { settings }] = await Promise.all([
      listShows(deps.db),
      countPublishedEpisodes(deps.db),
      listLatestPublishedEpisodes(deps.db, LATEST_EPISODES),
      deps.chrome(),
    ])
    const images = await findImagesByIds(
      deps.db,
      shows.flatMap(s => (s.artworkId ? [s.artworkId] : [])),
    )
    const teasers = shows.map(show => ({
      show,
      artwork: show.artworkId ? images.get(show.artworkId) : undefined,
      episodeCount: counts.get(show.id) ?? 0,
    }))
    const byId = new Map(shows.map(s => [s.id, s]))
    const latestWithShows = latest.flatMap(episode => {
      const show = byId.get(episode.showId)
      return show ? [{ episode, show }] : []
    })
    return sendPage(deps, request, reply, {
      tags: [SHOWS_LIST_TAG, ...shows.map(s => showTag(s.id)), ...latest.map(e => episodeTag(e.id))],
      content: (
        <PodcastsPage
          teasers={teasers}
          latest={latestWithShows}
          siteName={settings.name}
          timeZone={settings.timeZone}
        />
      ),
      meta: {
        title: 'Podcasts',
        description: `Podcasts from ${settings.name}.`,
        path: '/podcasts',
        feeds: shows.map(s => ({ title: s.title, href: showFeedPath(s.slug), type: 'rss' as const })),
        jsonLd: podcastsJsonLd({ publicUrl: deps.publicUrl, siteName: settings.name }),
      },
    })
  })
}
