// The newsroom's CSV import (admins): the CSV is pasted into the form, since the app reads
// url-encoded forms only. Every line is checked before anything is stored, then the whole
// import runs as one action (importSubscribers: one transaction with its audit entry).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import { DomainError } from '../../platform/errors.js'
import { actorOf, formText, textProblem, type FormProblems, type Staff } from '../../newsroom/index.js'
import { sendNewsroomPage } from '../../newsroom/views.js'
import type { NewsletterAdminDeps } from '../deps.js'
import { listNewsletterLists, type NewsletterList } from '../lists.js'
import { importSubscribers } from './actions.js'
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, readImportCsv, type ImportSummary, type LineProblem } from './import.js'
import { ImportPage, SHOWN_LINES, type ImportFields } from './views/import-form.js'
import { NEWSLETTER_SECTION, SUBSCRIBERS_PATH } from './views/subscriber-list.js'

const IMPORT_PATH = `${SUBSCRIBERS_PATH}/import`
const MAX_LABEL = `${IMPORT_MAX_BYTES / 1024 / 1024} MB`
const STATEMENT_MAX = 500
// Url-encoding can triple a text (every byte as %XX), so the body may be up to three times the CSV.
const BODY_LIMIT = 3 * IMPORT_MAX_BYTES + 64 * 1024
const TOO_LARGE = `The pasted CSV is too large: an import takes at most ${MAX_LABEL} (${IMPORT_MAX_ROWS.toLocaleString('en')} addresses). Split it into smaller files. Nothing was imported.`

const ImportBody = Type.Object({
  csv: Type.Optional(Type.String({ maxLength: BODY_LIMIT })),
  list: Type.Optional(
    Type.Union([Type.String({ maxLength: 12 }), Type.Array(Type.String({ maxLength: 12 }), { maxItems: 200 })]),
  ),
  consent: Type.Optional(Type.String({ maxLength: 5 })),
  statement: Type.Optional(Type.String({ maxLength: 5000 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
})

function readFields(body: Static<typeof ImportBody>): ImportFields {
  const ids = [body.list ?? []]
    .flat()
    .filter(v => /^\d{1,9}$/.test(v))
    .map(Number)
  return {
    csv: body.csv ?? '',
    listIds: [...new Set(ids)],
    consent: body.consent === '1',
    statement: formText(body.statement),
  }
}

/** Problems with the fields other than the CSV itself. */
function fieldProblems(fields: ImportFields, lists: readonly NewsletterList[]): FormProblems {
  const problems: FormProblems = {}
  const known = new Set(lists.map(l => l.id))
  if (fields.listIds.length === 0) problems.lists = 'Choose at least one list to add the addresses to.'
  else if (fields.listIds.some(id => !known.has(id)))
    problems.lists = 'One of the chosen lists no longer exists; choose from the lists shown.'
  if (fields.consent) {
    const problem = textProblem('Where and when they gave consent', fields.statement, STATEMENT_MAX, true)
    if (problem)
      problems.statement =
        problem === 'Where and when they gave consent cannot be empty.'
          ? 'Say where and when these people gave their consent: it is recorded with each address.'
          : problem
  } else if (fields.statement) {
    problems.consent =
      'You wrote where consent was given but did not tick the box: tick it to import the addresses as confirmed, or empty the statement to import them as pending.'
  }
  return problems
}

/** What the import page shows: the form as filled, and what was refused or done. */
interface ImportPageState {
  staff: Staff
  lists: readonly NewsletterList[]
  fields: ImportFields
  problems?: FormProblems
  refused?: readonly LineProblem[]
  summary?: ImportSummary
  status?: number
}

/** Sends the import page in the newsroom's shell. */
async function sendImportPage(
  deps: NewsletterAdminDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: ImportPageState,
) {
  return sendNewsroomPage(deps, request, reply, {
    title: 'Import subscribers',
    path: NEWSLETTER_SECTION,
    staff: page.staff,
    status: page.status,
    children: (
      <ImportPage
        summary={page.summary}
        fields={page.fields}
        lists={page.lists}
        problems={page.problems ?? {}}
        refused={page.refused ?? []}
        csrf={page.staff.session.csrfToken}
        maxBytesLabel={MAX_LABEL}
        maxRows={IMPORT_MAX_ROWS}
      />
    ),
  })
}

/** Registers GET and POST /newsroom/newsletter/subscribers/import. */
export function registerImportRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(IMPORT_PATH, { config: { auth: 'admin' } }, async (request, reply) => {
    const staff = request.staff
    const lists = await listNewsletterLists(deps.db)
    const listIds = lists.length === 1 && lists[0] ? [lists[0].id] : []
    return sendImportPage(deps, request, reply, {
      staff,
      lists,
      fields: { csv: '', listIds, consent: false, statement: '' },
    })
  })

  r.post(
    IMPORT_PATH,
    {
      config: { auth: 'admin' },
      bodyLimit: BODY_LIMIT,
      // Fastify's own refusal of a body over the limit says nothing about what to do; this one does.
      errorHandler: (error: FastifyError) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new DomainError('too_large', TOO_LARGE)
        throw error
      },
      schema: { body: ImportBody },
    },
    async (request, reply) => {
      const staff = request.staff
      const lists = await listNewsletterLists(deps.db)
      const fields = readFields(request.body)
      const problems = fieldProblems(fields, lists)
      const read = readImportCsv(fields.csv)
      if ('fileProblem' in read) {
        // A file too large is not shown again: the form comes back empty.
        return sendImportPage(deps, request, reply, {
          staff,
          lists,
          fields: read.tooLarge ? { ...fields, csv: '' } : fields,
          problems: { csv: read.fileProblem, ...problems },
          status: read.tooLarge ? 413 : 400,
        })
      }
      if (read.problems.length) {
        const n = read.problems.length
        problems.csv = `${n === 1 ? 'One line is' : `${n.toLocaleString('en')} lines are`} not right, so nothing was imported. ${n > SHOWN_LINES ? `The first ${SHOWN_LINES} are` : n === 1 ? 'It is' : 'They are'} listed below; fix ${n === 1 ? 'it' : 'them'} and try again.`
      }
      if (Object.keys(problems).length)
        return sendImportPage(deps, request, reply, {
          staff,
          lists,
          fields,
          problems,
          refused: read.problems,
          status: 400,
        })

      const done = await importSubscribers(deps, actorOf(request), {
        addresses: read.addresses,
        listIds: fields.listIds,
        consent: fields.consent ? { by: staff.account.email, statement: fields.statement } : undefined,
      })
      const summary: ImportSummary = { ...done, repeated: read.repeated }
      return sendImportPage(deps, request, reply, {
        staff,
        lists,
        fields: { csv: '', listIds: fields.listIds, consent: false, statement: '' },
        summary,
      })
    },
  )
}
