// The durable job queue: what other code may use. See CONTEXT.md for the words and guarantees.
export { JOB_STATUSES, type JobStatus, type JobsTable } from './schema.js'
export {
  DEFAULT_MAX_ATTEMPTS,
  cancelJob,
  enqueueJob,
  findJobByKey,
  jobCounts,
  listJobs,
  pruneFinishedJobs,
  type Job,
  type NewJob,
} from './store.js'
export { backoffMs } from './lease.js'
export { recurringJob, type RecurringJob } from './recurring.js'
export {
  createJobRunner,
  combineRunners,
  type JobContext,
  type JobHandler,
  type JobLog,
  type JobRunner,
  type JobRunnerOptions,
} from './runner.js'
