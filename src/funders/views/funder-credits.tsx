// "Support provided by ...": the funders credited on every page.
import { Picture } from '../../media/views.js'
import type { Image } from '../../media/index.js'
import type { Funder } from '../store.js'

/** The site-wide funder credits band; nothing when no funder is site-wide. */
export function FunderCredits({ funders }: { funders: { funder: Funder; logo?: Image | undefined }[] }) {
  if (funders.length === 0) return null
  return (
    <aside class="funder-credits" aria-labelledby="funder-credits-heading">
      <div class="wrap funder-credits__inner">
        <h2 id="funder-credits-heading" class="funder-credits__heading">
          Support provided by
        </h2>
        <ul class="funder-credits__list">
          {funders.map(({ funder, logo }) => (
            <li key={funder.id}>
              <a href={funder.url || '/funders'}>
                {logo ? <Picture class="funder-credits__logo" image={logo} alt="" /> : null}
                <span class="funder-credits__name">{funder.name}</span>
              </a>
            </li>
          ))}
        </ul>
        <p class="funder-credits__more">
          <a href="/funders">All our funders</a> · <a href="/ethics-and-funding">How funding works</a>
        </p>
      </div>
    </aside>
  )
}
