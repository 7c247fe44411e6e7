// /funders: who supports the newsroom, grouped by tier.
import type { Image } from '../../media/index.js'
import { Picture } from '../../media/views.js'
import { FUNDER_TIERS, TIER_NAMES } from '../schema.js'
import type { Funder } from '../store.js'

/** Every funder under its tier's heading (empty tiers left out); `logos` holds the logos by image id. */
export function FundersPage({
  funders,
  logos,
  siteName,
}: {
  funders: readonly Funder[]
  logos: ReadonlyMap<number, Image>
  siteName: string
}) {
  const tiers = FUNDER_TIERS.map(tier => ({ tier, list: funders.filter(f => f.tier === tier) })).filter(
    t => t.list.length,
  )
  return (
    <div class="wrap wrap--narrow list-page">
      <header class="list-page__header">
        <h1>Our funders</h1>
        <p class="list-page__intro">
          {siteName} is supported by readers and by the organisations below. Funders have no say over what we report;
          read how we keep it that way in <a href="/ethics-and-funding">Ethics and Funding</a>.
        </p>
      </header>
      {tiers.map(({ tier, list }) => (
        <section key={tier} aria-labelledby={`tier-${tier}`} class="funder-tier">
          <h2 id={`tier-${tier}`} class="section-heading">
            {TIER_NAMES[tier]}
          </h2>
          <ul class="funder-list">
            {list.map(f => {
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
  )
}
