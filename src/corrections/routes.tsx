// /corrections: every correction and clarification, newest first, linked to its story.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { findPublishedStoriesByIds, storyUrl } from '../stories/index.js'
import { listCorrections } from './store.js'
import { correctionLabel } from './labels.js'
import { sendPage, Pagination, DateTime } from '../site/views.js'
import { type PublicDeps, PageQuery, pageHref } from '../site/index.js'

const PER_PAGE = 25

/** Registers /corrections. */
export function registerCorrectionRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/corrections', { schema: { querystring: PageQuery }, config: { cache: 'public' } }, async (request, reply) => {
    const page = request.query.page ?? 1
    const list = await listCorrections(deps.db, page, PER_PAGE)
    if (page > list.pageCount) throw new NotFound('page of corrections', page)
    const stories = await findPublishedStoriesByIds(deps.db, list.items.map((c) => c.storyId))
    // A correction to a story that is no longer public is not shown.
    const shown = list.items.flatMap((c) => { const story = stories.get(c.storyId); return story ? [{ correction: c, story }] : [] })
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['list:corrections', 'list:stories', ...[...stories.keys()].map((id) => `story:${id}`)],
      content: (
        <div class="wrap wrap--narrow list-page">
          <header class="list-page__header">
            <h1>Corrections and clarifications</h1>
            <p class="list-page__intro">
              When we get something wrong, we fix it and say so. Every correction and clarification we have published is listed here, newest first.
              Read how we handle them in our <a href="/standards">journalistic standards</a>.
            </p>
            <p class="feed-link"><a href="/corrections/feed.xml">RSS feed of corrections</a></p>
          </header>
          {shown.length ? (
            <ol class="corrections-list">
              {shown.map(({ correction, story }) => (
                <li key={correction.id} class="corrections-list__item">
                  <p class="corrections-list__meta"><span class={`label label--${correction.kind}`}>{correctionLabel(correction.kind)}</span> <DateTime iso={correction.publishedAt} timeZone={settings.timeZone} />{correction.updatedAt ? <> · Updated <DateTime iso={correction.updatedAt} timeZone={settings.timeZone} /></> : null}</p>
                  <h2 class="corrections-list__story"><a href={`${storyUrl(story.slug)}#corrections`}>{story.title}</a></h2>
                  <p>{correction.body}</p>
                </li>
              ))}
            </ol>
          ) : <p>No corrections have been published.</p>}
          <Pagination path="/corrections" page={page} pageCount={list.pageCount} />
        </div>
      ),
      meta: {
        title: 'Corrections and clarifications', description: `Every correction and clarification ${settings.name} has published.`,
        path: pageHref('/corrections', page),
        prev: page > 1 ? pageHref('/corrections', page - 1) : undefined,
        next: page < list.pageCount ? pageHref('/corrections', page + 1) : undefined,
        feeds: [{ title: `${settings.name}: corrections`, href: '/corrections/feed.xml' }],
        jsonLd: [breadcrumbLd([{ name: settings.name, url: `${deps.publicUrl}/` }, { name: 'Corrections', url: `${deps.publicUrl}/corrections` }])],
      },
    })
  })
}
