// The pages where someone chooses a password before signing in: the first admin's set-up, asking
// for a reset link, and the reset (or invitation) link's form. Each carries the pre-session form token.

/** /newsroom/setup: the first admin's name, address and password. */
export function SetupPage({ token, csrf }: { token: string; csrf: string }) {
  return (
    <form class="nr-form nr-narrow" method="post" action={`/newsroom/setup?token=${encodeURIComponent(token)}`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <div class="nr-field">
        <label for="name">Your name</label>
        <input id="name" name="name" required maxLength={200} autocomplete="name" />
      </div>
      <div class="nr-field">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required autocomplete="username" />
      </div>
      <PasswordInputs />
      <div>
        <button class="nr-button" type="submit">
          Create the admin account
        </button>
      </div>
    </form>
  )
}

/** /newsroom/forgot: the address to mail a reset link to. */
export function ForgotPage({ csrf, minutes }: { csrf: string; minutes: number }) {
  return (
    <form class="nr-form nr-narrow" method="post" action="/newsroom/forgot">
      <input type="hidden" name="_csrf" value={csrf} />
      <p>
        Enter the email of your newsroom account. If it exists, we will email it a link to choose a new password. The
        link works once, for {minutes} minutes.
      </p>
      <div class="nr-field">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required autocomplete="username" />
      </div>
      <div>
        <button class="nr-button" type="submit">
          Email me a link
        </button>
      </div>
    </form>
  )
}

/** The answer to a reset request: the same words whether or not an account uses the address. */
export function ForgotSentPage({ minutes }: { minutes: number }) {
  return (
    <p class="nr-narrow">
      If an account uses that address, we have sent it a link to choose a new password. The link works once, for{' '}
      {minutes} minutes.
    </p>
  )
}

/** /newsroom/reset: the new password, from a reset link or an invitation. */
export function ResetPage({ token, csrf }: { token: string; csrf: string }) {
  return (
    <form class="nr-form nr-narrow" method="post" action={`/newsroom/reset?token=${encodeURIComponent(token)}`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <PasswordInputs />
      <div>
        <button class="nr-button" type="submit">
          Save the password
        </button>
      </div>
    </form>
  )
}

/** The new-password and confirmation fields. */
function PasswordInputs() {
  return (
    <>
      <div class="nr-field">
        <label for="password">New password</label>
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={12}
          autocomplete="new-password"
          aria-describedby="password-hint"
        />
        <p id="password-hint" class="nr-hint">
          At least 12 characters. A few unrelated words make a good one.
        </p>
      </div>
      <div class="nr-field">
        <label for="confirm">Repeat the password</label>
        <input id="confirm" name="confirm" type="password" required minLength={12} autocomplete="new-password" />
      </div>
    </>
  )
}
