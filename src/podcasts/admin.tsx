// Newsroom pages for podcasts: the shows (list, new, edit, with each show's episodes) and the
// episodes (new, edit; publishing and unpublishing are the status field). Editors and admins,
// as for documentaries. The audio, transcript and chapters live on `audio-admin.tsx`'s page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { emptyBody } from '../body/index.js'
import { listImages } from '../media/index.js'
import { NotFound } from '../platform/errors.js'
import { Notice, sendNewsroomPage } from '../newsroom/views.js'
import { type NewsroomDeps, type Staff, SLUG_TAKEN, unlessSlugTaken, type FormProblems } from '../newsroom/index.js'
import { loadSettings } from '../settings/index.js'
import { findMissingBodyReferences } from '../site/index.js'
import type { Db } from '../db/index.js'
import { checkEpisodeForm, checkShowForm, SHOW_NOTES_FIELD_ID, episodeFormOf, readEpisodeForm, readShowForm, showFormOf, type EpisodeForm as EpisodeFields, type ShowForm as ShowFields } from './form.js'
import { createEpisode, createShow, editEpisode, editShow } from './service.js'
import { findShowById, listShows, type Show } from './show-store.js'
import { findEpisodeById, listAllEpisodes, type Episode } from './store.js'
import { episodeTags, showTags } from './tags.js'
import { episodeUrl, showFeedPath, showUrl } from './urls.js'
import { ShowForm, ShowList } from './views/show-form.js'
import { EpisodeForm, EpisodeList } from './views/episode-form.js'

// Form fields arrive as text (a missing one reads as empty); the caps only stop abuse, each field checks its own limit.
const text = (maxLength = 20_000) => Type.Optional(Type.String({ maxLength }))
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })) })
const ShowBody = Type.Object({
  title: text(), slug: text(), description: text(), artworkId: text(100), category: text(200), explicit: text(10), ownerName: text(), ownerEmail: text(),
  author: text(), language: text(100), showType: text(100), copyright: text(), _csrf: text(200),
})
// The notes' cap sits above the body's own limit (200 kB), so the validator explains an oversized one.
const EpisodeBody = Type.Object({
  title: text(), slug: text(), number: text(100), season: text(100), episodeType: text(100), status: text(100), publishedAt: text(100),
  summary: text(), showNotes: text(400_000), _csrf: text(200),
})

const EMPTY_SHOW: ShowFields = {
  title: '', slug: '', description: '', artworkId: '', category: '', explicit: false, ownerName: '', ownerEmail: '', author: '', language: 'en', showType: 'episodic', copyright: '',
}
const EMPTY_EPISODE: EpisodeFields = {
  title: '', slug: '', number: '', season: '', episodeType: 'full', status: 'draft', publishedAt: '', summary: '', showNotes: JSON.stringify(emptyBody()),
}

/** The newsroom's dependencies, plus the body editor's script and stylesheet and the public address feeds are built on. */
export interface PodcastAdminDeps extends NewsroomDeps {
  scripts?: string[]
  stylesheets?: string[]
}

