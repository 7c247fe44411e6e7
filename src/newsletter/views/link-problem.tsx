// The page for a subscriber link that grants nothing: cut short, edited, or past its time.
import type { LinkProblem } from '../link-query.js'

/** What went wrong with the link, in words, and the way on: signing up again. */
export function LinkProblemPage({
  problem,
  kind,
}: {
  problem: LinkProblem
  kind: 'confirmation' | 'preferences' | 'unsubscribe'
}) {
  const expired = problem === 'expired'
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice">
      <h1>{expired ? 'This link has expired' : 'This link does not work'}</h1>
      <p class="story__dek">
        {expired
          ? 'Confirmation links work for 48 hours. Sign up again and we will send you a new one.'
          : 'It may have been cut short or changed when it was copied. Open it straight from the email we sent you.'}
      </p>
      {kind === 'confirmation' ? (
        <p>
          Nothing has changed. You can <a href="/newsletter">sign up again</a> at any time.
        </p>
      ) : (
        <p>
          Nothing has changed. Every newsletter we send has working links to change your newsletters or leave; you can
          also <a href="/newsletter">sign up again</a>.
        </p>
      )}
    </div>
  )
}
