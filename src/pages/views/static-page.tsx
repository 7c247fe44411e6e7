// /:slug: a static page, its body drawn by our own body renderer.
import { renderBody, type BodyRenderContext } from '../../body/index.js'
import { DateTime } from '../../site/views.js'
import type { Page } from '../store.js'

/** A static page with its title, summary and the time of its last change; `context` holds what its body embeds. */
export function StaticPage({ page, context, timeZone }: { page: Page; context: BodyRenderContext; timeZone: string }) {
  return (
    <article class="wrap wrap--narrow static-page">
      <header class="static-page__header">
        <h1>{page.title}</h1>
        {page.summary ? <p class="story__dek">{page.summary}</p> : null}
        <p class="byline__dates">
          Last updated <DateTime iso={page.updatedAt} timeZone={timeZone} />
        </p>
      </header>
      <div class="prose" dangerouslySetInnerHTML={{ __html: renderBody(page.body, context) }} />
    </article>
  )
}
