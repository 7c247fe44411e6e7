// /funders: who supports the newsroom, by tier.
import type { FastifyInstance } from 'fastify'
import { breadcrumbLd } from '../platform/seo/json-ld.js'
import { findImagesByIds } from '../media/index.js'
import { Picture } from '../media/views.js'
import { listFunders } from './store.js'
import { TIER_NAMES } from './schema.js'
import { sendPage } from '../site/views.js'
import type { PublicDeps } from '../site/index.js'

/** Registers /funders. */
export function registerFunderRoutes(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/funders', { config: { cache: 'public' } }, async (request, reply) => {
    const funders = await listFunders(deps.db)
    const logos = await findImagesByIds(deps.db, funders.flatMap((f) => (f.logoId ? [f.logoId] : [])))
    const { settings } = await deps.chrome()
    const tiers = (['lead', 'major', 'supporting'] as const).map((tier) => ({ tier, funders: funders.filter((f) => f.tier === tier) })).filter((t) => t.funders.length)
    return sendPage(deps, request, reply, {
      tags: ['funders'],
      content: (
        <div class="wrap wrap--narrow list-page">
          <header class="list-page__header">
            <h1>Our funders</h1>
            <p class="list-page__intro">
              {settings.name} is supported by readers and by the organisations below. Funders have no say over what we report; read
              how we keep it that way in <a href="/ethics-and-funding">Ethics and Funding</a>.
            </p>
          </header>
          {tiers.map(({ tier, funders: list }) => (
            <section key={tier} aria-labelledby={`tier-${tier}`} class="funder-tier">
              <h2 id={`tier-${tier}`} class="section-heading">{TIER_NAMES[tier]}</h2>
              <ul class="funder-list">
                {list.map((f) => {
                  const logo = f.logoId ? logos.get(f.logoId) : undefined
                  return (
                    <li key={f.id} class="funder-list__item">
                      {logo ? <Picture class="funder-list__logo" image={logo} alt="" /> : null}
                      <div>
                        <h3>{f.url ? <a href={f.url}>{f.name}</a> : f.name}</h3>
                        <p>{f.description}</p>
                      </div>
                    </li>
                  )
                })}
              </ul>
            </section>
          ))}
        </div>
      ),
      meta: {
        title: 'Our funders', description: `Who supports ${settings.name}.`, path: '/funders',
        jsonLd: [breadcrumbLd([{ name: settings.name, url: `${deps.publicUrl}/` }, { name: 'Funders', url: `${deps.publicUrl}/funders` }])],
      },
    })
  })
}
