// The posts of the interview page's transcript: filling it from an uploaded file or pasted text
// (a plain multipart form, read here: this route alone accepts multipart), withholding and
// releasing chosen passages, and notes beside passages. Each calls one action and redirects, or
// shows the page again with the refusal beside its form.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { actorOf, textField } from '../newsroom/index.js'
import { InvalidInput } from '../platform/errors.js'
import { IdInteger, IdParams } from '../platform/http/integer-inputs.js'
import { interviewOf, orShowRefusal, type InterviewAdminDeps } from './admin-page.js'
import { MAX_TRANSCRIPT_BYTES, type TranscriptFormat } from './transcript-files.js'
import {
  addNote,
  editNote,
  fillTranscript,
  releasePassages,
  removeNote,
  withholdPassages,
} from './transcript-actions.js'
import type { WithheldReason } from './schema.js'

// A file a little over the limit still arrives, so the reader can say how large it may be.
const TRANSCRIPT_MAX_CHARS = MAX_TRANSCRIPT_BYTES + 1024
const TranscriptBody = Type.Object({
  transcriptFile: textField(TRANSCRIPT_MAX_CHARS),
  transcriptFileFilename: textField(300),
  transcriptText: textField(TRANSCRIPT_MAX_CHARS),
  format: textField(20),
  _csrf: textField(200),
})
const PassagesBody = Type.Object({
  positions: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 10_000 })),
  reason: textField(40),
  do: textField(20),
  _csrf: textField(200),
})
const NoteBody = Type.Object({
  passage: textField(20),
  kind: textField(40),
  body: textField(),
  linkUrl: textField(3000),
  _csrf: textField(200),
})
const NoteParams = Type.Object({ id: IdInteger(), noteId: IdInteger() })
const FORMATS: Record<string, TranscriptFormat | undefined> = {
  '': undefined,
  webvtt: 'webvtt',
  srt: 'srt',
  text: 'text',
}

/**
 * A multipart form read whole with the platform's own reader (the Fetch API's FormData): text
 * fields as text, a file as its text under its field's name and its name under `<field>Filename`.
 */
async function readMultipartForm(contentType: string, body: Buffer): Promise<Record<string, string>> {
  let form: FormData
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw new InvalidInput('The form could not be read. Reload the page and try again.')
  }
  const fields: Record<string, string> = {}
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value
    else {
      fields[name] = await value.text()
      fields[`${name}Filename`] = value.name
    }
  }
  return fields
}

const pageOf = (id: number, done: string, anchor: string) => `/newsroom/interviews/${id}?done=${done}#${anchor}`

/** Registers the transcript, passage and note posts under /newsroom/interviews/:id. */
export function registerInterviewTranscriptRoutes(app: FastifyInstance, deps: InterviewAdminDeps): void {
  registerTranscriptFillRoute(app, deps)
  registerPassageRoute(app, deps)
  registerNoteRoutes(app, deps)
}

/** Registers the post that fills the transcript, in its own scope: the one route that reads multipart. */
function registerTranscriptFillRoute(app: FastifyInstance, deps: InterviewAdminDeps): void {
  app.register(async scope => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: 2 * TRANSCRIPT_MAX_CHARS + 65_536 },
      (request, body, done) => {
        readMultipartForm(String(request.headers['content-type']), body as Buffer).then(
          fields => done(null, fields),
          done,
        )
      },
    )
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post(
        '/newsroom/interviews/:id/transcript',
        { config: { auth: 'author' }, schema: { params: IdParams, body: TranscriptBody } },
        async (request, reply) => {
          const interview = await interviewOf(deps, request, request.params.id)
          const { transcriptFile = '', transcriptFileFilename = '', transcriptText = '', format = '' } = request.body
          const fromFile = transcriptFile.trim() !== ''
          return orShowRefusal(
            deps,
            request,
            reply,
            interview,
            'transcript',
            async () => {
              if (!(format in FORMATS))
                throw new InvalidInput('Choose the format from the list, or let it be told from the file.')
              if (!fromFile && !transcriptText.trim())
                throw new InvalidInput('Choose a transcript file, or paste the transcript, before filling it.')
              const upload = fromFile
                ? { text: transcriptFile, filename: transcriptFileFilename }
                : { text: transcriptText, filename: '' }
              await fillTranscript(deps, actorOf(request), interview.id, { ...upload, format: FORMATS[format] })
              return pageOf(interview.id, 'transcript', 'passages-title')
            },
            { transcriptText: fromFile ? '' : transcriptText.slice(0, 200_000) },
          )
        },
      )
  })
}

/** Registers the post that withholds or releases the chosen passages. */
function registerPassageRoute(app: FastifyInstance, deps: InterviewAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.post(
    '/newsroom/interviews/:id/passages',
    { config: { auth: 'author' }, schema: { params: IdParams, body: PassagesBody } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      const { positions = [], reason = '', do: what } = request.body
      return orShowRefusal(deps, request, reply, interview, 'passages', async () => {
        if (positions.some(p => !/^\d{1,6}$/.test(p))) throw new InvalidInput('Choose passages from the list.')
        const chosen = positions.map(Number)
        if (what !== 'withhold' && what !== 'release')
          throw new InvalidInput('Choose whether to withhold or release the passages.')
        const changed =
          what === 'withhold'
            ? await withholdPassages(deps, actorOf(request), interview.id, chosen, reason as WithheldReason)
            : await releasePassages(deps, actorOf(request), interview.id, chosen)
        return pageOf(
          interview.id,
          changed ? (what === 'withhold' ? 'withheld' : 'released') : 'unchanged',
          `p-${(chosen[0] ?? 0) + 1}`,
        )
      })
    },
  )
}

/** Registers the posts that add, edit and remove the notes beside passages. */
function registerNoteRoutes(app: FastifyInstance, deps: InterviewAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.post(
    '/newsroom/interviews/:id/notes',
    { config: { auth: 'author' }, schema: { params: IdParams, body: NoteBody } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      const { passage = '', kind = '', body = '', linkUrl = '' } = request.body
      return orShowRefusal(deps, request, reply, interview, 'notes', async () => {
        if (!/^\d{1,6}$/.test(passage.trim()) || Number(passage) < 1)
          throw new InvalidInput('Write the number of the passage the note is about, like “12”.')
        const position = Number(passage) - 1
        await addNote(deps, actorOf(request), interview.id, position, { kind, body, linkUrl })
        return pageOf(interview.id, 'note-added', `p-${position + 1}`)
      })
    },
  )

  r.post(
    '/newsroom/interviews/:id/notes/:noteId',
    { config: { auth: 'author' }, schema: { params: NoteParams, body: NoteBody } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      const { kind = '', body = '', linkUrl = '' } = request.body
      return orShowRefusal(deps, request, reply, interview, 'notes', async () => {
        await editNote(deps, actorOf(request), interview.id, request.params.noteId, { kind, body, linkUrl })
        return pageOf(interview.id, 'note-saved', 'passages-title')
      })
    },
  )

  r.post(
    '/newsroom/interviews/:id/notes/:noteId/remove',
    { config: { auth: 'author' }, schema: { params: NoteParams, body: Type.Object({ _csrf: textField(200) }) } },
    async (request, reply) => {
      const interview = await interviewOf(deps, request, request.params.id)
      await removeNote(deps, actorOf(request), interview.id, request.params.noteId)
      return reply.redirect(pageOf(interview.id, 'note-removed', 'passages-title'), 303)
    },
  )
}
