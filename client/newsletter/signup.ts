// The sign-up island: posts every sign-up form (`form.newsletter-form` posting to /newsletter) in the background
// and answers in the form's status line, so the reader stays on the page. Without this script
// the same form posts normally and the server answers with a page; a failed fetch falls back to that.

// The server's own words come in its answer; these are the same, for an answer without them.
const THANKS =
  'Thank you! Your subscription request has been received. Check your inbox (and your spam folder) for an email from us: to finish signing up, open the link in it.'

interface Answer {
  message?: string
  error?: { message?: string }
}

function enhance(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('.newsletter-form__status')
  const error = form.querySelector<HTMLElement>('.newsletter-form__error')
  const email = form.querySelector<HTMLInputElement>('input[name="email"]')
  if (!status || !error || !email) return
  let busy = false

  const showError = (message: string) => {
    error.textContent = message
    error.hidden = !message
    const aboutEmail = Boolean(message) && /email/i.test(message)
    if (aboutEmail) {
      email.setAttribute('aria-invalid', 'true')
      email.setAttribute('aria-describedby', error.id)
    } else {
      email.removeAttribute('aria-invalid')
      email.removeAttribute('aria-describedby')
    }
    if (!message) return
    const focus = aboutEmail ? email : (form.querySelector<HTMLInputElement>('input[name="lists"]') ?? email)
    focus.focus()
  }

  const thank = (message: string) => {
    // Everything but the status line goes; the status line says thank you and takes the focus.
    for (const child of Array.from(form.children))
      if (child !== status && child instanceof HTMLElement) child.hidden = true
    status.textContent = message
    status.tabIndex = -1
    status.focus()
  }

  form.addEventListener('submit', event => {
    event.preventDefault()
    if (busy) return
    busy = true
    form.setAttribute('aria-busy', 'true')
    showError('')
    status.textContent = 'Sending…'
    const body = new URLSearchParams()
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value)
    if (!body.has('source')) body.set('source', location.pathname)
    fetch(form.action, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(async response => {
        const answer = (await response.json().catch(() => ({}))) as Answer
        status.textContent = ''
        if (response.ok) thank(answer.message ?? THANKS)
        else showError(answer.error?.message ?? 'Something went wrong. Please try again.')
      })
      .catch(() => {
        // Offline or the server unreachable: let the browser post the form itself.
        status.textContent = ''
        form.submit()
      })
      .finally(() => {
        busy = false
        form.removeAttribute('aria-busy')
      })
  })
}

for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form.newsletter-form[action="/newsletter"]')))
  enhance(form)
