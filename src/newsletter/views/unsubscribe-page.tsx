// The page behind a newsletter's unsubscribe link: a button (opening the link changes nothing,
// since link scanners open every link in a mail), and what the reader sees once they have left.

/** "Unsubscribe from all newsletters?" with the button that posts back to the signed link. */
export function UnsubscribePrompt({
  email,
  action,
  preferencesHref,
}: {
  email: string
  action: string
  preferencesHref: string
}) {
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice">
      <h1>Unsubscribe</h1>
      <p class="story__dek">
        Stop all newsletters to <strong>{email}</strong>?
      </p>
      <form method="post" action={action} class="newsletter-notice__form">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" class="button">
          Unsubscribe from all newsletters
        </button>
      </form>
      <p>
        Or <a href={preferencesHref}>choose which newsletters you get</a>.
      </p>
    </div>
  )
}

/** After leaving (also for a link whose address is no longer on file). */
export function Unsubscribed() {
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice" role="status">
      <h1>You have unsubscribed</h1>
      <p class="story__dek">You will receive no more newsletters at this address.</p>
      <p>
        Changed your mind? You can <a href="/newsletter">sign up again</a> at any time.
      </p>
    </div>
  )
}
