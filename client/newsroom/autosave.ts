// The story form's guard against lost work:
// - it warns before the page is left with changes nobody saved (closing the tab, or following
//   any link);
// - a draft saves itself a few seconds after each change, sent as JSON with the version it
//   started from. A save someone else made first stops autosave and says so, never overwriting
//   theirs. A field the server refuses (a slug another story has) is marked beside the field
//   and autosave carries on. A failure that passes (no network, a 5xx) is retried with backoff;
// - a button pressed while a save is on its way waits for it, so the version sent is current.
// A new story's first autosave creates it; the page then takes the story's own address.
const form = document.querySelector<HTMLFormElement>('form[data-warn-unsaved]')
const status = document.querySelector<HTMLElement>('[data-autosave-status]')

/** What autosave's JSON answer holds. */
interface SaveAnswer {
  version?: number
  savedAtText?: string
  editUrl?: string
  autosaveUrl?: string
  error?: { code?: string; message?: string; fields?: { field: string; message: string }[] }
}

const DEBOUNCE_MS = 2500
const RETRY_FIRST_MS = 2000
const RETRY_MAX_MS = 60_000

function fieldsOf(target: HTMLFormElement): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {}
  for (const [name, value] of new FormData(target)) {
    if (typeof value !== 'string' || name === 'action') continue
    const existing = fields[name]
    if (existing === undefined) fields[name] = value
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return fields
}

function say(text: string): void {
  if (status) status.textContent = text
}

/** Marks each refused field beside itself, and clears the marks of fields now accepted. */
function markFields(target: HTMLFormElement, problems: { field: string; message: string }[]): void {
  for (const slot of target.querySelectorAll<HTMLElement>('[data-field-error]')) {
    const field = slot.dataset.fieldError ?? ''
    const messages = problems.filter(p => p.field === field).map(p => p.message)
    slot.textContent = messages.join(' ')
    slot.hidden = messages.length === 0
    const control = target.querySelector<HTMLElement>(`[name="${field}"]`)
    if (!control) continue
    if (messages.length) control.setAttribute('aria-invalid', 'true')
    else control.removeAttribute('aria-invalid')
  }
}

if (form) {
  const versionInput = form.querySelector<HTMLInputElement>('input[name="version"]')
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
  let autosaveUrl = form.dataset.autosaveUrl
  // Changes since the last save the server took; a refused post comes back already changed.
  let changes = form.dataset.unsaved === 'true' ? 1 : 0
  let leaving = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<void> | undefined
  let retryMs = RETRY_FIRST_MS

  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => void save(), ms)
  }

  const retryLater = (why: string) => {
    say(`${why} Trying again in ${Math.round(retryMs / 1000)} s. Your text is still here.`)
    schedule(retryMs)
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
  }

  const adopt = (answer: SaveAnswer) => {
    if (answer.version && versionInput) versionInput.value = String(answer.version)
    // A new story now exists: later saves and buttons go to its own address.
    if (answer.editUrl && form.getAttribute('action') !== answer.editUrl) {
      form.setAttribute('action', answer.editUrl)
      history.replaceState(history.state, '', answer.editUrl)
    }
    if (answer.autosaveUrl) autosaveUrl = answer.autosaveUrl
  }

  const send = async () => {
    if (!autosaveUrl) return
    const sentChanges = changes
    say('Saving…')
    let response: Response
    let answer: SaveAnswer
    try {
      response = await fetch(autosaveUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, accept: 'application/json' },
        body: JSON.stringify(fieldsOf(form)),
      })
      answer = (await response.json().catch(() => ({}))) as SaveAnswer
    } catch {
      retryLater(navigator.onLine ? 'Not saved: the newsroom did not answer.' : 'Offline: not saved yet.')
      return
    }
    if (response.ok) {
      retryMs = RETRY_FIRST_MS
      adopt(answer)
      markFields(form, [])
      // Typing that happened while the save was on its way is still unsaved.
      changes -= sentChanges
      say(`Draft saved at ${answer.savedAtText ?? new Date().toLocaleTimeString()}`)
      if (changes > 0) schedule(DEBOUNCE_MS)
      return
    }
    if (response.status >= 500 || response.status === 429) {
      retryLater('Not saved: the newsroom had a problem.')
      return
    }
    retryMs = RETRY_FIRST_MS
    if (answer.error?.fields?.length) {
      // A field to fix: shown beside it; the next change is saved as usual.
      markFields(form, answer.error.fields)
      say(
        `Not saved yet: ${answer.error.fields[0]?.message ?? 'fix the marked field.'} Autosave carries on once it is fixed.`,
      )
      return
    }
    // Someone else saved first, or the story left draft, or the role may not: stop and say so.
    stopped = true
    say(`${answer.error?.message ?? 'The draft could not be saved.'} Autosave has stopped; your text is still here.`)
  }

  async function save(): Promise<void> {
    if (inFlight || stopped || leaving || !autosaveUrl || changes === 0) return
    inFlight = send().finally(() => {
      inFlight = undefined
    })
    await inFlight
  }

  // Every control (text, select, the body editor's textarea) reports a change as `input`;
  // `change` is not counted, since a text field also sends it on blur with nothing new.
  form.addEventListener('input', () => {
    changes += 1
    if (autosaveUrl && !stopped) schedule(DEBOUNCE_MS)
  })

  form.addEventListener('submit', event => {
    clearTimeout(timer)
    if (inFlight) {
      // A button pressed while a save is on its way waits for it, then goes with its version.
      event.preventDefault()
      const submitter = event.submitter instanceof HTMLElement ? event.submitter : null
      say('Finishing the last save…')
      void inFlight.then(() => form.requestSubmit(submitter as HTMLButtonElement | null))
      return
    }
    leaving = true
  })

  window.addEventListener('beforeunload', event => {
    if (leaving || changes === 0) return
    // Browsers show their own words; these are for the few that still read them.
    event.preventDefault()
    event.returnValue = 'This story has changes that are not saved.'
  })
  // A page brought back from the back-forward cache is live again.
  window.addEventListener('pageshow', () => {
    leaving = false
  })
  window.addEventListener('online', () => {
    if (changes > 0 && !stopped) void save()
  })
}
