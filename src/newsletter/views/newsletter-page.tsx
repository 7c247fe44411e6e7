// The newsletter page, the sign-up form every page carries, and the answer to a sign-up.
import type { NewsletterList } from '../lists.js'

/** The words every thank-you uses, on the page and inline (the island shows the same). */
export const SIGNUP_THANKS = 'Thank you! Your subscription request has been received.'

/** What the newsletter page shows: the lists to pick from and, after a refused post, what was typed and why. */
export interface NewsletterPageProps {
  siteName: string
  lists: NewsletterList[]
  value?: string
  error?: string
  chosen?: number[]
}

/** The sign-up form on its own page, with a choice of lists when there is more than one. */
export function NewsletterPage({ siteName, lists, value, error, chosen }: NewsletterPageProps) {
  const only = lists.length === 1 ? lists[0] : undefined
  return (
    <div class="wrap wrap--narrow static-page newsletter-page">
      <h1>Get our Newsletter</h1>
      <p class="story__dek">
        {only?.description ? only.description : `Choose the newsletters you want from ${siteName}.`}{' '}
        No spam; every email has a one-click unsubscribe.
      </p>
      <SignupForm id="newsletter-page-email" lists={lists.length > 1 ? lists : undefined} value={value} error={error} chosen={chosen} />
      <p class="newsletter-page__note">We will email you a link to confirm. Nothing is sent until you do.</p>
    </div>
  )
}

/** Props of the sign-up form; without `lists` it signs up for the first list. */
export interface SignupFormProps {
  id: string
  lists?: NewsletterList[]
  value?: string
  error?: string
  chosen?: number[]
}

/**
 * The plain sign-up form; posts to /newsletter and works without JavaScript. The sign-up
 * island (client/newsletter/signup.ts) posts it in the background and answers in its status line.
 */
export function SignupForm({ id, lists, value, error, chosen }: SignupFormProps) {
  const errorId = `${id}-error`
  const picked = chosen?.length ? chosen : lists?.[0] ? [lists[0].id] : []
  const email = (
    <input
      id={id} type="email" name="email" required maxLength={254} autocomplete="email" placeholder="you@example.org"
      value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? errorId : undefined}
    />
  )
  const submit = <button type="submit" class="button">Sign up</button>
  return (
    <form class="newsletter-form" method="post" action="/newsletter">
      <label for={id}>Email address</label>
      {lists ? email : <div class="newsletter-form__row">{email}{submit}</div>}
      <p id={errorId} class="newsletter-form__error" hidden={!error}>{error}</p>
      {lists ? (
        <fieldset class="newsletter-form__lists">
          <legend>Your newsletters</legend>
          <input type="hidden" name="choose" value="1" />
          {lists.map((list) => (
            <div class="newsletter-form__list" key={list.id}>
              <input type="checkbox" id={`${id}-list-${list.id}`} name="lists" value={String(list.id)} checked={picked.includes(list.id)} />
              <label for={`${id}-list-${list.id}`}>
                <span class="newsletter-form__list-name">{list.name}</span>
                {list.description ? <span class="newsletter-form__list-description">{list.description}</span> : null}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {lists ? <div class="newsletter-form__actions">{submit}</div> : null}
      <p class="newsletter-form__status" role="status"></p>
      <div class="visually-hidden" aria-hidden="true">
        <label for={`${id}-website`}>Leave this field empty</label>
        <input id={`${id}-website`} type="text" name="website" tabindex={-1} autocomplete="off" />
      </div>
    </form>
  )
}

/** The same answer whether or not the address was already on the list. */
export function SignupReceived() {
  return (
    <div class="wrap wrap--narrow static-page" role="status">
      <h1>Thank you!</h1>
      <p class="story__dek">Your subscription request has been received.</p>
      <p>Check your inbox (and your spam folder) for an email from us: to finish signing up, open the link in it.</p>
      <p><a href="/">Back to the home page</a></p>
    </div>
  )
}
