// The newsroom's subscriber pages: the list (editors and up), one subscriber's page, and the
// admin's actions on personal data — unsubscribing, marking as bounced, erasing, exporting —
// each an action of actions.ts, audited. Import and the bounce webhook are registered from here too.
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import { actorOf, hasRole } from '../../newsroom/index.js'
import { sendNewsroomPage } from '../../newsroom/views.js'
import { InvalidInput, NotFound } from '../../platform/errors.js'
import { isoToWallTime, nowIso } from '../../platform/time.js'
import type { Db } from '../../db/index.js'
import type { NewsletterAdminDeps } from '../deps.js'
import { listNewsletterLists } from '../lists.js'
import { SUBSCRIBER_STATUSES } from '../schema.js'
import { eraseSubscriber, exportSubscribers, markSubscriberAs } from './actions.js'
import { csvLine } from './csv.js'
import { registerImportRoutes } from './import-admin.js'
import { registerEventWebhook } from './webhook.js'
import {
  countByStatus,
  findSubscriber,
  listSubscriberDeliveries,
  listSubscribers,
  subscriberPages,
  type SubscriberFilter,
} from './store.js'
import { SubscriberListPage, NEWSLETTER_SECTION, SUBSCRIBERS_PATH } from './views/subscriber-list.js'
import { SubscriberPage } from './views/subscriber-page.js'
import { IdParams } from '../../platform/http/integer-inputs.js'

const PAGE_SIZE = 50
const FilterQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Type.Union([Type.Literal(''), ...SUBSCRIBER_STATUSES.map(s => Type.Literal(s))])),
  list: Type.Optional(Type.String({ pattern: '^[0-9]{0,9}$' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
})
const MarkBody = Type.Object({
  as: Type.Union([Type.Literal('unsubscribed'), Type.Literal('bounced')]),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
})
const DeleteBody = Type.Object({
  confirm: Type.Optional(Type.String({ maxLength: 5 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
})

const DONE: Record<string, string> = { erased: 'The subscriber was erased.' }
const MARKED: Record<string, string> = {
  unsubscribed: 'Unsubscribed: this address gets no more newsletters.',
  bounced: 'Marked as bounced: this address gets no more newsletters.',
}

/** The filter a list or export address asks for. */
function readFilter(query: Static<typeof FilterQuery>): SubscriberFilter {
  return {
    q: query.q?.trim() || undefined,
    status: query.status || undefined,
    listId: query.list ? Number(query.list) : undefined,
  }
}

/** The export's lines: the header, then every matching subscriber, fetched a thousand at a time. */
async function* exportLines(db: Db, filter: SubscriberFilter): AsyncGenerator<string> {
  yield csvLine(['email', 'status', 'lists', 'created_at', 'confirmed_at', 'unsubscribed_at', 'consent', 'source'])
  for await (const page of subscriberPages(db, filter)) {
    yield page
      .map(s =>
        csvLine([
          s.email,
          s.status,
          s.lists.map(l => l.slug).join(' '),
          s.createdAt,
          s.confirmedAt ?? '',
          s.unsubscribedAt ?? '',
          s.consent,
          s.source,
        ]),
      )
      .join('')
  }
}

/** Registers the subscriber pages under /newsroom/newsletter/subscribers, the import, and the bounce webhook. */
export function registerSubscriberAdminRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  registerSubscriberListRoutes(app, deps)
  registerSubscriberPageRoutes(app, deps)
  registerImportRoutes(app, deps)
  registerEventWebhook(app, deps)
}

/** The list of subscribers and its CSV export. */
function registerSubscriberListRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    SUBSCRIBERS_PATH,
    { config: { auth: 'editor' }, schema: { querystring: FilterQuery } },
    async (request, reply) => {
      const staff = request.staff
      const filter = readFilter(request.query)
      const [list, counts, lists] = await Promise.all([
        listSubscribers(deps.db, { ...filter, page: request.query.page ?? 1, pageSize: PAGE_SIZE }),
        countByStatus(deps.db, filter),
        listNewsletterLists(deps.db),
      ])
      return sendNewsroomPage(deps, request, reply, {
        title: 'Subscribers',
        path: NEWSLETTER_SECTION,
        staff,
        children: (
          <SubscriberListPage
            filter={filter}
            list={list}
            counts={counts}
            lists={lists}
            isAdmin={hasRole(staff.account.role, 'admin')}
            done={DONE[request.query.done ?? '']}
          />
        ),
      })
    },
  )

  r.get(
    `${SUBSCRIBERS_PATH}.csv`,
    { config: { auth: 'admin' }, schema: { querystring: FilterQuery } },
    async (request, reply) => {
      const filter = readFilter(request.query)
      await exportSubscribers(deps, actorOf(request), filter)
      // The file is named for the day on the newsroom's clock, as every date the newsroom shows.
      const day = isoToWallTime(nowIso(), (await deps.shell()).timeZone).slice(0, 10)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="subscribers-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(exportLines(deps.db, filter)))
    },
  )
}

/** One subscriber's page, and the admin's marking and erasing. */
function registerSubscriberPageRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    `${SUBSCRIBERS_PATH}/:id`,
    {
      config: { auth: 'editor' },
      schema: { params: IdParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) },
    },
    async (request, reply) => {
      const staff = request.staff
      const subscriber = await findSubscriber(deps.db, request.params.id)
      if (!subscriber) throw new NotFound('subscriber', request.params.id)
      const deliveries = await listSubscriberDeliveries(deps.db, subscriber.id)
      return sendNewsroomPage(deps, request, reply, {
        title: subscriber.email,
        path: NEWSLETTER_SECTION,
        staff,
        children: (
          <SubscriberPage
            subscriber={subscriber}
            deliveries={deliveries}
            isAdmin={hasRole(staff.account.role, 'admin')}
            csrf={staff.session.csrfToken}
            done={MARKED[request.query.done ?? '']}
          />
        ),
      })
    },
  )

  r.post(
    `${SUBSCRIBERS_PATH}/:id/mark`,
    { config: { auth: 'admin' }, schema: { params: IdParams, body: MarkBody } },
    async (request, reply) => {
      const { id } = request.params
      await markSubscriberAs(deps, actorOf(request), id, {
        as: request.body.as,
        note: request.body.reason ?? '',
        by: request.staff.account.email,
      })
      return reply.redirect(`${SUBSCRIBERS_PATH}/${id}?done=${request.body.as}`, 303)
    },
  )

  r.post(
    `${SUBSCRIBERS_PATH}/:id/delete`,
    { config: { auth: 'admin' }, schema: { params: IdParams, body: DeleteBody } },
    async (request, reply) => {
      if (request.body.confirm !== '1')
        throw new InvalidInput('Tick the box to confirm that this subscriber should be erased; nothing was changed.')
      await eraseSubscriber(deps, actorOf(request), request.params.id)
      return reply.redirect(`${SUBSCRIBERS_PATH}?done=erased`, 303)
    },
  )
}
