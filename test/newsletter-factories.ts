// Newsletter rows for tests: lists, subscribers in any status, campaigns ready to send.
import type { Db } from '../src/db/index.js'
import {
  insertCampaign,
  insertList,
  moveCampaign,
  queueCampaignSend,
  type Campaign,
  type NewsletterList,
  type SubscriberStatus,
} from '../src/newsletter/index.js'

let made = 0

export async function makeList(db: Db, o: { slug?: string; name?: string } = {}): Promise<NewsletterList> {
  made += 1
  return insertList(db, {
    slug: o.slug ?? `list-${made}-${Date.now().toString(36)}`,
    name: o.name ?? `List ${made}`,
    position: made,
  })
}

/** Adds `count` subscribers of `listId` in one statement per 500; answers their addresses in id order. */
export async function makeSubscribers(
  db: Db,
  listId: number,
  count: number,
  o: { status?: SubscriberStatus; prefix?: string } = {},
): Promise<string[]> {
  const status = o.status ?? 'confirmed'
  const prefix = o.prefix ?? `reader-${listId}-${status}`
  const now = new Date().toISOString()
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@example.org`)
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db
      .insertInto('newsletter_subscribers')
      .values(
        emails.slice(i, i + 500).map(email => ({
          email,
          status,
          source: 'test',
          created_at: now,
          updated_at: now,
          consent: 'test',
          confirmed_at: status === 'confirmed' ? now : null,
        })),
      )
      .returning('id')
      .execute()
    await db
      .insertInto('newsletter_subscriptions')
      .values(rows.map(r => ({ subscriber_id: r.id, list_id: listId, created_at: now })))
      .execute()
  }
  return emails
}

/** A campaign for `listId`, scheduled now with its send job queued (run it with `jobs.runDueJobs()`). */
export async function makeScheduledCampaign(db: Db, listId: number, o: { subject?: string } = {}): Promise<Campaign> {
  const campaign = await insertCampaign(
    db,
    {
      listId,
      subject: o.subject ?? 'This week at the newsroom',
      preheader: 'Three films and a correction',
      template: 'standard',
      intro: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello, readers & friends <3' }] }],
      },
      storyIds: [],
      documentaryIds: [],
    },
    null,
  )
  await moveCampaign(db, campaign.id, ['draft'], 'scheduled', { scheduledFor: new Date().toISOString() })
  await queueCampaignSend(db, campaign.id)
  return { ...campaign, status: 'scheduled' }
}
