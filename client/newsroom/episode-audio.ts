// The episode audio page's island: uploads an audio master through the resumable upload API,
// attaches it to the episode, and polls the audio job every 2 s, reloading once it is ready or
// has failed; uploads a WebVTT transcript the same way, then posts the form with its id.
import { pageCsrf, pollJobStatus, wireMasterUpload, wireTrackUpload } from './job-media-page.js'

const audioForm = document.querySelector<HTMLFormElement>('form[data-audio-upload]')
const transcriptForm = document.querySelector<HTMLFormElement>('form[data-transcript-upload]')
const statusBox = document.querySelector<HTMLElement>('[data-audio-status-url]')

if (statusBox) {
  const csrf = pageCsrf()
  for (const p of document.querySelectorAll('noscript')) p.remove()
  if (audioForm) wireMasterUpload(audioForm, { prefix: 'audio', kind: 'audio', noun: 'audio', csrf })
  if (transcriptForm) wireTrackUpload(transcriptForm, { prefix: 'transcript', noun: 'transcript', csrf })
  const text = statusBox.querySelector<HTMLElement>('[data-audio-status-text]')
  pollJobStatus(statusBox, {
    prefix: 'audio',
    show(state, previous) {
      // Only a change of state is announced, so the live region stays quiet while it waits.
      if (text && previous !== state.status) text.textContent = state.status === 'queued' ? 'Queued for processing.' : 'Processing: normalising loudness, making MP3 and AAC.'
    },
  })
}
