// What the newsletter's routes need from the app, named once for its public and newsroom sides.
import type { PublicDeps } from '../site/index.js'
import type { NewsroomDeps } from '../newsroom/index.js'
import type { Mailer } from '../platform/mail/index.js'
import type { LinkKeys } from './links.js'

/** The reader's side: sign-up, confirmation, preferences, unsubscribe, web versions of issues. */
export interface NewsletterPublicDeps extends PublicDeps, LinkKeys {
  /** For confirmation mail (the app's ordinary mailer, not the newsletter sender's pool). */
  mailer: Mailer
  /** Asks the job runner for a pass now (after queueing a job in this process). */
  wakeJobs: () => void
}

/** The newsroom's side: campaigns, subscribers, lists. */
export interface NewsletterAdminDeps extends NewsroomDeps, LinkKeys {
  wakeJobs: () => void
  /** The rich-text editor's script and stylesheet, for a campaign's intro. */
  editorScripts: string[]
  editorStylesheets: string[]
  /** The shared secret of the bounce and complaint webhook; the webhook is off without it. */
  webhookSecret?: string | undefined
  /** The public side's dependencies, to render previews exactly as readers get them. */
  publicDeps: PublicDeps
}
