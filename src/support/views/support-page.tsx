// /support: the newsroom's appeal, the ways to give (each a link to the payment provider), what a
// monthly gift means, and who else supports the newsroom; the funders' credits band follows.
import type { GivingOption, SupportSettings } from '../../settings/index.js'

/** An amount as readers read it: $25, €7.50. */
export function formatAmount(option: Pick<GivingOption, 'amount' | 'currency'>, language: string): string {
  const whole = Number.isInteger(option.amount)
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency: option.currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).format(option.amount)
  } catch {
    return `${option.amount} ${option.currency}`
  }
}

function GiftCard({ option, language }: { option: GivingOption; language: string }) {
  const amount = formatAmount(option, language)
  return (
    <li class="gift">
      <h3 class="gift__label">{option.label}</h3>
      <p class="gift__amount">
        <span class="gift__figure">{amount}</span>{' '}
        <span class="gift__period">{option.monthly ? 'a month' : 'once'}</span>
      </p>
      <a class="button gift__button" href={option.url} rel="noopener">
        Give {amount}
        <span class="visually-hidden">
          {option.monthly ? ' a month' : ' once'} ({option.label}, opens our payment provider)
        </span>
      </a>
    </li>
  )
}

/** The whole page; without gifts set up it still makes the appeal and points to the funders. */
export function SupportPage({
  support,
  siteName,
  language,
  hasCredits,
}: {
  support: SupportSettings
  siteName: string
  language: string
  /** Whether the funders' credits band follows the page. */
  hasCredits: boolean
}) {
  const paragraphs = support.appeal
    .split(/\n\s*\n/)
    .map(p => p.trim())
    .filter(Boolean)
  const monthly = support.options.filter(o => o.monthly)
  const once = support.options.filter(o => !o.monthly)
  return (
    <div class="wrap support-page">
      <header class="support-page__header">
        <h1>{support.heading}</h1>
        <div class="support-page__appeal">
          {paragraphs.map((p, i) => (
            <p key={i} class={i === 0 ? 'story__dek' : undefined}>
              {p}
            </p>
          ))}
        </div>
      </header>
      {support.options.length ? (
        <section class="support-page__give" aria-labelledby="support-give">
          <h2 id="support-give" class="section-heading">
            Ways to give
          </h2>
          {monthly.length ? (
            <div class="support-page__group">
              <h3 class="support-page__group-heading">Every month</h3>
              {support.membership ? <p class="support-page__membership">{support.membership}</p> : null}
              <ul class="gifts">
                {monthly.map((o, i) => (
                  <GiftCard key={i} option={o} language={language} />
                ))}
              </ul>
            </div>
          ) : null}
          {once.length ? (
            <div class="support-page__group">
              <h3 class="support-page__group-heading">Once</h3>
              <ul class="gifts">
                {once.map((o, i) => (
                  <GiftCard key={i} option={o} language={language} />
                ))}
              </ul>
            </div>
          ) : null}
          {monthly.length === 0 && support.membership ? (
            <p class="support-page__membership">{support.membership}</p>
          ) : null}
          <p class="support-page__note">
            Payments are taken by our payment provider on its own site; {siteName} never sees your card details.
          </p>
        </section>
      ) : (
        <section class="support-page__give" aria-labelledby="support-give">
          <h2 id="support-give" class="section-heading">
            Ways to give
          </h2>
          <p>
            Online giving is being set up. Until then, you can support {siteName} by{' '}
            <a href="/newsletter">signing up to our newsletter</a> and sharing our work.
          </p>
          {support.membership ? <p class="support-page__membership">{support.membership}</p> : null}
        </section>
      )}
      <section class="support-page__funders" aria-labelledby="support-funders">
        <h2 id="support-funders" class="section-heading">
          Our funders
        </h2>
        <p>
          {siteName} is also supported by foundations and organisations that have no say over what we report.{' '}
          {hasCredits ? 'Those that support all our work are credited below. ' : null}
          <a href="/funders">See all our funders</a>, or read <a href="/ethics-and-funding">how funding works</a>.
        </p>
      </section>
    </div>
  )
}
