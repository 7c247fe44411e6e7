// The pages behind the signed links in our mails: confirm, preferences, unsubscribe (RFC 8058
// one-click included). Each reads its link first; a link cut short, forged or expired gets a page
// that says so, never a schema error.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { InvalidInput } from '../platform/errors.js'
import { sendPage, type PageToSend } from '../site/views.js'
import { checkConfirmation, confirmSignup, isConfirmed, type ConfirmState } from './confirm.js'
import type { NewsletterPublicDeps } from './deps.js'
import { leave } from './leave.js'
import {
  linkSearch,
  readConfirmLink,
  readPreferencesLink,
  readUnsubscribeLink,
  type ConfirmLink,
  type LinkProblem,
} from './link-query.js'
import { preferencesUrl } from './links.js'
import { listNewsletterLists } from './lists.js'
import { loadPreferences, savePreferences } from './preferences.js'
import { findSubscriberById } from './store.js'
import { ConfirmPrompt, ConfirmUsed, Confirmed } from './views/confirm-page.js'
import { LinkProblemPage } from './views/link-problem.js'
import { NotSubscribed, PreferencesPage } from './views/preferences-page.js'
import { UnsubscribePrompt, Unsubscribed } from './views/unsubscribe-page.js'

export const ListIds = Type.Optional(Type.Array(Type.String({ maxLength: 12 }), { maxItems: 50 }))

// Every part optional: a link cut short gets a page that says so, not a schema error.
const LinkParts = Type.Object({
  s: Type.Optional(Type.String({ maxLength: 20 })),
  n: Type.Optional(Type.String({ maxLength: 100 })),
  c: Type.Optional(Type.String({ maxLength: 20 })),
  exp: Type.Optional(Type.String({ maxLength: 20 })),
  sig: Type.Optional(Type.String({ maxLength: 200 })),
})

const PreferencesBody = Type.Object({
  lists: ListIds,
  action: Type.Optional(Type.Union([Type.Literal('save'), Type.Literal('leave')])),
})

