// POST /api/newsletter/events: the mail service reports bounces and complaints here. It is
// called by a server, not a browser: no cookies, no CSRF, other origins allowed; the shared
// secret (NEWSLETTER_WEBHOOK_SECRET) in `Authorization: Bearer …` is the whole of its
// authentication, checked before the body is read. Without a secret the route does not exist.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { insertAudit } from '../../newsroom/index.js'
import { DomainError } from '../../platform/errors.js'
import type { NewsletterAdminDeps } from '../deps.js'
import { normalizeEmail } from '../../platform/email.js'
import { applyDeliveryReport, type DeliveryReport } from './store.js'

export const EVENTS_PATH = '/api/newsletter/events'
/** The most reports one call may carry. */
export const MAX_EVENTS = 1000

const EventsBody = Type.Object({
  events: Type.Array(
    Type.Object({
      type: Type.Union([Type.Literal('bounce'), Type.Literal('complaint')]),
      email: Type.String({ minLength: 1, maxLength: 320 }),
      reason: Type.Optional(Type.String({ maxLength: 2000 })),
      /** For a bounce: false for a temporary one (a full mailbox). Unset means permanent. */
      permanent: Type.Optional(Type.Boolean()),
    }),
    { maxItems: MAX_EVENTS },
  ),
})
const EventsReply = Type.Object({ processed: Type.Integer(), ignored: Type.Integer() })

const digest = (text: string) => createHash('sha256').update(text).digest()

/** Whether the request carries the secret; hashes are compared, so the time taken says nothing about it. */
function carriesSecret(request: FastifyRequest, expected: Buffer): boolean {
  const header = request.headers.authorization ?? ''
  const token = /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? ''
  return timingSafeEqual(digest(token), expected)
}

/** A reason as stored: one line of plain text, of a sensible length. */
function cleanReason(reason: string | undefined): string {
  const text = (reason ?? '')
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500)
  return text || 'reported by the mail service'
}

/** Registers the bounce and complaint webhook, when a secret is configured. */
export function registerEventWebhook(
  app: FastifyInstance,
  deps: Pick<NewsletterAdminDeps, 'db' | 'webhookSecret'>,
): void {
  if (!deps.webhookSecret) return
  const expected = digest(deps.webhookSecret)
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.post(
    EVENTS_PATH,
    {
      config: { crossSite: 'allow' },
      bodyLimit: 1024 * 1024,
      schema: { body: EventsBody, response: { 200: EventsReply } },
      onRequest: async request => {
        if (!carriesSecret(request, expected))
          throw new DomainError(
            'unauthorized',
            'Send the webhook secret in the Authorization header: “Bearer <secret>”.',
          )
      },
    },
    async request => {
      const reports: DeliveryReport[] = []
      let ignored = 0
      for (const event of request.body.events) {
        const email = normalizeEmail(event.email)
        if (!email) {
          ignored += 1
          continue
        }
        reports.push({
          type: event.type,
          email,
          reason: cleanReason(event.reason),
          permanent: event.permanent !== false,
        })
      }
      const processed = await deps.db.transaction().execute(async trx => {
        let known = 0
        for (const report of reports) if (await applyDeliveryReport(trx, report)) known += 1
        if (known > 0)
          await insertAudit(trx, {
            accountId: null,
            action: 'newsletter-reports',
            subject: 'newsletter-subscribers',
            detail: { processed: known, ignored: ignored + reports.length - known },
            ip: request.ip,
          })
        return known
      })
      return { processed, ignored: ignored + reports.length - processed }
    },
  )
}
