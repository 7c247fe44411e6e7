// What the film page and the episode audio page share: uploading a master through the resumable
// upload API and attaching it, uploading a WebVTT track and posting its form, and polling the
// job that processes the master. Each page names its elements with its own data prefix
// (`film`, `audio`, …): `form[data-<p>-upload]` holds `[data-<p>-upload-status]` and
// `[data-<p>-upload-progress]`; the status box carries `data-<p>-status(-url)`.
import { serverMessage, uploadFile } from '../shared/upload.js'

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The page's CSRF token, from its forms. */
export const pageCsrf = () => document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''

/** Uploads the chosen master, attaches it by posting its id as JSON to the form's action, and reloads to show it queued. */
export function wireMasterUpload(form: HTMLFormElement, o: { prefix: string; kind: 'video' | 'audio'; noun: string; csrf: string }): void {
  const say = form.querySelector<HTMLElement>(`[data-${o.prefix}-upload-status]`)
  const bar = form.querySelector<HTMLProgressElement>(`[data-${o.prefix}-upload-progress]`)
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const file = form.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0]
    if (!file) return
    if (button) button.disabled = true
    if (bar) { bar.hidden = false; bar.value = 0 }
    const show = (sent: number) => {
      const fraction = file.size ? sent / file.size : 1
      if (bar) bar.value = fraction
      if (say) say.textContent = `Uploading: ${Math.round(fraction * 100)}%`
    }
    show(0)
    void (async () => {
      try {
        const { id } = await uploadFile(file, { kind: o.kind, csrf: o.csrf, onProgress: show })
        if (say) say.textContent = `Uploaded; attaching the ${o.noun}…`
        const res = await fetch(form.action, {
          method: 'POST', credentials: 'same-origin', body: JSON.stringify({ upload: id }),
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': o.csrf },
        })
        if (!res.ok) throw new Error(serverMessage(res.status, await res.text()))
        location.reload()
      } catch (error) {
        if (say) say.textContent = `The upload failed: ${errorText(error)}`
        if (button) button.disabled = false
      }
    })()
  })
}

/**
 * Uploads the chosen WebVTT file, then submits the form itself with the upload's id (and
 * without the file), so the server's page says whether the track was taken.
 */
export function wireTrackUpload(form: HTMLFormElement, o: { prefix: string; noun: string; csrf: string }): void {
  const say = form.querySelector<HTMLElement>(`[data-${o.prefix}-upload-status]`)
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  const fileInput = form.querySelector<HTMLInputElement>('input[type="file"]')
  const uploadInput = form.querySelector<HTMLInputElement>('input[name="upload"]')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const file = fileInput?.files?.[0]
    if (!file || !fileInput || !uploadInput) return
    if (button) button.disabled = true
    if (say) say.textContent = `Uploading the ${o.noun}…`
    void (async () => {
      try {
        uploadInput.value = (await uploadFile(file, { kind: 'captions', csrf: o.csrf })).id
        if (say) say.textContent = `Uploaded; saving the ${o.noun}…`
        fileInput.disabled = true
        form.submit()
      } catch (error) {
        if (say) say.textContent = `The upload failed: ${errorText(error)}`
        if (button) button.disabled = false
      }
    })()
  })
}

/** The job's state as the status endpoint answers it. */
export interface JobState {
  status: string
  progress?: number
}

/** While the master is queued or processing, polls every 2 s, shows each state, and reloads once the job is done. */
export function pollJobStatus(box: HTMLElement, o: { prefix: string; show(state: JobState, previous: string | undefined): void }): void {
  const attribute = `data-${o.prefix}-status`
  const url = box.getAttribute(`${attribute}-url`) ?? ''
  if (box.getAttribute(attribute) !== 'queued' && box.getAttribute(attribute) !== 'processing') return
  const poll = async () => {
    try {
      const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      if (res.ok) {
        const state = (await res.json()) as JobState
        if (state.status === 'ready' || state.status === 'failed' || state.status === 'none') return location.reload()
        o.show(state, box.getAttribute(attribute) ?? undefined)
        box.setAttribute(attribute, state.status)
      }
    } catch { /* try again on the next tick */ }
    setTimeout(() => void poll(), 2000)
  }
  setTimeout(() => void poll(), 2000)
}
