// The demo episodes' generated audio and transcripts: every episode's master renders (with the
// npm-shipped ffmpeg too), lasts as long as its content says, and its transcript is valid WebVTT.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probeAudio } from '../src/platform/ffmpeg.js'
import { validateWebVtt } from '../src/platform/webvtt.js'
import { demoContent } from '../src/demo/content/index.js'
import { demoTranscript, renderDemoAudio } from '../src/podcasts/index.js'

describe('the demo podcast', () => {
  it('renders each episode’s master at its length, with chapters inside it and a valid transcript', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsreel-demo-audio-test-'))
    try {
      for (const [index, episode] of demoContent.podcast.episodes.entries()) {
        const file = join(dir, `${index}.flac`)
        writeFileSync(file, await renderDemoAudio(index, episode.seconds))
        const probe = await probeAudio(file)
        assert.ok(Math.abs(probe.durationSeconds - episode.seconds) < 0.5, `${episode.slug}: ${probe.durationSeconds}`)
        assert.ok(
          episode.chapters.every(c => c.startSeconds < episode.seconds),
          `${episode.slug}: chapters within the audio`,
        )
        assert.doesNotThrow(() => validateWebVtt(demoTranscript(episode.transcript, episode.seconds)))
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
