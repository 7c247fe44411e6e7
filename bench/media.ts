// The media bench: transcode overhead against plain ffmpeg, and the server's memory while it
// receives a 1 GiB upload. Run alone with `npm run bench -- media`.
import type { BenchRow } from './results.js'
import { benchTranscode } from './media-transcode.js'
import { benchUploadMemory } from './media-upload.js'

/** Runs both media benches and returns their rows. The upload goes first: it takes seconds, the transcodes minutes. */
export async function benchMedia(): Promise<BenchRow[]> {
  const upload = await benchUploadMemory()
  const transcode = await benchTranscode()
  return [...transcode, ...upload]
}
