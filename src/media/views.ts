// The media part's second door: the views other parts render. Kept apart from index.ts so
// that importing the part's data (as a worker does) loads no page code.
export { Picture, type PictureProps } from './views/picture.js'
export {
  FormProblems,
  JobStatusBox,
  MasterUploadForm,
  PageSection,
  ProblemSummary,
  RetryForm,
  type JobWords,
} from './pipeline/views/job-page.js'
