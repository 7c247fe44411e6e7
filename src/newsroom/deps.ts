// What the newsroom's routes are given. Types only: the door can name them without loading a view.
import type { Db } from '../db/index.js'
import type { ContentEvents } from '../platform/events.js'
import type { PageResponder } from '../platform/http/page-responder.js'
import type { Mailer } from '../platform/mail/index.js'
import type { Auth, Staff } from './auth.js'

/** What every newsroom page needs around its content. */
export interface NewsroomShell {
  siteName: string
  stylesheetHref: string
  /** The site's time zone (an IANA name): every time on the page is shown on its clock. */
  timeZone: string
  scripts?: string[] | undefined
}

/** The newsroom's dependencies, built once in app.ts. */
export interface NewsroomDeps {
  db: Db
  auth: Auth
  pages: PageResponder
  events: ContentEvents
  mailer: Mailer
  publicUrl: string
  /** Where mail is written when there is no SMTP server. */
  outboxDir: string
  shell: () => Promise<NewsroomShell>
}

export type { Staff }