// RFC 8058: mail providers post `List-Unsubscribe=One-Click`; our own button posts the same.
const OneClickBody = Type.Object({ 'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 100 })) })

type Reply = Promise<FastifyReply>

/** A reader's page behind a link: never indexed, no sign-up box, never cached. */
function readerPage(
  deps: NewsletterPublicDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  title: string,
  content: PageToSend['content'],
  o: { status?: number | undefined; path: string },
): Reply {
  return sendPage(deps, request, reply, {
    tags: [],
    hideNewsletter: true,
    status: o.status,
    content,
    meta: { title, description: title, path: o.path, noindex: true },
  })
}

/** The page for a link that does not work: expired, forged or cut short. */
function linkProblemPage(
  deps: NewsletterPublicDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  problem: LinkProblem,
  kind: 'confirmation' | 'preferences' | 'unsubscribe',
): Reply {
  const title = problem === 'expired' ? 'This link has expired' : 'This link does not work'
  return readerPage(deps, request, reply, title, <LinkProblemPage problem={problem} kind={kind} />, {
    status: 400,
    path: `/newsletter/${kind === 'confirmation' ? 'confirm' : kind}`,
  })
}

/** The confirmation link: opening it shows a button, and the button's post confirms. */
export function registerConfirmRoutes(app: FastifyInstance, deps: NewsletterPublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const path = '/newsletter/confirm'
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    content: PageToSend['content'],
    status?: number,
  ) => readerPage(deps, request, reply, title, content, { path, status })

  // An old link of a reader who did confirm says so, rather than "expired", which would worry them.
  async function problem(
    request: FastifyRequest,
    reply: FastifyReply,
    link: { problem: LinkProblem; subscriberId?: number | undefined },
  ) {
    if (link.problem === 'expired' && link.subscriberId && (await isConfirmed(deps.db, link.subscriberId))) {
      return page(request, reply, 'Already confirmed', <ConfirmUsed state="confirmed" />)
    }
    return linkProblemPage(deps, request, reply, link.problem, 'confirmation')
  }

  function answer(request: FastifyRequest, reply: FastifyReply, link: ConfirmLink, state: ConfirmState) {
    switch (state.state) {
      case 'ready':
        return page(request, reply, 'Confirm your subscription', <ConfirmPrompt link={link} lists={state.lists} />)
      case 'confirmed':
        return page(
          request,
          reply,
          'You are subscribed',
          <Confirmed lists={state.lists} preferencesHref={preferencesUrl(deps, link.subscriberId)} />,
        )
      case 'used':
        return state.confirmed
          ? page(request, reply, 'Already confirmed', <ConfirmUsed state="confirmed" />)
          : page(request, reply, 'This link has been replaced', <ConfirmUsed state="replaced" />, 400)
      case 'gone':
        return page(request, reply, 'This sign-up has expired', <ConfirmUsed state="gone" />, 400)
    }
  }

  // Opening the link only shows a button: mail scanners fetch every link, and must not confirm for the reader.
  r.get(path, { schema: { querystring: LinkParts } }, async (request, reply) => {
    const link = readConfirmLink(deps, request.query)
    if ('problem' in link) return problem(request, reply, link)
    return answer(request, reply, link, await checkConfirmation(deps.db, link))
  })

  r.post(path, { schema: { body: LinkParts } }, async (request, reply) => {
    const link = readConfirmLink(deps, request.body)
    if ('problem' in link) return problem(request, reply, link)
    return answer(request, reply, link, await confirmSignup(deps.db, link))
  })
}

/** The preferences link: the reader's lists, changed or left altogether. */
export function registerPreferenceRoutes(app: FastifyInstance, deps: NewsletterPublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const path = '/newsletter/preferences'

  r.get(path, { schema: { querystring: LinkParts } }, async (request, reply) => {
    const link = readPreferencesLink(deps, request.query)
    if ('problem' in link) return linkProblemPage(deps, request, reply, link.problem, 'preferences')
    const prefs = await loadPreferences(deps.db, link.subscriberId)
    if (prefs?.subscriber.status !== 'confirmed')
      return readerPage(deps, request, reply, 'Your newsletters', <NotSubscribed email={prefs?.subscriber.email} />, {
        path,
      })
    const action = `${path}${linkSearch(request.query, ['s', 'sig'])}`
    return readerPage(
      deps,
      request,
      reply,
      'Your newsletters',
      <PreferencesPage email={prefs.subscriber.email} lists={prefs.lists} chosen={prefs.chosen} action={action} />,
      { path },
    )
  })

  r.post(path, { schema: { querystring: LinkParts, body: PreferencesBody } }, async (request, reply) => {
    const link = readPreferencesLink(deps, request.query)
    if ('problem' in link) return linkProblemPage(deps, request, reply, link.problem, 'preferences')
    const lists = await listNewsletterLists(deps.db)
    const listIds = request.body.action === 'leave' ? [] : [...new Set((request.body.lists ?? []).map(Number))]
    if (!listIds.every(id => lists.some(l => l.id === id)))
      throw new InvalidInput('Please choose from the newsletters listed on the page.')
    const outcome = await savePreferences(deps.db, link.subscriberId, listIds)
    const prefs = await loadPreferences(deps.db, link.subscriberId)
    if (outcome !== 'saved' || !prefs)
      return readerPage(
        deps,
        request,
        reply,
        'Your newsletters',
        <NotSubscribed email={prefs?.subscriber.email} justLeft={outcome === 'left'} />,
        { path },
      )
    const action = `${path}${linkSearch(request.query, ['s', 'sig'])}`
    return readerPage(
      deps,
      request,
      reply,
      'Your newsletters',
      <PreferencesPage
        email={prefs.subscriber.email}
        lists={prefs.lists}
        chosen={prefs.chosen}
        action={action}
        saved
      />,
      { path },
    )
  })
}

/** The unsubscribe link: a page with a button, and the post (ours, or a mail provider's one-click). */
export function registerUnsubscribeRoutes(app: FastifyInstance, deps: NewsletterPublicDeps): void {
  const path = '/newsletter/unsubscribe'
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .get(path, { schema: { querystring: LinkParts } }, async (request, reply) => {
      const link = readUnsubscribeLink(deps, request.query)
      if ('problem' in link) return linkProblemPage(deps, request, reply, link.problem, 'unsubscribe')
      const subscriber = await findSubscriberById(deps.db, link.subscriberId)
      if (!subscriber || subscriber.status === 'unsubscribed')
        return readerPage(deps, request, reply, 'You have unsubscribed', <Unsubscribed />, { path })
      const action = `${path}${linkSearch(request.query, ['s', 'c', 'sig'])}`
      return readerPage(
        deps,
        request,
        reply,
        'Unsubscribe',
        <UnsubscribePrompt
          email={subscriber.email}
          action={action}
          preferencesHref={preferencesUrl(deps, subscriber.id)}
        />,
        { path },
      )
    })

  // Mail providers post here from their own servers (RFC 8058): cross-site, without cookies, and
  // often as multipart/form-data, which this route alone accepts. The signed address is the authority.
  void app.register(async scope => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: 65_536 },
      (_request, body, done) => done(null, readOneClick(String(body))),
    )
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      path,
      {
        schema: { querystring: LinkParts, body: OneClickBody },
        config: { crossSite: 'allow' },
        // A post with no body at all still unsubscribes: the signed address is what counts.
        preValidation: async request => {
          request.body ??= {}
        },
      },
      async (request, reply) => {
        const link = readUnsubscribeLink(deps, request.query)
        if ('problem' in link) return linkProblemPage(deps, request, reply, link.problem, 'unsubscribe')
        await leave(deps.db, link)
        return readerPage(deps, request, reply, 'You have unsubscribed', <Unsubscribed />, { path })
      },
    )
  })
}

/** The one field of a multipart one-click post (RFC 8058), read without a multipart library. */
function readOneClick(body: string): { 'List-Unsubscribe'?: string } {
  const value =
    /content-disposition:\s*form-data;\s*name="?List-Unsubscribe"?[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/i.exec(
      body,
    )?.[1]
  return value === undefined ? {} : { 'List-Unsubscribe': value.slice(0, 100) }
}
