// The interviews part's door (data): the model, its store and the transcript reader. The
// views other parts render come through `views.ts`; see CONTEXT.md.
export {
  INTERVIEW_STATUSES,
  NOTE_KINDS,
  WITHHELD_REASONS,
  type InterviewStatus,
  type NoteKind,
  type WithheldReason,
} from './schema.js'
export {
  readTranscriptFile,
  detectTranscriptFormat,
  MAX_TRANSCRIPT_BYTES,
  type Passage,
  type TranscriptFormat,
} from './transcript-files.js'
export {
  findInterviewById,
  findInterviewBySlug,
  findInterviewLinks,
  findInterviewsByIds,
  listInterviews,
  type Interview,
  type InterviewFields,
  type InterviewFilter,
  type InterviewLinks,
} from './store.js'
export { listFilmMoments, type FilmMoment, type NewFilmMoment } from './film-moments.js'
export {
  listNotes,
  listPassages,
  listPassageTimes,
  withheldSpans,
  type NoteFields,
  type PassageNote,
  type PassageTime,
  type StoredPassage,
} from './passages.js'
export { listRevisions, type InterviewRevision, type InterviewSnapshot } from './revisions.js'
export { syncInterviewSearch, listInterviewSearchDocuments } from './search.js'
export { interviewUrl, passageAnchor, passageUrl, readSpan, spanUrl, SPAN_PATTERN, type AskedSpan } from './urls.js'
export { transcriptTrack } from './captions.js'
export {
  firstMatchingPassage,
  interviewSearchHitUrl,
  latestInterviews,
  listPublishedInterviewSlugs,
  type PublishedInterview,
} from './discovery.js'
export {
  createInterview,
  updateInterview,
  submitInterviewForReview,
  clearInterview,
  publishInterview,
  returnInterviewToDraft,
  unpublishInterview,
  type InterviewInput,
} from './actions.js'
export {
  fillTranscript,
  withholdPassages,
  releasePassages,
  addNote,
  editNote,
  removeNote,
  checkNote,
  NOTE_LIMITS,
  type InterviewMediaDeps,
  type NoteInput,
  type TranscriptUpload,
} from './transcript-actions.js'
export {
  listDocumentaryInterviews,
  listPersonInterviews,
  type InterviewListEntry,
  type InterviewListMoment,
} from './listings.js'
export {
  DEMO_INTERVIEW_MASTER_JOB,
  createDemoInterviewMasterHandler,
  renderDemoInterviewMaster,
  seedDemoInterview,
  type DemoInterviewSeed,
} from './demo.js'
