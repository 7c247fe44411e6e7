// The reader's side of the newsletter: /newsletter (the sign-up page and the form every page
// posts to, answered by a page or, for the sign-up island, JSON), and the pages behind the
// signed links in our mails: confirm, preferences, unsubscribe (RFC 8058 one-click included).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { InvalidInput } from '../platform/errors.js'
import { sendPage, type PageToSend } from '../site/views.js'
import { checkConfirmation, confirmSignup, isConfirmed, type ConfirmState } from './confirm.js'
import type { NewsletterPublicDeps } from './deps.js'
import { normalizeEmail } from '../platform/email.js'
import { leave } from './leave.js'
import { linkSearch, readConfirmLink, readPreferencesLink, readUnsubscribeLink, type ConfirmLink, type LinkProblem } from './link-query.js'
import { preferencesUrl } from './links.js'
import { listNewsletterLists } from './lists.js'
import { loadPreferences, savePreferences } from './preferences.js'
import { chooseLists, signUp } from './signup.js'
import { findSubscriberById } from './store.js'
import { ConfirmPrompt, ConfirmUsed, Confirmed } from './views/confirm-page.js'
import { LinkProblemPage } from './views/link-problem.js'
import { NewsletterPage, SIGNUP_THANKS, SignupReceived } from './views/newsletter-page.js'
import { NotSubscribed, PreferencesPage } from './views/preferences-page.js'
import { UnsubscribePrompt, Unsubscribed } from './views/unsubscribe-page.js'

const ListIds = Type.Optional(Type.Array(Type.String({ maxLength: 12 }), { maxItems: 50 }))

const SignupBody = Type.Object({
  email: Type.String({ maxLength: 320 }),
  // A field people never see; bots fill it in.
  website: Type.Optional(Type.String({ maxLength: 500 })),
  source: Type.Optional(Type.String({ maxLength: 300 })),
  // Checked boxes; `choose` says the form offered a choice, so none checked is a mistake rather than "the default".
  lists: ListIds,
  choose: Type.Optional(Type.String({ maxLength: 5 })),
})

// Every part optional: a link cut short gets a page that says so, not a schema error.
const LinkParts = Type.Object({
  s: Type.Optional(Type.String({ maxLength: 20 })),
  n: Type.Optional(Type.String({ maxLength: 100 })),
  c: Type.Optional(Type.String({ maxLength: 20 })),
  exp: Type.Optional(Type.String({ maxLength: 20 })),
  sig: Type.Optional(Type.String({ maxLength: 200 })),
})

const PreferencesBody = Type.Object({ lists: ListIds, action: Type.Optional(Type.Union([Type.Literal('save'), Type.Literal('leave')])) })

