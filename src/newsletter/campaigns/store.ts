// SQL for campaigns: a draft an editor writes, then scheduled, sending, sent (or cancelled).
import type { Selectable } from 'kysely'
import type { Db } from '../../db/index.js'
import { readStoredBody, type BodyDocument } from '../../body/index.js'
import { parseJsonColumn } from '../../platform/json.js'
import { nowIso } from '../../platform/time.js'
import type { CampaignStatus, CampaignTemplate, NewsletterCampaignsTable } from '../schema.js'

/** What an editor writes. */
export interface CampaignDraft {
  listId: number
  subject: string
  /** The line mail apps show after the subject. */
  preheader: string
  template: CampaignTemplate
  intro: BodyDocument
  storyIds: number[]
  documentaryIds: number[]
}

/** One newsletter issue: what was written, and where its sending stands. */
export interface Campaign extends CampaignDraft {
  id: number
  status: CampaignStatus
  scheduledFor: string | null
  startedAt: string | null
  finishedAt: string | null
  version: number
  createdBy: number | null
  createdAt: string
  updatedAt: string
  /** Set while the mail relay is failing this send; see RelayPause. */
  pause: RelayPause | null
}

/** A send waiting out a relay that is down: since when, why, and when it tries again. */
export interface RelayPause {
  since: string
  /** When the send tries the relay again; null once it stopped trying (an editor resumes it). */
  nextTryAt: string | null
  reason: string
  /** Tries that failed since `since`. */
  failures: number
}

function toCampaign(row: Selectable<NewsletterCampaignsTable>): Campaign {
  return {
    id: row.id,
    listId: row.list_id,
    subject: row.subject,
    preheader: row.preheader,
    template: row.template,
    intro: readStoredBody(row.intro),
    storyIds: parseJsonColumn<number[]>(row.story_ids, []),
    documentaryIds: parseJsonColumn<number[]>(row.documentary_ids, []),
    status: row.status,
    scheduledFor: row.scheduled_for,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pause: row.paused_since
      ? {
          since: row.paused_since,
          nextTryAt: row.next_try_at,
          reason: row.pause_reason ?? '',
          failures: row.relay_failures,
        }
      : null,
  }
}

function draftColumns(draft: CampaignDraft) {
  return {
    list_id: draft.listId,
    subject: draft.subject,
    preheader: draft.preheader,
    template: draft.template,
    intro: JSON.stringify(draft.intro),
    story_ids: JSON.stringify(draft.storyIds),
    documentary_ids: JSON.stringify(draft.documentaryIds),
  }
}

export async function insertCampaign(db: Db, draft: CampaignDraft, createdBy: number | null): Promise<Campaign> {
  const now = nowIso()
  const row = await db
    .insertInto('newsletter_campaigns')
    .values({
      ...draftColumns(draft),
      status: 'draft',
      version: 1,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toCampaign(row)
}

export async function findCampaignById(db: Db, id: number): Promise<Campaign | undefined> {
  const row = await db.selectFrom('newsletter_campaigns').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toCampaign(row) : undefined
}

/** Campaigns, newest first. */
export async function listCampaigns(db: Db, options: { limit: number; offset?: number }): Promise<Campaign[]> {
  const rows = await db
    .selectFrom('newsletter_campaigns')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute()
  return rows.map(toCampaign)
}

/**
 * Saves a draft or scheduled campaign's content if it is still at `version`; answers the saved
 * campaign, or undefined when someone saved in between or the campaign is already sending.
 */
export async function updateCampaignDraft(
  db: Db,
  id: number,
  version: number,
  draft: CampaignDraft,
): Promise<Campaign | undefined> {
  const row = await db
    .updateTable('newsletter_campaigns')
    .set({ ...draftColumns(draft), version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', ['draft', 'scheduled'])
    .returningAll()
    .executeTakeFirst()
  return row ? toCampaign(row) : undefined
}

/** Moves a campaign from one of `from` to `to`; false when it was not in one of them (someone else moved it). */
export async function moveCampaign(
  db: Db,
  id: number,
  from: CampaignStatus[],
  to: CampaignStatus,
  extra: { scheduledFor?: string | null; startedAt?: string; finishedAt?: string } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_campaigns')
    .set({
      status: to,
      updated_at: nowIso(),
      ...(extra.scheduledFor !== undefined ? { scheduled_for: extra.scheduledFor } : {}),
      ...(extra.startedAt ? { started_at: extra.startedAt } : {}),
      ...(extra.finishedAt ? { finished_at: extra.finishedAt } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Records a sending campaign's pause (or that it stopped trying, `nextTryAt` null); false when it is not sending. */
export async function savePause(db: Db, id: number, pause: RelayPause): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_campaigns')
    .set({
      paused_since: pause.since,
      next_try_at: pause.nextTryAt,
      pause_reason: pause.reason.slice(0, 1000),
      relay_failures: pause.failures,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Ends a campaign's pause: the relay answered again, or an editor resumed the send. */
export async function clearPause(db: Db, id: number): Promise<void> {
  await db
    .updateTable('newsletter_campaigns')
    .set({ paused_since: null, next_try_at: null, pause_reason: null, relay_failures: 0, updated_at: nowIso() })
    .where('id', '=', id)
    .where('paused_since', 'is not', null)
    .execute()
}

/**
 * Moves a sending campaign to sent, only when every delivery is settled (sent, failed, unknown
 * or skipped): a delivery re-queued meanwhile (an editor's retry) keeps it sending.
 */
export async function finishCampaign(db: Db, id: number): Promise<boolean> {
  const now = nowIso()
  const result = await db
    .updateTable('newsletter_campaigns')
    .set({
      status: 'sent',
      finished_at: now,
      updated_at: now,
      paused_since: null,
      next_try_at: null,
      pause_reason: null,
      relay_failures: 0,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('newsletter_deliveries')
            .select('id')
            .where('campaign_id', '=', id)
            .where('status', 'in', ['queued', 'sending']),
        ),
      ),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Takes a sent campaign back to sending, for deliveries an editor queued again. */
export async function reopenSend(db: Db, id: number): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_campaigns')
    .set({ status: 'sending', finished_at: null, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
