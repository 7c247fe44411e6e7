// The reader's side of the newsletter: /newsletter (the sign-up page and the form every page
// posts to, answered by a page or, for the sign-up island, JSON), and the pages behind the
// signed links in our mails (link-routes.tsx): confirm, preferences, unsubscribe.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { normalizeEmail } from '../platform/email.js'
import { InvalidInput } from '../platform/errors.js'
import { sendPage } from '../site/views.js'
import type { NewsletterPublicDeps } from './deps.js'
import { ListIds, registerConfirmRoutes, registerPreferenceRoutes, registerUnsubscribeRoutes } from './link-routes.js'
import { listNewsletterLists } from './lists.js'
import { chooseLists, signUp } from './signup.js'
import { NewsletterPage, SIGNUP_THANKS, SignupReceived } from './views/newsletter-page.js'

const SignupBody = Type.Object({
  email: Type.String({ maxLength: 320 }),
  // A field people never see; bots fill it in.
  website: Type.Optional(Type.String({ maxLength: 500 })),
  source: Type.Optional(Type.String({ maxLength: 300 })),
  // Checked boxes; `choose` says the form offered a choice, so none checked is a mistake rather than "the default".
  lists: ListIds,
  choose: Type.Optional(Type.String({ maxLength: 5 })),
})

/** Registers the sign-up page and form, and the confirm, preferences and unsubscribe pages. */
export function registerNewsletterRoutes(app: FastifyInstance, deps: NewsletterPublicDeps): void {
  registerSignupRoutes(app, deps)
  registerConfirmRoutes(app, deps)
  registerPreferenceRoutes(app, deps)
  registerUnsubscribeRoutes(app, deps)
}

/** GET /newsletter (the sign-up page) and the sign-up post every page's form sends. */
function registerSignupRoutes(app: FastifyInstance, deps: NewsletterPublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsletter', { config: { cache: 'public' } }, async (request, reply) => {
    const [{ settings }, lists] = await Promise.all([deps.chrome(), listNewsletterLists(deps.db)])
    return sendPage(deps, request, reply, {
      tags: ['newsletter-lists'],
      hideNewsletter: true,
      content: <NewsletterPage siteName={settings.name} lists={lists} />,
      meta: {
        title: 'Get our Newsletter',
        description: `Newsletters from ${settings.name}: new documentaries and investigations in your inbox.`,
        path: '/newsletter',
      },
    })
  })

  r.post('/newsletter', { schema: { body: SignupBody } }, async (request, reply) => {
    const lists = await listNewsletterLists(deps.db)
    const email = normalizeEmail(request.body.email)
    const choice = chooseLists(lists, request.body)
    const problem = !email
      ? 'Please enter a valid email address, like name@example.org.'
      : 'problem' in choice
        ? choice.problem
        : undefined
    if (problem || !email || 'problem' in choice) {
      if (wantsJson(request)) throw new InvalidInput(problem ?? 'The sign-up is not valid.')
      const { settings } = await deps.chrome()
      const chosen = (request.body.lists ?? []).map(Number).filter(id => lists.some(l => l.id === id))
      return sendPage(deps, request, reply, {
        tags: [],
        hideNewsletter: true,
        status: 400,
        content: (
          <NewsletterPage
            siteName={settings.name}
            lists={lists}
            value={request.body.email}
            error={problem}
            chosen={chosen}
          />
        ),
        meta: { title: 'Get our Newsletter', description: problem ?? '', path: '/newsletter', noindex: true },
      })
    }
    await signUp(
      deps,
      {
        email,
        listIds: choice.listIds,
        lists,
        source: signupSource(request, request.body.source, deps.publicUrl),
        client: request.ip,
        honeypot: request.body.website,
      },
      request.log,
    )
    // The same answer for a new, pending, confirmed or unsubscribed address, a bot and an address past its limit.
    if (wantsJson(request)) return reply.header('cache-control', 'no-store').send({ message: SIGNUP_THANKS })
    return sendPage(deps, request, reply, {
      tags: [],
      hideNewsletter: true,
      content: <SignupReceived />,
      meta: {
        title: 'Thank you',
        description: 'Your subscription request has been received.',
        path: '/newsletter',
        noindex: true,
      },
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
    if (referer.origin === new URL(publicUrl).origin || referer.host === request.host)
      return referer.pathname.slice(0, 300)
  } catch {
    // No referer, or not a URL.
  }
  return '/newsletter'
}
