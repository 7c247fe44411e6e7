// The home page: composed above the parts it shows (stories, documentaries, topics), so none
// of them, nor the site's shell below them, needs to know it.
import type { FastifyInstance } from 'fastify'
import { organizationLd } from '../platform/seo/json-ld.js'
import { latestStories, loadStoryTeasers, storyTeaserTags } from '../stories/index.js'
import { documentaryTeaserTags, latestDocumentaries, loadDocumentaryTeasers } from '../documentaries/index.js'
import type { PublicDeps } from '../site/index.js'
import { sendPage } from '../site/views.js'
import { HomePage } from './views/home-page.js'

/** Registers the home page. */
export function registerHomeRoutes(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/', { config: { cache: 'public' } }, async (request, reply) => {
    const [stories, films, chrome] = await Promise.all([
      latestStories(deps.db, 11).then(s => loadStoryTeasers(deps.db, s)),
      latestDocumentaries(deps.db, 4).then(d => loadDocumentaryTeasers(deps.db, d)),
      deps.chrome(),
    ])
    const { settings } = chrome
    const [lead, ...latest] = stories
    return sendPage(deps, request, reply, {
      tags: [
        'home',
        'list:stories',
        'list:documentaries',
        ...storyTeaserTags(stories),
        ...documentaryTeaserTags(films),
      ],
      content: (
        <HomePage
          siteName={settings.name}
          lead={lead}
          latest={latest}
          documentaries={films}
          topics={chrome.topics}
          timeZone={settings.timeZone}
        />
      ),
      meta: {
        title: settings.name,
        description: settings.description,
        path: '/',
        jsonLd: [
          organizationLd({ name: settings.name, url: deps.publicUrl, sameAs: settings.socials.map(s => s.url) }),
        ],
      },
    })
  })
}