/** Registers /newsroom/podcasts (shows and their episode lists) and /newsroom/episodes/:id. */
export function registerPodcastAdminRoutes(app: FastifyInstance, deps: PodcastAdminDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()
  const actor = (staff: Staff, request: FastifyRequest) => ({ accountId: staff.account.id, ip: request.ip })

  const showOf = async (id: number): Promise<Show> => {
    const show = await findShowById(deps.db, id)
    if (!show) throw new NotFound('show', id)
    return show
  }
  const episodeOf = async (id: number): Promise<{ episode: Episode; show: Show }> => {
    const episode = await findEpisodeById(deps.db, id)
    if (!episode) throw new NotFound('episode', id)
    return { episode, show: await showOf(episode.showId) }
  }

  /** The newsroom's clock: episode dates are typed and shown in it. */
  const timeZone = async () => (await loadSettings(deps.db)).timeZone
  const sendShowForm = async (request: FastifyRequest, reply: FastifyReply, page: { staff: Staff; show?: Show; fields: ShowFields; problems?: FormProblems; status?: number; saved?: boolean }) => {
    const { show } = page
    const [images, episodes, zone] = await Promise.all([listImages(deps.db), show ? listAllEpisodes(deps.db, show.id) : [], timeZone()])
    return sendNewsroomPage(deps, request, reply, {
      title: show ? `Edit show: ${show.title}` : 'New show', path: show ? `/newsroom/podcasts/${show.id}` : '/newsroom/podcasts/new', staff: page.staff, status: page.status,
      children: (
        <>
          <p>
            <a href="/newsroom/podcasts">All shows</a>
            {show ? <> · <a href={showUrl(show.slug)}>View on the site</a> · <a href={showFeedPath(show.slug)}>Feed</a></> : null}
          </p>
          {page.saved ? <Notice kind="ok">The show is saved; the site and its feed show the change now.</Notice> : null}
          {show ? (
            <section class="nr-section" aria-labelledby="episodes-title">
              <h2 id="episodes-title">Episodes</h2>
              <p><a class="nr-button" href={`/newsroom/podcasts/${show.id}/episodes/new`}>New episode</a></p>
              <EpisodeList show={show} episodes={episodes} timeZone={zone} />
            </section>
          ) : null}
          <section class="nr-section" aria-labelledby="show-title">
            <h2 id="show-title">{show ? 'The show' : 'A new show'}</h2>
            <ShowForm id={show?.id} fields={page.fields} problems={page.problems ?? {}} images={images} csrf={page.staff.session.csrfToken} />
          </section>
        </>
      ),
    })
  }

  const sendEpisodeForm = (request: FastifyRequest, reply: FastifyReply, page: {
    staff: Staff; show: Show; episode?: Episode; fields: EpisodeFields; timeZone: string; problems?: FormProblems; notesProblems?: string[]; status?: number; saved?: boolean
  }) => {
    const { show, episode } = page
    return sendNewsroomPage(deps, request, reply, {
      title: episode ? `Edit episode: ${episode.title}` : `New episode of ${show.title}`,
      path: episode ? `/newsroom/episodes/${episode.id}` : `/newsroom/podcasts/${show.id}/episodes/new`,
      staff: page.staff, status: page.status, scripts: deps.scripts, stylesheets: deps.stylesheets,
      children: (
        <>
          <p>
            <a href={`/newsroom/podcasts/${show.id}`}>{show.title}</a>
            {episode ? <> · <a href={`/newsroom/episodes/${episode.id}/audio`}>Audio, transcript and chapters</a></> : null}
            {episode?.status === 'published' ? <> · <a href={episodeUrl(show.slug, episode.slug)}>View on the site</a></> : null}
          </p>
          {page.saved ? <Notice kind="ok">The episode is saved; the site and the feed show the change now.</Notice> : null}
          <EpisodeForm show={show} id={episode?.id} fields={page.fields} problems={page.problems ?? {}} notesProblems={page.notesProblems ?? []} csrf={page.staff.session.csrfToken} timeZone={page.timeZone} />
        </>
      ),
    })
  }

  r.get('/newsroom/podcasts', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    const shows = await listShows(deps.db)
    return sendNewsroomPage(deps, request, reply, {
      title: 'Podcasts', path: '/newsroom/podcasts', staff,
      children: (
        <>
          <p>Every show. Each show’s page lists its episodes, drafts included.</p>
          <p><a class="nr-button" href="/newsroom/podcasts/new">New show</a></p>
          <ShowList shows={shows} />
        </>
      ),
    })
  })

  r.get('/newsroom/podcasts/new', { config: { auth: 'editor' } }, async (request, reply) => {
    const staff = request.staff
    return sendShowForm(request, reply, { staff, fields: EMPTY_SHOW })
  })

  r.post('/newsroom/podcasts', { config: { auth: 'editor' }, schema: { body: ShowBody } }, async (request, reply) => {
    const staff = request.staff
    const fields = readShowForm(request.body)
    const checked = await checkShowForm(deps.db, fields)
    if ('problems' in checked) return sendShowForm(request, reply, { staff, fields, problems: checked.problems, status: 400 })
    const result = await unlessSlugTaken(() => createShow(deps.db, { fields: checked.show, publicUrl: deps.publicUrl, actor: actor(staff, request) }))
    if ('slugTaken' in result) return sendShowForm(request, reply, { staff, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: showTags(result.saved) })
    return reply.redirect(`/newsroom/podcasts/${result.saved.id}?saved=1`, 303)
  })

  r.get('/newsroom/podcasts/:id', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const staff = request.staff
    const show = await showOf(request.params.id)
    return sendShowForm(request, reply, { staff, show, fields: showFormOf(show), saved: request.query.saved === '1' })
  })

  r.post('/newsroom/podcasts/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: ShowBody } }, async (request, reply) => {
    const staff = request.staff
    const show = await showOf(request.params.id)
    const fields = readShowForm(request.body)
    const checked = await checkShowForm(deps.db, fields)
    if ('problems' in checked) return sendShowForm(request, reply, { staff, show, fields, problems: checked.problems, status: 400 })
    const result = await unlessSlugTaken(() => editShow(deps.db, { show, fields: checked.show, actor: actor(staff, request) }))
    if ('slugTaken' in result) return sendShowForm(request, reply, { staff, show, fields, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: showTags(show) })
    return reply.redirect(`/newsroom/podcasts/${show.id}?saved=1`, 303)
  })

  r.get('/newsroom/podcasts/:id/episodes/new', { config: { auth: 'editor' }, schema: { params: IdParams } }, async (request, reply) => {
    const staff = request.staff
    return sendEpisodeForm(request, reply, { staff, show: await showOf(request.params.id), fields: EMPTY_EPISODE, timeZone: await timeZone() })
  })

  r.post('/newsroom/podcasts/:id/episodes', { config: { auth: 'editor' }, schema: { params: IdParams, body: EpisodeBody } }, async (request, reply) => {
    const staff = request.staff
    const show = await showOf(request.params.id)
    const fields = readEpisodeForm(request.body)
    const zone = await timeZone()
    const checked = await withNotesReferences(deps.db, checkEpisodeForm(fields, undefined, zone))
    if ('problems' in checked) return sendEpisodeForm(request, reply, { staff, show, fields, timeZone: zone, problems: checked.problems, notesProblems: checked.notesProblems, status: 400 })
    const result = await unlessSlugTaken(() => createEpisode(deps.db, { show, fields: checked.episode, actor: actor(staff, request) }))
    if ('slugTaken' in result) return sendEpisodeForm(request, reply, { staff, show, fields, timeZone: zone, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: episodeTags(result.saved) })
    return reply.redirect(`/newsroom/episodes/${result.saved.id}?saved=1`, 303)
  })

  r.get('/newsroom/episodes/:id', { config: { auth: 'editor' }, schema: { params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    const staff = request.staff
    const { episode, show } = await episodeOf(request.params.id)
    const zone = await timeZone()
    return sendEpisodeForm(request, reply, { staff, show, episode, fields: episodeFormOf(episode, zone), timeZone: zone, saved: request.query.saved === '1' })
  })

  r.post('/newsroom/episodes/:id', { config: { auth: 'editor' }, schema: { params: IdParams, body: EpisodeBody } }, async (request, reply) => {
    const staff = request.staff
    const { episode, show } = await episodeOf(request.params.id)
    const fields = readEpisodeForm(request.body)
    const zone = await timeZone()
    const checked = await withNotesReferences(deps.db, checkEpisodeForm(fields, episode, zone))
    if ('problems' in checked) return sendEpisodeForm(request, reply, { staff, show, episode, fields, timeZone: zone, problems: checked.problems, notesProblems: checked.notesProblems, status: 400 })
    const result = await unlessSlugTaken(() => editEpisode(deps.db, { episode, fields: checked.episode, actor: actor(staff, request) }))
    if ('slugTaken' in result) return sendEpisodeForm(request, reply, { staff, show, episode, fields, timeZone: zone, problems: { slug: SLUG_TAKEN }, status: 409 })
    deps.events.emit({ tags: episodeTags(episode) })
    return reply.redirect(`/newsroom/episodes/${episode.id}?saved=1`, 303)
  })
}

/** The episode check, with each block of the show notes that embeds what does not exist added to their problems. */
async function withNotesReferences(db: Db, checked: ReturnType<typeof checkEpisodeForm>): Promise<ReturnType<typeof checkEpisodeForm>> {
  if ('problems' in checked) return checked
  const missing = await findMissingBodyReferences(db, checked.episode.showNotes)
  if (missing.length === 0) return checked
  return { problems: { [SHOW_NOTES_FIELD_ID]: 'The show notes embed something that does not exist, listed under “Show notes”.' }, notesProblems: missing }
}
