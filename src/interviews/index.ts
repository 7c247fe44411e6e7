// The interviews part's door. Only the transcript reader so far (issue 13 is being built):
// the model, store, pages and media come next; see CONTEXT.md.
export { readTranscriptFile, detectTranscriptFormat, MAX_TRANSCRIPT_BYTES, type Passage, type TranscriptFormat } from './transcript-files.js'
