// The newsletter invitation shown on every page. It posts a plain form, so it works
// without JavaScript.
import { SignupForm } from '../../newsletter/index.js'

/** "Get our Newsletter" band with an email field. */
export function NewsletterSignup() {
  return (
    <section class="newsletter-band" aria-labelledby="newsletter-heading">
      <div class="wrap newsletter-band__inner">
        <div>
          <h2 id="newsletter-heading" class="newsletter-band__title">Get our Newsletter</h2>
          <p class="newsletter-band__text">New documentaries and investigations, once a week. No spam; leave with one click.</p>
        </div>
        <SignupForm id="newsletter-email" />
      </div>
    </section>
  )
}
