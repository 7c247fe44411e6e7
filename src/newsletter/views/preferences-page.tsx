// The preferences page: a subscriber's lists as checkboxes, saved or left with one button each.
import type { NewsletterList } from '../lists.js'

/** The form of a confirmed subscriber; `action` is the signed link it posts back to. */
export function PreferencesPage(p: {
  email: string
  lists: NewsletterList[]
  chosen: number[]
  action: string
  saved?: boolean | undefined
}) {
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice">
      <h1>Your newsletters</h1>
      <p class="story__dek">
        Choose what we send to <strong>{p.email}</strong>.
      </p>
      {p.saved ? (
        <p class="newsletter-notice__saved" role="status">
          Your choices are saved.
        </p>
      ) : null}
      <form method="post" action={p.action} class="newsletter-form newsletter-preferences">
        <fieldset class="newsletter-form__lists">
          <legend>Newsletters</legend>
          {p.lists.map(list => (
            <div class="newsletter-form__list" key={list.id}>
              <input
                type="checkbox"
                id={`preferences-list-${list.id}`}
                name="lists"
                value={String(list.id)}
                checked={p.chosen.includes(list.id)}
              />
              <label for={`preferences-list-${list.id}`}>
                <span class="newsletter-form__list-name">{list.name}</span>
                {list.description ? <span class="newsletter-form__list-description">{list.description}</span> : null}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="newsletter-form__actions">
          <button type="submit" class="button" name="action" value="save">
            Save my choices
          </button>
          <button type="submit" class="button button--quiet" name="action" value="leave">
            Unsubscribe from all
          </button>
        </div>
        <p class="newsletter-page__note">Unticking every newsletter and saving unsubscribes you from all of them.</p>
      </form>
    </div>
  )
}

/** For an address that gets nothing (or is no longer on file): leaving needs no button, coming back needs a sign-up. */
export function NotSubscribed({ email, justLeft }: { email?: string | undefined; justLeft?: boolean | undefined }) {
  const address = email ? <strong>{email}</strong> : 'this address'
  return (
    <div class="wrap wrap--narrow static-page newsletter-notice" role={justLeft ? 'status' : undefined}>
      <h1>{justLeft ? 'You have unsubscribed' : 'Your newsletters'}</h1>
      <p class="story__dek">
        {justLeft ? (
          <>We will send no more newsletters to {address}.</>
        ) : (
          <>We send no newsletter to {address} at the moment.</>
        )}
      </p>
      <p>
        Changed your mind? You can <a href="/newsletter">sign up again</a> at any time.
      </p>
    </div>
  )
}
