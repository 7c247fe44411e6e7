// The confirmation pages: the button a genuine link shows (confirming happens on its POST, since
// link scanners open every link in a mail), the thank-you, and a used or expired sign-up.
import type { ConfirmLink } from '../link-query.js'
import type { NewsletterList } from '../lists.js'
import { ListNames } from './list-names.js'

/** "Confirm your subscription": the lists asked for and the button. */
export function ConfirmPrompt({ link, lists }: { link: ConfirmLink; lists: NewsletterList[] }) {
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice">
      <h1>Confirm your subscription</h1>
      {lists.length ? (
        <>
          <p class="story__dek">You asked to receive:</p>
          <ListNames lists={lists} />
        </>
      ) : (
        <p class="story__dek">You asked to receive our newsletter.</p>
      )}
      <form method="post" action="/newsletter/confirm" class="newsletter-notice__form">
        <input type="hidden" name="s" value={String(link.subscriberId)} />
        <input type="hidden" name="n" value={link.nonce} />
        <input type="hidden" name="exp" value={link.exp} />
        <input type="hidden" name="sig" value={link.sig} />
        <button type="submit" class="button">
          Confirm my subscription
        </button>
      </form>
      <p>If you did not ask for this, close this page: nothing is sent until you confirm.</p>
    </div>
  )
}

/** The thank-you after confirming: what they signed up for and where to change it. */
export function Confirmed({ lists, preferencesHref }: { lists: NewsletterList[]; preferencesHref: string }) {
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice" role="status">
      <h1>You are subscribed</h1>
      {lists.length ? (
        <>
          <p class="story__dek">Thank you for confirming. You will receive:</p>
          <ListNames lists={lists} />
        </>
      ) : (
        <p class="story__dek">
          Thank you for confirming. You have not chosen a newsletter yet: pick one on your preferences page.
        </p>
      )}
      <p>
        You can change your newsletters or leave at any time on{' '}
        <a href={preferencesHref}>your newsletter preferences</a>. Every newsletter also has a one-click unsubscribe
        link.
      </p>
    </div>
  )
}

/** A genuine link that has been used, replaced by a newer one, or outlived its sign-up. */
export function ConfirmUsed({ state }: { state: 'confirmed' | 'replaced' | 'gone' }) {
  const [title, text] =
    state === 'confirmed'
      ? [
          'Already confirmed',
          'This link has already been used, and your subscription is confirmed. Nothing has changed.',
        ]
      : state === 'replaced'
        ? [
            'This link has been replaced',
            'You signed up again after this email was sent, so only the link in the newest email works.',
          ]
        : ['This sign-up has expired', 'Sign-ups that are not confirmed within a week are deleted.']
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice">
      <h1>{title}</h1>
      <p class="story__dek">{text}</p>
      {state === 'confirmed' ? (
        <p>Every newsletter we send has links to change your newsletters or leave.</p>
      ) : (
        <p>
          You can <a href="/newsletter">sign up again</a> at any time.
        </p>
      )}
    </div>
  )
}
