// The newsroom's settings page: the site's name, tagline, description, time zone, navigation,
// footer links, accounts elsewhere, footer text and copyright holder. Admins only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import {
  actorOf,
  type NewsroomDeps,
  type Staff,
  checkLinkRows,
  formText,
  readLinkRows,
  textProblem,
  type FormProblems,
  type LinkRow,
  textField,
} from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { SOCIAL_NETWORKS } from '../people/index.js'
import { saveSiteSettings, type EditableSettings } from './actions.js'
import { loadSettings, type NavLink, type SiteSettings } from './store.js'
import { SETTINGS_LIMITS, type SettingsFields } from './views/settings-form.js'
import { SettingsPage } from './views/settings-page.js'

// A repeated field (rows of links); a single value arrives as a list of one.
const rows = Type.Optional(Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 100 }))
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const SettingsBody = Type.Object({
  name: textField(),
  tagline: textField(),
  description: textField(),
  timeZone: textField(),
  footerText: textField(),
  copyrightHolder: textField(),
  navigationKey: rows,
  navigationHref: rows,
  footerLinksKey: rows,
  footerLinksHref: rows,
  socialsKey: rows,
  socialsHref: rows,
  _csrf: textField(200),
})

function readFields(body: Static<typeof SettingsBody>): SettingsFields {
  return {
    name: formText(body.name),
    tagline: formText(body.tagline),
    description: formText(body.description),
    timeZone: formText(body.timeZone),
    navigation: readLinkRows(body.navigationKey, body.navigationHref),
    footerLinks: readLinkRows(body.footerLinksKey, body.footerLinksHref),
    socials: readLinkRows(body.socialsKey, body.socialsHref, true),
    footerText: formText(body.footerText),
    copyrightHolder: formText(body.copyrightHolder),
  }
}

const rowsOf = (links: readonly NavLink[]): LinkRow[] => links.map(l => ({ key: l.label, href: l.href }))
const linksOf = (rows: readonly LinkRow[]): NavLink[] => rows.map(r => ({ label: r.key, href: r.href }))

function fieldsOf(s: SiteSettings): SettingsFields {
  return {
    name: s.name,
    tagline: s.tagline,
    description: s.description,
    timeZone: s.timeZone,
    navigation: rowsOf(s.navigation),
    footerLinks: rowsOf(s.footerLinks),
    socials: s.socials.map(x => ({ key: x.network, href: x.url })),
    footerText: s.footerText,
    copyrightHolder: s.copyrightHolder,
  }
}

/** The zone's canonical IANA name, or undefined when this server does not know it. */
function knownTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}

/** Checks the fields; gives the settings to save or the problems. */
function checkFields(f: SettingsFields): { settings: EditableSettings } | { problems: FormProblems } {
  const problems: FormProblems = {}
  const add = (id: string, problem: string | undefined) => {
    if (problem) problems[id] = problem
  }
  const L = SETTINGS_LIMITS
  add('name', textProblem('Site name', f.name, L.name, true))
  add('tagline', textProblem('Tagline', f.tagline, L.tagline))
  add('description', textProblem('Description', f.description, L.description))
  const timeZone = knownTimeZone(f.timeZone)
  add(
    'timeZone',
    textProblem('Time zone', f.timeZone, L.timeZone, true) ??
      (timeZone
        ? undefined
        : `Time zone: “${f.timeZone}” is not a time zone this server knows. Use an IANA name such as America/New_York, Europe/Berlin or UTC.`),
  )
  const page = { sitePath: true }
  const navigation = checkLinkRows(
    f.navigation,
    { name: 'navigation', max: L.navigation, keyLabel: 'Label', keyMax: L.linkLabel, kinds: page },
    problems,
  )
  const footerLinks = checkLinkRows(
    f.footerLinks,
    { name: 'footerLinks', max: L.footerLinks, keyLabel: 'Label', keyMax: L.linkLabel, kinds: page },
    problems,
  )
  const socials = checkLinkRows(
    f.socials,
    {
      name: 'socials',
      max: L.socials,
      keyLabel: 'Network',
      keyMax: 20,
      keyChoices: SOCIAL_NETWORKS,
      kinds: { mailto: true },
    },
    problems,
  )
  add('footerText', textProblem('Footer text', f.footerText, L.footerText))
  add('copyrightHolder', textProblem('Copyright holder', f.copyrightHolder, L.copyrightHolder, true))
  if (Object.keys(problems).length || !timeZone) return { problems }
  return {
    settings: {
      name: f.name,
      tagline: f.tagline,
      description: f.description,
      timeZone,
      navigation: linksOf(navigation),
      footerLinks: linksOf(footerLinks),
      socials: socials.map(s => ({ network: s.key, url: s.href })),
      footerText: f.footerText,
      copyrightHolder: f.copyrightHolder,
    },
  }
}

/** Registers /newsroom/settings. */
export function registerSettingsAdminRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  const sendForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { staff: Staff; fields: SettingsFields; problems?: FormProblems; status?: number; saved?: boolean },
  ) =>
    sendNewsroomPage(deps, request, reply, {
      title: 'Site settings',
      path: '/newsroom/settings',
      staff: page.staff,
      status: page.status,
      children: (
        <SettingsPage
          fields={page.fields}
          problems={page.problems ?? {}}
          csrf={page.staff.session.csrfToken}
          saved={page.saved ?? false}
        />
      ),
    })

  r.get(
    '/newsroom/settings',
    { config: { auth: 'admin' }, schema: { querystring: SavedQuery } },
    async (request, reply) => {
      const staff = request.staff
      return sendForm(request, reply, {
        staff,
        fields: fieldsOf(await loadSettings(deps.db)),
        saved: request.query.saved === '1',
      })
    },
  )

  r.post(
    '/newsroom/settings',
    { config: { auth: 'admin' }, schema: { body: SettingsBody } },
    async (request, reply) => {
      const staff = request.staff
      const fields = readFields(request.body)
      const checked = checkFields(fields)
      if ('problems' in checked)
        return sendForm(request, reply, { staff, fields, problems: checked.problems, status: 400 })
      await saveSiteSettings(deps, actorOf(request), checked.settings)
      return reply.redirect('/newsroom/settings?saved=1', 303)
    },
  )
}
