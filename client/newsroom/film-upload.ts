// The film page's island: uploads a video through the resumable upload API, attaches it to the
// documentary, and polls the transcode status every 2 s, reloading once the film is ready or
// has failed; uploads a captions file the same way, then posts the captions form with its id.
import { pageCsrf, pollJobStatus, wireMasterUpload, wireTrackUpload } from './job-media-page.js'

const filmForm = document.querySelector<HTMLFormElement>('form[data-film-upload]')
const captionsForm = document.querySelector<HTMLFormElement>('form[data-captions-upload]')
const statusBox = document.querySelector<HTMLElement>('[data-film-status-url]')

if (statusBox) {
  const csrf = pageCsrf()
  for (const p of document.querySelectorAll('noscript')) p.remove()
  if (filmForm) wireMasterUpload(filmForm, { prefix: 'film', kind: 'video', noun: 'film', csrf })
  if (captionsForm) wireTrackUpload(captionsForm, { prefix: 'captions', noun: 'captions', csrf })
  const progress = statusBox.querySelector<HTMLProgressElement>('[data-film-progress]')
  const percent = statusBox.querySelector<HTMLElement>('[data-film-percent]')
  pollJobStatus(statusBox, {
    prefix: 'film',
    show(state) {
      const fraction = state.progress ?? 0
      if (progress) progress.value = fraction
      if (percent) percent.textContent = `${state.status === 'queued' ? 'Queued' : 'Transcoding'}: ${Math.round(fraction * 100)}%`
    },
  })
}
