// The island of the newsroom's media pages (a documentary's film, an episode's audio, an
// interview's video; their views are src/media/pipeline/views/job-page.tsx): uploading a master
// through the resumable upload API and attaching it, uploading a WebVTT track and posting its
// form, and polling the job that processes the master. Each page names its elements with its own
// data prefix (`film`, `audio`, …): `form[data-master-upload=<p>]` holds `[data-<p>-upload-status]`
// and `[data-<p>-upload-progress]`; `form[data-track-upload=<t>]` likewise; the status box
// (`[data-job-media=<p>]`) carries `data-<p>-status(-url)` and the words for each state.
import { serverMessage, uploadFile } from '../shared/upload.js'

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The page's CSRF token, from its forms. */
export const pageCsrf = () => document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''

/** Uploads the chosen master, attaches it by posting its id as JSON to the form's action, and reloads to show it queued. */
export function wireMasterUpload(
  form: HTMLFormElement,
  o: { prefix: string; kind: 'video' | 'audio'; noun: string; csrf: string },
): void {
  const say = form.querySelector<HTMLElement>(`[data-${o.prefix}-upload-status]`)
  const bar = form.querySelector<HTMLProgressElement>(`[data-${o.prefix}-upload-progress]`)
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  form.addEventListener('submit', event => {
    event.preventDefault()
    const file = form.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0]
    if (!file) return
    if (button) button.disabled = true
    if (bar) {
      bar.hidden = false
      bar.value = 0
    }
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
          method: 'POST',
          credentials: 'same-origin',
          body: JSON.stringify({ upload: id }),
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
  form.addEventListener('submit', event => {
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
export function pollJobStatus(
  box: HTMLElement,
  o: { prefix: string; show(state: JobState, previous: string | undefined): void },
): void {
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
    } catch {
      /* try again on the next tick */
    }
    setTimeout(() => void poll(), 2000)
  }
  setTimeout(() => void poll(), 2000)
}

/** Wires the page's forms and its status box, read from their data attributes. */
export function startJobMediaPage(): void {
  const box = document.querySelector<HTMLElement>('[data-job-media]')
  const prefix = box?.dataset.jobMedia
  if (!box || !prefix) return
  const csrf = pageCsrf()
  for (const p of document.querySelectorAll('noscript')) p.remove()
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-master-upload]')) {
    const kind = form.dataset.kind === 'audio' ? 'audio' : 'video'
    wireMasterUpload(form, { prefix: form.dataset.masterUpload ?? prefix, kind, noun: form.dataset.noun ?? kind, csrf })
  }
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-track-upload]')) {
    wireTrackUpload(form, { prefix: form.dataset.trackUpload ?? 'track', noun: form.dataset.noun ?? 'file', csrf })
  }
  const text = box.querySelector<HTMLElement>('[data-job-status-text]')
  const progress = box.querySelector<HTMLProgressElement>('[data-job-progress]')
  const percent = box.querySelector<HTMLElement>('[data-job-percent]')
  pollJobStatus(box, {
    prefix,
    show(state, previous) {
      const fraction = state.progress ?? 0
      if (progress) progress.value = fraction
      if (percent) percent.textContent = `${Math.round(fraction * 100)}%`
      // Only a change of state is announced, so the live region stays quiet while it waits.
      if (text && previous !== state.status)
        text.textContent =
          (state.status === 'queued' ? box.dataset.queuedText : box.dataset.processingText) ?? state.status
    },
  })
}
