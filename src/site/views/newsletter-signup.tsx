// The newsletter invitation shown on every page. It posts a plain form, so it works
// without JavaScript. The form is the site's (the newsletter page shows it too) so the shell
// under every page needs nothing from the newsletter part above it.

/** "Get our Newsletter" band with an email field. */
export function NewsletterSignup() {
  return (
    <section class="newsletter-band" aria-labelledby="newsletter-heading">
      <div class="wrap newsletter-band__inner">
        <div>
          <h2 id="newsletter-heading" class="newsletter-band__title">
            Get our Newsletter
          </h2>
          <p class="newsletter-band__text">
            New documentaries and investigations, once a week. No spam; leave with one click.
          </p>
        </div>
        <SignupForm id="newsletter-email" />
      </div>
    </section>
  )
}

/** A list a reader may choose; the newsletter part's lists fit this shape. */
export interface SignupList {
  id: number
  name: string
  description: string
}

/** Props of the sign-up form; without `lists` it signs up for the first list. */
export interface SignupFormProps {
  id: string
  lists?: SignupList[] | undefined
  value?: string | undefined
  error?: string | undefined
  chosen?: number[] | undefined
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
      id={id}
      type="email"
      name="email"
      required
      maxLength={254}
      autocomplete="email"
      placeholder="you@example.org"
      value={value}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? errorId : undefined}
    />
  )
  const submit = (
    <button type="submit" class="button">
      Sign up
    </button>
  )
  return (
    <form class="newsletter-form" method="post" action="/newsletter">
      <label for={id}>Email address</label>
      {lists ? (
        email
      ) : (
        <div class="newsletter-form__row">
          {email}
          {submit}
        </div>
      )}
      <p id={errorId} class="newsletter-form__error" hidden={!error}>
        {error}
      </p>
      {lists ? (
        <fieldset class="newsletter-form__lists">
          <legend>Your newsletters</legend>
          <input type="hidden" name="choose" value="1" />
          {lists.map(list => (
            <div class="newsletter-form__list" key={list.id}>
              <input
                type="checkbox"
                id={`${id}-list-${list.id}`}
                name="lists"
                value={String(list.id)}
                checked={picked.includes(list.id)}
              />
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
