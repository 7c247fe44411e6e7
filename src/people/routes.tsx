// Public pages of people: a reporter's profile and their stories.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd, profilePageLd } from '../platform/seo/json-ld.js'
import { findImagesByIds, imageUrl } from '../media/index.js'
import { Picture } from '../media/views.js'
import { listPublishedStories, loadStoryTeasers, storyTeaserTags } from '../stories/index.js'
import { StoryList } from '../stories/views.js'
import { findPersonBySlug, listPeople } from './store.js'
import { personUrl } from './urls.js'
import { SocialLinks } from './views/social-links.js'
import { sendPage, Pagination } from '../site/views.js'
import { type PublicDeps, PageQuery, SlugParams, pageHref } from '../site/index.js'

const PER_PAGE = 10

/** Registers /people and /people/:slug. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/people', { config: { cache: 'public' } }, async (request, reply) => {
    const people = await listPeople(deps.db)
    const photos = await findImagesByIds(deps.db, people.flatMap((p) => (p.photoId ? [p.photoId] : [])))
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['list:people', ...people.map((p) => `person:${p.id}`)],
      content: (
        <div class="wrap list-page">
          <header class="list-page__header">
            <h1>Our people</h1>
            <p class="list-page__intro">The reporters, editors and filmmakers of {settings.name}.</p>
          </header>
          <ul class="people-grid">
            {people.map((person) => {
              const photo = person.photoId ? photos.get(person.photoId) : undefined
              return (
                <li key={person.id} class="people-grid__item">
                  {photo ? <Picture class="people-grid__photo" image={photo} alt="" /> : null}
                  <h2 class="people-grid__name"><a href={personUrl(person.slug)}>{person.name}</a></h2>
                  <p class="people-grid__title">{person.jobTitle}</p>
                </li>
              )
            })}
          </ul>
        </div>
      ),
      meta: {
        title: 'Our people', description: `The reporters, editors and filmmakers of ${settings.name}.`, path: '/people',
        jsonLd: [breadcrumbLd([{ name: settings.name, url: `${deps.publicUrl}/` }, { name: 'People', url: `${deps.publicUrl}/people` }])],
      },
    })
  })

  r.get('/people/:slug', { schema: { params: SlugParams, querystring: PageQuery }, config: { cache: 'public' } }, async (request, reply) => {
    const person = await findPersonBySlug(deps.db, request.params.slug)
    if (!person) throw new NotFound('person', request.params.slug)
    const page = request.query.page ?? 1
    const [list, images] = await Promise.all([
      listPublishedStories(deps.db, { page, pageSize: PER_PAGE, personId: person.id }),
      findImagesByIds(deps.db, person.photoId ? [person.photoId] : []),
    ])
    if (page > list.pageCount) throw new NotFound('page of stories', page)
    const teasers = await loadStoryTeasers(deps.db, list.items)
    const photo = person.photoId ? images.get(person.photoId) : undefined
    const { settings } = await deps.chrome()
    const path = personUrl(person.slug)
    return sendPage(deps, request, reply, {
      tags: [`person:${person.id}`, 'list:stories', ...storyTeaserTags(teasers)],
      content: (
        <div class="wrap list-page">
          <header class="profile">
            {photo ? <Picture class="profile__photo" image={photo} alt={`Portrait of ${person.name}`} priority /> : null}
            <div>
              <h1 class="profile__name">{person.name}</h1>
              <p class="profile__title">{person.jobTitle}</p>
              <p class="profile__bio">{person.bio}</p>
              <SocialLinks links={person.socials} label={`${person.name} elsewhere`} />
              <p class="feed-link"><a href={`${path}/feed.xml`}>RSS feed of {person.name}’s stories</a></p>
            </div>
          </header>
          <section aria-labelledby="person-stories">
            <h2 id="person-stories" class="section-heading">Stories by {person.name}</h2>
            {teasers.length ? <StoryList teasers={teasers} timeZone={settings.timeZone} /> : <p>No published stories yet.</p>}
          </section>
          <Pagination path={path} page={page} pageCount={list.pageCount} />
        </div>
      ),
      meta: {
        title: page > 1 ? `${person.name}, page ${page}` : person.name,
        description: `${person.name}, ${person.jobTitle} at ${settings.name}. ${person.bio}`.slice(0, 300),
        path: pageHref(path, page), type: 'profile',
        image: photo ? { url: `${deps.publicUrl}${imageUrl(photo)}`, width: photo.width, height: photo.height, alt: `Portrait of ${person.name}` } : undefined,
        prev: page > 1 ? pageHref(path, page - 1) : undefined,
        next: page < list.pageCount ? pageHref(path, page + 1) : undefined,
        feeds: [{ title: `${settings.name}: ${person.name}`, href: `${path}/feed.xml` }, { title: `${settings.name}: ${person.name} (Atom)`, href: `${path}/feed.atom`, type: 'atom' }],
        jsonLd: [
          profilePageLd({
            url: `${deps.publicUrl}${path}`, name: person.name, jobTitle: person.jobTitle, description: person.bio,
            image: photo ? `${deps.publicUrl}${imageUrl(photo)}` : undefined, sameAs: person.socials.filter((s) => s.network !== 'email').map((s) => s.url),
          }),
          breadcrumbLd([{ name: settings.name, url: `${deps.publicUrl}/` }, { name: person.name, url: `${deps.publicUrl}${path}` }]),
        ],
      },
    })
  })
}
