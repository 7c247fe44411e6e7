// Autosave for drafts: a few seconds after the last change, the story form is sent as JSON
// with the version it started from. A save someone else made first is reported, never
// overwritten, and the text stays in the form.
const form = document.querySelector<HTMLFormElement>('form[data-autosave-url]')
const status = document.querySelector<HTMLElement>('[data-autosave-status]')

function fieldsOf(target: HTMLFormElement): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {}
  for (const [name, value] of new FormData(target)) {
    if (typeof value !== 'string') continue
    const existing = fields[name]
    if (existing === undefined) fields[name] = value
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return fields
}

function say(text: string): void {
  if (status) status.textContent = text
}

if (form) {
  const url = form.dataset.autosaveUrl ?? ''
  const versionInput = form.querySelector<HTMLInputElement>('input[name="version"]')
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
  let timer: ReturnType<typeof setTimeout> | undefined
  let saving = false
  let stopped = false

  const save = async () => {
    if (saving || stopped) return
    saving = true
    say('Saving…')
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, accept: 'application/json' },
        body: JSON.stringify(fieldsOf(form)),
      })
      const answer = (await response.json().catch(() => ({}))) as { version?: number; savedAt?: string; error?: { message?: string } }
      if (response.ok && answer.version && versionInput) {
        versionInput.value = String(answer.version)
        say(`Draft saved at ${new Date(answer.savedAt ?? Date.now()).toLocaleTimeString()}`)
      } else {
        if (response.status === 409) stopped = true
        say(answer.error?.message ?? 'The draft could not be saved. Your text is still here.')
      }
    } catch {
      say('Offline: the draft will be saved when the connection returns.')
    } finally {
      saving = false
    }
  }

  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void save(), 2500)
  })
  window.addEventListener('online', () => void save())
}
