// The sign-in form, with a problem or a notice above it.
import { Notice } from './layout.js'

/** What the sign-in page shows: the pre-session form token, where to go after, and what was typed. */
export interface SignInPageProps {
  csrf: string
  next: string
  email?: string | undefined
  error?: string | undefined
  notice?: string | undefined
}

/** /newsroom/sign-in. */
export function SignInPage({ csrf, next, email, error, notice }: SignInPageProps) {
  return (
    <div class="nr-narrow">
      {error ? <Notice kind="error">{error}</Notice> : null}
      {notice ? <Notice kind="ok">{notice}</Notice> : null}
      <form class="nr-form" method="post" action="/newsroom/sign-in">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        <div class="nr-field">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ''} />
        </div>
        <div class="nr-field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <div>
          <button class="nr-button" type="submit">
            Sign in
          </button>
        </div>
        <p>
          <a href="/newsroom/forgot">Forgot your password?</a>
        </p>
      </form>
    </div>
  )
}
