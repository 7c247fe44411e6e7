// The newsroom's support page editor, /newsroom/support: the appeal, the ways to give and the
// membership wording of /support. Admins only; saved through the settings part's action.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf, type FormProblems, type NewsroomDeps, type Staff, textField } from '../newsroom/index.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import { loadSettings, saveSupportSettings } from '../settings/index.js'
import { checkSupportFields, readSupportFields, supportFieldsOf, type SupportFields } from './checks.js'
import { SupportForm } from './views/support-form.js'

const rows = Type.Optional(Type.Array(Type.String({ maxLength: 5_000 }), { maxItems: 50 }))
const SupportBody = Type.Object({
  heading: textField(),
  appeal: textField(),
  membership: textField(),
  optionLabel: rows,
  optionAmount: rows,
  optionCurrency: rows,
  optionFrequency: rows,
  optionUrl: rows,
  _csrf: textField(200),
})
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })

/** Registers /newsroom/support. */
export function registerSupportAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const sendForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { staff: Staff; fields: SupportFields; problems?: FormProblems; status?: number; saved?: boolean },
  ) =>
    sendNewsroomPage(deps, request, reply, {
      title: 'Support page',
      path: '/newsroom/support',
      staff: page.staff,
      status: page.status,
      children: (
        <>
          <p>
            What <a href="/support">/support</a> says, and the gifts it offers through your payment provider. Your
            funders are credited beneath, as on <a href="/funders">/funders</a>.
          </p>
          {page.saved ? <Notice kind="ok">The support page is saved; /support shows it now.</Notice> : null}
          <SupportForm fields={page.fields} problems={page.problems ?? {}} csrf={page.staff.session.csrfToken} />
        </>
      ),
    })

  r.get(
    '/newsroom/support',
    { config: { auth: 'admin' }, schema: { querystring: SavedQuery } },
    async (request, reply) =>
      sendForm(request, reply, {
        staff: request.staff,
        fields: supportFieldsOf((await loadSettings(deps.db)).support),
        saved: request.query.saved === '1',
      }),
  )

  r.post('/newsroom/support', { config: { auth: 'admin' }, schema: { body: SupportBody } }, async (request, reply) => {
    const fields = readSupportFields(request.body)
    const checked = checkSupportFields(fields)
    if ('problems' in checked)
      return sendForm(request, reply, { staff: request.staff, fields, problems: checked.problems, status: 400 })
    await saveSupportSettings(deps, actorOf(request), checked.support)
    return reply.redirect('/newsroom/support?saved=1', 303)
  })
}
