// The newsroom's interview page as every handler sends it: loaded with what the form offers and,
// for a stored interview, its transcript, notes and history; and the one way a refused post
// (an InvalidInput from an action) shows the page again with the problems beside its form.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { listAllDocumentaries } from '../documentaries/index.js'
import { listAccounts, type FormProblems, type NewsroomDeps } from '../newsroom/index.js'
import { sendNewsroomPage } from '../newsroom/views.js'
import { listPeople } from '../people/index.js'
import { DomainError, type InvalidInput } from '../platform/errors.js'
import type { Storage } from '../platform/storage/index.js'
import { listTopics } from '../topics/index.js'
import { findVideoByInterview } from '../videos/index.js'
import { reachableInterview } from './access.js'
import { EMPTY_INTERVIEW_FIELDS, interviewFieldsOf, type InterviewChoiceIds, type InterviewFormFields } from './form.js'
import { listNotes, listPassages } from './passages.js'
import { listRevisions } from './revisions.js'
import { findInterviewById, findInterviewLinks, type Interview } from './store.js'
import { listFilmMoments } from './film-moments.js'
import { InterviewEditPage } from './views/newsroom-edit-page.js'
import type { InterviewFormChoices } from './views/newsroom-form.js'
import type { SectionProblems } from './views/newsroom-transcript.js'

/** What the interview pages need: the newsroom's, plus storage and the job runner for recuts. */
export interface InterviewAdminDeps extends NewsroomDeps {
  storage: Storage
  wakeJobs: () => void
}

/** A stored interview the signed-in staff member reaches (`access.ts`), or a 404, whether it is missing or someone else's. */
export function interviewOf(deps: NewsroomDeps, request: FastifyRequest, id: number): Promise<Interview> {
  return reachableInterview(deps.db, request.staff.account, id)
}

/** What the form offers, and the ids its checks accept. */
export async function interviewChoices(
  deps: NewsroomDeps,
): Promise<{ form: InterviewFormChoices; ids: InterviewChoiceIds }> {
  const [people, documentaries, topics] = await Promise.all([
    listPeople(deps.db),
    listAllDocumentaries(deps.db),
    listTopics(deps.db),
  ])
  const form = {
    people: people.map(p => ({ id: p.id, name: p.name })),
    documentaries: documentaries.map(d => ({
      id: d.id,
      name: d.status === 'published' ? d.title : `${d.title} (draft)`,
    })),
    topics: topics.map(t => ({ id: t.id, name: t.name })),
  }
  const ids = {
    personIds: new Set(people.map(p => p.id)),
    documentaryIds: new Set(documentaries.map(d => d.id)),
    topicIds: new Set(topics.map(t => t.id)),
  }
  return { form, ids }
}

/** What a page shows besides the signed-in staff member. */
export interface InterviewPage {
  interview?: Interview | undefined
  /** The form as typed; the stored interview's fields when not given. */
  fields?: InterviewFormFields | undefined
  problems?: FormProblems | undefined
  sectionProblems?: SectionProblems | undefined
  status?: number | undefined
  done?: string | undefined
  notePosition?: number | undefined
  transcriptText?: string | undefined
}

async function storedFields(deps: NewsroomDeps, interview: Interview): Promise<InterviewFormFields> {
  const [links, moments] = await Promise.all([
    findInterviewLinks(deps.db, [interview.id]),
    listFilmMoments(deps.db, { interviewId: interview.id }),
  ])
  return interviewFieldsOf(
    interview,
    links.get(interview.id) ?? { documentaryIds: [], topicIds: [], interviewerIds: [] },
    moments,
  )
}

/** The create or edit page, as stored or as typed with its problems. */
export async function sendInterviewPage(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: InterviewPage,
) {
  const { interview } = page
  const choices = await interviewChoices(deps)
  const fields = page.fields ?? (interview ? await storedFields(deps, interview) : undefined)
  const extras = interview
    ? await (async () => {
        const [passages, notes, revisions, accounts, video] = await Promise.all([
          listPassages(deps.db, interview.id),
          listNotes(deps.db, interview.id),
          listRevisions(deps.db, interview.id),
          listAccounts(deps.db),
          findVideoByInterview(deps.db, interview.id),
        ])
        return {
          passages,
          notes,
          revisions,
          accountNames: new Map(accounts.map(a => [a.id, a.name])),
          videoStatus: video?.status,
          notePosition: page.notePosition,
          transcriptText: page.transcriptText,
        }
      })()
    : undefined
  return sendNewsroomPage(deps, request, reply, {
    title: interview ? `Interview: ${interview.title}` : 'New interview',
    path: interview ? `/newsroom/interviews/${interview.id}` : '/newsroom/interviews/new',
    staff: request.staff,
    status: page.status,
    children: (
      <InterviewEditPage
        interview={interview}
        extras={extras}
        fields={fields ?? EMPTY_INTERVIEW_FIELDS}
        problems={page.problems ?? {}}
        sectionProblems={page.sectionProblems ?? {}}
        choices={choices.form}
        done={page.done}
        role={request.staff.account.role}
        csrf={request.staff.session.csrfToken}
      />
    ),
  })
}

/**
 * Runs one action of the interview page; when it refuses what was posted (InvalidInput) the page
 * is shown again, 400, with the problems beside the `section`'s form. Anything else (a 403, a 404)
 * goes to the error handler as usual.
 */
export async function orShowRefusal(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  interview: Interview,
  section: keyof SectionProblems,
  work: () => Promise<string>,
  extra: Pick<InterviewPage, 'transcriptText'> = {},
) {
  try {
    return reply.redirect(await work(), 303)
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'invalid_input') throw error
    const messages = (error as InvalidInput).details.length ? [...error.details] : [error.message]
    const fresh = (await findInterviewById(deps.db, interview.id)) ?? interview
    return sendInterviewPage(deps, request, reply, {
      interview: fresh,
      sectionProblems: { [section]: messages },
      status: 400,
      ...extra,
    })
  }
}