// RFC 8058: mail providers post `List-Unsubscribe=One-Click`; our own button posts the same.
const OneClickBody = Type.Object({ 'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 100 })) })

/** Registers the sign-up page and form, and the confirm, preferences and unsubscribe pages. */
export function registerNewsletterRoutes(app: FastifyInstance, deps: NewsletterPublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const page = (request: FastifyRequest, reply: FastifyReply, title: string, content: PageToSend['content'], o: { status?: number; path: string }) =>
    sendPage(deps, request, reply, { tags: [], hideNewsletter: true, status: o.status, content, meta: { title, description: title, path: o.path, noindex: true } })
  const linkProblem = (request: FastifyRequest, reply: FastifyReply, problem: LinkProblem, kind: 'confirmation' | 'preferences' | 'unsubscribe') =>
    page(request, reply, problem === 'expired' ? 'This link has expired' : 'This link does not work', <LinkProblemPage problem={problem} kind={kind} />, { status: 400, path: `/newsletter/${kind === 'confirmation' ? 'confirm' : kind}` })

  r.get('/newsletter', { config: { cache: 'public' } }, async (request, reply) => {
    const [{ settings }, lists] = await Promise.all([deps.chrome(), listNewsletterLists(deps.db)])
    return sendPage(deps, request, reply, {
      tags: ['newsletter-lists'],
      hideNewsletter: true,
      content: <NewsletterPage siteName={settings.name} lists={lists} />,
      meta: { title: 'Get our Newsletter', description: `Newsletters from ${settings.name}: new documentaries and investigations in your inbox.`, path: '/newsletter' },
    })
  })

  r.post('/newsletter', { schema: { body: SignupBody } }, async (request, reply) => {
    const lists = await listNewsletterLists(deps.db)
    const email = normalizeEmail(request.body.email)
    const choice = chooseLists(lists, request.body)
    const problem = !email ? 'Please enter a valid email address, like name@example.org.' : 'problem' in choice ? choice.problem : undefined
    if (problem || !email || 'problem' in choice) {
      if (wantsJson(request)) throw new InvalidInput(problem ?? 'The sign-up is not valid.')
      const { settings } = await deps.chrome()
      const chosen = (request.body.lists ?? []).map(Number).filter((id) => lists.some((l) => l.id === id))
      return sendPage(deps, request, reply, {
        tags: [], hideNewsletter: true, status: 400,
        content: <NewsletterPage siteName={settings.name} lists={lists} value={request.body.email} error={problem} chosen={chosen} />,
        meta: { title: 'Get our Newsletter', description: problem ?? '', path: '/newsletter', noindex: true },
      })
    }
    await signUp(deps, {
      email, listIds: choice.listIds, lists, source: signupSource(request, request.body.source, deps.publicUrl), client: request.ip, honeypot: request.body.website,
    }, request.log)
    // The same answer for a new, pending, confirmed or unsubscribed address, a bot and an address past its limit.
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ message: SIGNUP_THANKS })
    return sendPage(deps, request, reply, {
      tags: [], hideNewsletter: true, content: <SignupReceived />,
      meta: { title: 'Thank you', description: 'Your subscription request has been received.', path: '/newsletter', noindex: true },
    })
  })

  // Opening the link only shows a button: mail scanners fetch every link, and must not confirm for the reader.
  r.get('/newsletter/confirm', { schema: { querystring: LinkParts } }, async (request, reply) => {
    const link = readConfirmLink(deps, request.query)
    if ('problem' in link) return confirmLinkProblem(request, reply, link)
    return confirmAnswer(request, reply, link, await checkConfirmation(deps.db, link))
  })

  r.post('/newsletter/confirm', { schema: { body: LinkParts } }, async (request, reply) => {
    const link = readConfirmLink(deps, request.body)
    if ('problem' in link) return confirmLinkProblem(request, reply, link)
    return confirmAnswer(request, reply, link, await confirmSignup(deps.db, link))
  })

  // An old link of a reader who did confirm says so, rather than "expired", which would worry them.
  async function confirmLinkProblem(request: FastifyRequest, reply: FastifyReply, link: { problem: LinkProblem; subscriberId?: number }) {
    if (link.problem === 'expired' && link.subscriberId && (await isConfirmed(deps.db, link.subscriberId))) {
      return page(request, reply, 'Already confirmed', <ConfirmUsed state="confirmed" />, { path: '/newsletter/confirm' })
    }
    return linkProblem(request, reply, link.problem, 'confirmation')
  }

  function confirmAnswer(request: FastifyRequest, reply: FastifyReply, link: ConfirmLink, state: ConfirmState) {
    const path = '/newsletter/confirm'
    switch (state.state) {
      case 'ready': return page(request, reply, 'Confirm your subscription', <ConfirmPrompt link={link} lists={state.lists} />, { path })
      case 'confirmed': return page(request, reply, 'You are subscribed', <Confirmed lists={state.lists} preferencesHref={preferencesUrl(deps, link.subscriberId)} />, { path })
      case 'used': return state.confirmed
        ? page(request, reply, 'Already confirmed', <ConfirmUsed state="confirmed" />, { path })
        : page(request, reply, 'This link has been replaced', <ConfirmUsed state="replaced" />, { path, status: 400 })
      case 'gone': return page(request, reply, 'This sign-up has expired', <ConfirmUsed state="gone" />, { path, status: 400 })
    }
  }

  r.get('/newsletter/preferences', { schema: { querystring: LinkParts } }, async (request, reply) => {
    const link = readPreferencesLink(deps, request.query)
    if ('problem' in link) return linkProblem(request, reply, link.problem, 'preferences')
    const prefs = await loadPreferences(deps.db, link.subscriberId)
    const path = '/newsletter/preferences'
    if (prefs?.subscriber.status !== 'confirmed') return page(request, reply, 'Your newsletters', <NotSubscribed email={prefs?.subscriber.email} />, { path })
    const action = `/newsletter/preferences${linkSearch(request.query, ['s', 'sig'])}`
    return page(request, reply, 'Your newsletters', <PreferencesPage email={prefs.subscriber.email} lists={prefs.lists} chosen={prefs.chosen} action={action} />, { path })
  })

  r.post('/newsletter/preferences', { schema: { querystring: LinkParts, body: PreferencesBody } }, async (request, reply) => {
    const link = readPreferencesLink(deps, request.query)
    if ('problem' in link) return linkProblem(request, reply, link.problem, 'preferences')
    const lists = await listNewsletterLists(deps.db)
    const listIds = request.body.action === 'leave' ? [] : [...new Set((request.body.lists ?? []).map(Number))]
    if (!listIds.every((id) => lists.some((l) => l.id === id))) throw new InvalidInput('Please choose from the newsletters listed on the page.')
    const outcome = await savePreferences(deps.db, link.subscriberId, listIds)
    const prefs = await loadPreferences(deps.db, link.subscriberId)
    const path = '/newsletter/preferences'
    if (outcome !== 'saved' || !prefs) return page(request, reply, 'Your newsletters', <NotSubscribed email={prefs?.subscriber.email} justLeft={outcome === 'left'} />, { path })
    const action = `/newsletter/preferences${linkSearch(request.query, ['s', 'sig'])}`
    return page(request, reply, 'Your newsletters', <PreferencesPage email={prefs.subscriber.email} lists={prefs.lists} chosen={prefs.chosen} action={action} saved />, { path })
  })

  r.get('/newsletter/unsubscribe', { schema: { querystring: LinkParts } }, async (request, reply) => {
    const link = readUnsubscribeLink(deps, request.query)
    if ('problem' in link) return linkProblem(request, reply, link.problem, 'unsubscribe')
    const subscriber = await findSubscriberById(deps.db, link.subscriberId)
    const path = '/newsletter/unsubscribe'
    if (!subscriber || subscriber.status === 'unsubscribed') return page(request, reply, 'You have unsubscribed', <Unsubscribed />, { path })
    const action = `/newsletter/unsubscribe${linkSearch(request.query, ['s', 'c', 'sig'])}`
    return page(request, reply, 'Unsubscribe', <UnsubscribePrompt email={subscriber.email} action={action} preferencesHref={preferencesUrl(deps, subscriber.id)} />, { path })
  })

  // Mail providers post here from their own servers (RFC 8058): cross-site, without cookies, and
  // often as multipart/form-data, which this route alone accepts. The signed address is the authority.
  void app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 65_536 }, (_request, body, done) => done(null, readOneClick(String(body))))
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/newsletter/unsubscribe', {
      schema: { querystring: LinkParts, body: OneClickBody }, config: { crossSite: 'allow' },
      // A post with no body at all still unsubscribes: the signed address is what counts.
      preValidation: async (request) => { request.body ??= {} },
    }, async (request, reply) => {
      const link = readUnsubscribeLink(deps, request.query)
      if ('problem' in link) return linkProblem(request, reply, link.problem, 'unsubscribe')
      await leave(deps.db, link)
      return page(request, reply, 'You have unsubscribed', <Unsubscribed />, { path: '/newsletter/unsubscribe' })
    })
  })
}

/** Whether the caller asked for JSON (the sign-up island) rather than a page, as the error handler decides it. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

/** Where a sign-up came from: the form's `source`, else the page it was posted from (same site only), else /newsletter. */
function signupSource(request: FastifyRequest, given: string | undefined, publicUrl: string): string {
  if (given?.startsWith('/') && !given.startsWith('//')) return given
  try {
    const referer = new URL(request.headers.referer ?? '')
    if (referer.origin === new URL(publicUrl).origin || referer.host === request.host) return referer.pathname.slice(0, 300)
  } catch {
    // No referer, or not a URL.
  }
  return '/newsletter'
}

/** The one field of a multipart one-click post (RFC 8058), read without a multipart library. */
function readOneClick(body: string): { 'List-Unsubscribe'?: string } {
  const value = /content-disposition:\s*form-data;\s*name="?List-Unsubscribe"?[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/i.exec(body)?.[1]
  return value === undefined ? {} : { 'List-Unsubscribe': value.slice(0, 100) }
}
