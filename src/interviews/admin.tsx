// Newsroom pages for interviews: the list (every status, filtered by status), and the page to
// create or edit one, which also carries its transcript, withheld passages, notes, workflow and
// history (their posts are registered from admin-transcript.tsx and admin-workflow.tsx). Authors
// and above (contributors never reach these pages); an author sees and changes only the interviews
// they reach (`access.ts`), anyone else's is a 404; clearing and publishing are an editor's.
// Handlers read and check the form, call one action and redirect, or show the page again with its
// problems.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { listAllDocumentaries } from '../documentaries/index.js'
import { actorOf, SLUG_TAKEN, unlessSlugTaken, textField } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { findPeopleByIds } from '../people/index.js'
import { IdParams } from '../platform/http/integer-inputs.js'
import { reachableAmong } from './access.js'
import { createInterview, updateInterview } from './actions.js'
import { interviewChoices, interviewOf, sendInterviewPage, type InterviewAdminDeps } from './admin-page.js'
import { registerInterviewTranscriptRoutes } from './admin-transcript.js'
import { registerInterviewWorkflowRoutes } from './admin-workflow.js'
import { checkInterviewFields, readInterviewFields } from './form.js'
import { INTERVIEW_STATUSES, type InterviewStatus } from './schema.js'
import { findInterviewLinks, listInterviews } from './store.js'
import { InterviewsAdminPage } from './views/newsroom-list.js'

export type { InterviewAdminDeps } from './admin-page.js'

const rows = (maxLength = 300) => Type.Optional(Type.Array(Type.String({ maxLength }), { maxItems: 200 }))
const InterviewBody = Type.Object({
  title: textField(),
  slug: textField(),
  personId: textField(20),
  personRole: textField(),
  recordedOn: textField(100),
  place: textField(),
  summary: textField(),
  documentaries: rows(20),
  topics: rows(20),
  interviewers: rows(20),
  momentFilm: rows(20),
  momentFilmStart: rows(20),
  momentFilmEnd: rows(20),
  momentStart: rows(20),
  momentEnd: rows(20),
  momentLabel: rows(),
  _csrf: textField(200),
})
const ListQuery = Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) })
const PageQuery = Type.Object({ saved: textField(10), done: textField(20), note: textField(10) })

/** What the page says after each kind of post. */
const DONE: Record<string, string> = {
  saved: 'The interview is saved.',
  transcript: 'The transcript is filled from the file. Captions, search and the page use it now.',
  withheld:
    'The chosen passages are withheld. If the interview has a video, it is being rendered again without them; readers are not served the old one.',
  released: 'The chosen passages are released. If the interview has a video, it is being rendered again with them.',
  unchanged: 'Nothing changed: the chosen passages were already so.',
  'note-added': 'The note is added.',
  'note-saved': 'The note is saved.',
  'note-removed': 'The note is removed; the history keeps it.',
  submit: 'Sent for review: an editor clears it before it is published.',
  clear: 'Cleared: it can be published now.',
  publish: 'Published: the interview is on the site.',
  unpublish: 'Taken off the site; it stays cleared.',
  return: 'Sent back to draft: it must be sent for review and cleared again before it is published.',
}

/** Registers /newsroom/interviews (list, new, edit) and the posts of the interview page. */
export function registerInterviewAdminRoutes(app: FastifyInstance, deps: InterviewAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get(
    '/newsroom/interviews',
    { config: { auth: 'author' }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const raw = request.query.status
      const status = (INTERVIEW_STATUSES as readonly string[]).includes(raw ?? '')
        ? (raw as InterviewStatus)
        : undefined
      // An author's list holds only the interviews they reach: someone else's drafts are not named.
      const interviews = await reachableAmong(
        deps.db,
        request.staff.account,
        (await listInterviews(deps.db, { anyStatus: true })).filter(i => !status || i.status === status),
      )
      const [people, links, films] = await Promise.all([
        findPeopleByIds(
          deps.db,
          interviews.map(i => i.personId),
        ),
        findInterviewLinks(
          deps.db,
          interviews.map(i => i.id),
        ),
        listAllDocumentaries(deps.db),
      ])
      const titles = new Map(films.map(f => [f.id, f.title]))
      const listed = interviews.map(interview => ({
        interview,
        personName: people.get(interview.personId)?.name ?? `Person #${interview.personId}`,
        documentaryTitles: (links.get(interview.id)?.documentaryIds ?? []).map(d => titles.get(d) ?? `#${d}`),
      }))
      return sendNewsroomPage(deps, request, reply, {
        title: 'Interviews',
        path: '/newsroom/interviews',
        staff: request.staff,
        children: <InterviewsAdminPage rows={listed} status={status} />,
      })
    },
  )

  registerInterviewFormRoutes(app, deps)
  registerInterviewTranscriptRoutes(app, deps)
  registerInterviewWorkflowRoutes(app, deps)
}

/** Registers the interview's form: /newsroom/interviews/new, its post, and /newsroom/interviews/:id with its post. */
function registerInterviewFormRoutes(app: FastifyInstance, deps: InterviewAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/newsroom/interviews/new', { config: { auth: 'author' } }, async (request, reply) =>
    sendInterviewPage(deps, request, reply, {}),
  )

  r.post(
    '/newsroom/interviews',
    { config: { auth: 'author' }, schema: { body: InterviewBody } },
    async (request, reply) => {
      const fields = readInterviewFields(request.body)
      const checked = checkInterviewFields(fields, (await interviewChoices(deps)).ids)
      if ('problems' in checked)
        return sendInterviewPage(deps, request, reply, { fields, problems: checked.problems, status: 400 })
      const result = await unlessSlugTaken(() => createInterview(deps, actorOf(request), checked.input))
      if ('slugTaken' in result)
        return sendInterviewPage(deps, request, reply, { fields, problems: { slug: SLUG_TAKEN }, status: 409 })
      return reply.redirect(`/newsroom/interviews/${result.saved.id}?saved=1`, 303)
    },
  )

  r.get(
    '/newsroom/interviews/:id',
    { config: { auth: 'author' }, schema: { params: IdParams, querystring: PageQuery } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      const { saved, done, note } = request.query
      const notePosition = note && /^\d{1,6}$/.test(note) && Number(note) > 0 ? Number(note) - 1 : undefined
      return sendInterviewPage(deps, request, reply, {
        interview,
        done: saved === '1' ? DONE.saved : done ? DONE[done] : undefined,
        notePosition,
      })
    },
  )

  r.post(
    '/newsroom/interviews/:id',
    { config: { auth: 'author' }, schema: { params: IdParams, body: InterviewBody } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      const fields = readInterviewFields(request.body)
      const checked = checkInterviewFields(fields, (await interviewChoices(deps)).ids)
      if ('problems' in checked)
        return sendInterviewPage(deps, request, reply, { interview, fields, problems: checked.problems, status: 400 })
      const result = await unlessSlugTaken(() => updateInterview(deps, actorOf(request), interview.id, checked.input))
      if ('slugTaken' in result)
        return sendInterviewPage(deps, request, reply, {
          interview,
          fields,
          problems: { slug: SLUG_TAKEN },
          status: 409,
        })
      return reply.redirect(`/newsroom/interviews/${interview.id}?saved=1`, 303)
    },
  )
}
