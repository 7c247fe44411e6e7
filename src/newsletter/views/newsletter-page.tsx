// The newsletter page and the answer to a sign-up. The form itself is the site's (SignupForm).
import type { NewsletterList } from '../lists.js'
import { SignupForm } from '../../site/views.js'

/** The words every thank-you uses, on the page and inline (the island shows the same). */
export const SIGNUP_THANKS =
  'Thank you! Your subscription request has been received. Check your inbox (and your spam folder) for an email from us: to finish signing up, open the link in it.'

/** What the newsletter page shows: the lists to pick from and, after a refused post, what was typed and why. */
export interface NewsletterPageProps {
  siteName: string
  lists: NewsletterList[]
  value?: string | undefined
  error?: string | undefined
  chosen?: number[] | undefined
}

/** The sign-up form on its own page, with a choice of lists when there is more than one. */
export function NewsletterPage({ siteName, lists, value, error, chosen }: NewsletterPageProps) {
  const only = lists.length === 1 ? lists[0] : undefined
  return (
    <div class="wrap wrap--narrow static-page newsletter-page">
      <h1>Get our Newsletter</h1>
      <p class="story__dek">
        {only?.description ? only.description : `Choose the newsletters you want from ${siteName}.`} No spam; every
        email has a one-click unsubscribe.
      </p>
      <SignupForm
        id="newsletter-page-email"
        lists={lists.length > 1 ? lists : undefined}
        value={value}
        error={error}
        chosen={chosen}
      />
      <p class="newsletter-page__note">We will email you a link to confirm. Nothing is sent until you do.</p>
    </div>
  )
}

/** The same answer whether or not the address was already on the list. */
export function SignupReceived() {
  return (
    <div class="wrap wrap--narrow static-page" role="status">
      <h1>Thank you!</h1>
      <p class="story__dek">Your subscription request has been received.</p>
      <p>Check your inbox (and your spam folder) for an email from us: to finish signing up, open the link in it.</p>
      <p>
        <a href="/">Back to the home page</a>
      </p>
    </div>
  )
}
