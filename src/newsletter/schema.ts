// Table types owned by the newsletter part.
import type { Generated } from 'kysely'

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number]

/** One address that asked for the newsletter. Only a confirmed one is ever sent a campaign. */
export interface NewsletterSubscribersTable {
  id: Generated<number>
  /** Lower-cased, trimmed. */
  email: string
  status: SubscriberStatus
  /** Where the sign-up came from: the page path, `import`, ... */
  source: string
  created_at: string
  updated_at: string
  /** Random value inside the confirmation link in flight; cleared when used, so a link works once. */
  confirm_nonce: string | null
  confirm_sent_at: string | null
  confirmed_at: string | null
  unsubscribed_at: string | null
  /** How consent was given: `double opt-in`, or an import's recorded assertion. */
  consent: Generated<string>
  /** Why the status is what it is, when a machine set it: a bounce or complaint report. */
  status_reason: Generated<string>
}

/** One newsletter a reader can pick (the weekly digest, documentary premieres, ...). */
export interface NewsletterListsTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  position: number
  created_at: string
}

/** A subscriber's choice of a list. */
export interface NewsletterSubscriptionsTable {
  subscriber_id: number
  list_id: number
  created_at: string
}

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

export const CAMPAIGN_TEMPLATES = ['standard', 'digest'] as const
export type CampaignTemplate = (typeof CAMPAIGN_TEMPLATES)[number]

/** One newsletter issue: its list, subject, intro (a body document) and chosen cards. */
export interface NewsletterCampaignsTable {
  id: Generated<number>
  list_id: number
  subject: string
  preheader: string
  template: CampaignTemplate
  /** Body document JSON (the same schema as a story's body). */
  intro: string
  /** JSON arrays of ids, in the order the cards appear. */
  story_ids: string
  documentary_ids: string
  status: CampaignStatus
  scheduled_for: string | null
  started_at: string | null
  finished_at: string | null
  version: number
  created_by: number | null
  created_at: string
  updated_at: string
  /** Since when the mail relay has been failing this send (it is paused); null when it is not. */
  paused_since: string | null
  /** When a paused send tries the relay again; null while paused means it stopped trying and waits for an editor. */
  next_try_at: string | null
  /** The relay's last failure, credentials removed. */
  pause_reason: string | null
  /** Tries that failed since `paused_since`: the next wait doubles with each. */
  relay_failures: Generated<number>
}

/**
 * Where one delivery stands. `sending` is written before the message is handed to SMTP and
 * `sent` after the relay accepted it; a run that died between the two leaves `sending`, which
 * the next run records as `unknown` and never sends again.
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'unknown', 'skipped'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** The outbox: one row per (campaign, subscriber), made when the send starts. */
export interface NewsletterDeliveriesTable {
  id: Generated<number>
  campaign_id: number
  subscriber_id: number
  email: string
  /** Stable for this (campaign, subscriber): a retry is the same message. */
  message_id: string
  status: DeliveryStatus
  attempts: number
  next_attempt_at: string
  /** The run that marked it `sending`; only that run may confirm it. */
  claimed_by: string | null
  claimed_at: string | null
  sent_at: string | null
  last_error: string | null
  /** Set when the reader left through this campaign's link. */
  unsubscribed_at: string | null
  /** Since when the recipient's server has been answering "try again later" (4xx); cleared when it is sent. */
  deferred_since: string | null
}
