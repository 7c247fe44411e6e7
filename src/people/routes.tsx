// Public pages of people: the staff directory, and a reporter's profile and their stories.
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { NotFound } from '../platform/errors.js'
import { breadcrumbLd, profilePageLd } from '../platform/seo/json-ld.js'
import type { PageMeta } from '../platform/seo/meta.js'
import { findImagesByIds, imageUrl, type Image } from '../media/index.js'
import { listPublishedStories, loadStoryTeasers, storyTeaserTags } from '../stories/index.js'
import { listPersonInterviews } from '../interviews/index.js'
import type { SiteSettings } from '../settings/index.js'
import { findPersonBySlug, listPeople, type Person } from './store.js'
import { personUrl } from './urls.js'
import { PeoplePage } from './views/people-page.js'
import { PersonPage } from './views/person-page.js'
import { sendPage } from '../site/views.js'
import { type PublicDeps, PageQuery, SlugParams, pageHref } from '../site/index.js'

const PER_PAGE = 10

/** A profile's head: a profile page with the person's portrait, paging links, their feeds and breadcrumb. */
function personPageMeta(
  person: Person,
  photo: Image | undefined,
  paging: { page: number; pageCount: number },
  settings: SiteSettings,
  publicUrl: string,
): PageMeta {
  const path = personUrl(person.slug)
  const { page, pageCount } = paging
  const photoUrl = photo ? `${publicUrl}${imageUrl(photo)}` : undefined
  return {
    title: page > 1 ? `${person.name}, page ${page}` : person.name,
    description: `${person.name}, ${person.jobTitle} at ${settings.name}. ${person.bio}`.slice(0, 300),
    path: pageHref(path, page),
    type: 'profile',
    image:
      photo && photoUrl
        ? { url: photoUrl, width: photo.width, height: photo.height, alt: `Portrait of ${person.name}` }
        : undefined,
    prev: page > 1 ? pageHref(path, page - 1) : undefined,
    next: page < pageCount ? pageHref(path, page + 1) : undefined,
    feeds: [
      { title: `${settings.name}: ${person.name}`, href: `${path}/feed.xml` },
      { title: `${settings.name}: ${person.name} (Atom)`, href: `${path}/feed.atom`, type: 'atom' },
    ],
    jsonLd: [
      profilePageLd({
        url: `${publicUrl}${path}`,
        name: person.name,
        jobTitle: person.jobTitle,
        description: person.bio,
        image: photoUrl,
        sameAs: person.socials.filter(s => s.network !== 'email').map(s => s.url),
      }),
      breadcrumbLd([
        { name: settings.name, url: `${publicUrl}/` },
        { name: person.name, url: `${publicUrl}${path}` },
      ]),
    ],
  }
}

/** Registers /people and /people/:slug. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>()

  r.get('/people', { config: { cache: 'public' } }, async (request, reply) => {
    const people = await listPeople(deps.db)
    const photos = await findImagesByIds(
      deps.db,
      people.flatMap(p => (p.photoId ? [p.photoId] : [])),
    )
    const { settings } = await deps.chrome()
    return sendPage(deps, request, reply, {
      tags: ['list:people', ...people.map(p => `person:${p.id}`)],
      content: <PeoplePage people={people} photos={photos} siteName={settings.name} />,
      meta: {
        title: 'Our people',
        description: `The reporters, editors and filmmakers of ${settings.name}.`,
        path: '/people',
        jsonLd: [
          breadcrumbLd([
            { name: settings.name, url: `${deps.publicUrl}/` },
            { name: 'People', url: `${deps.publicUrl}/people` },
          ]),
        ],
      },
    })
  })

  r.get(
    '/people/:slug',
    { schema: { params: SlugParams, querystring: PageQuery }, config: { cache: 'public' } },
    async (request, reply) => {
      const person = await findPersonBySlug(deps.db, request.params.slug)
      if (!person) throw new NotFound('person', request.params.slug)
      const page = request.query.page ?? 1
      const [list, images, interviews] = await Promise.all([
        listPublishedStories(deps.db, { page, pageSize: PER_PAGE, personId: person.id }),
        findImagesByIds(deps.db, person.photoId ? [person.photoId] : []),
        listPersonInterviews(deps.db, person.id),
      ])
      if (page > list.pageCount) throw new NotFound('page of stories', page)
      const teasers = await loadStoryTeasers(deps.db, list.items)
      const photo = person.photoId ? images.get(person.photoId) : undefined
      const { settings } = await deps.chrome()
      return sendPage(deps, request, reply, {
        tags: [
          `person:${person.id}`,
          'list:stories',
          ...storyTeaserTags(teasers),
          'list:interviews',
          ...interviews.map(i => `interview:${i.interview.id}`),
        ],
        content: (
          <PersonPage
            person={person}
            photo={photo}
            teasers={teasers}
            page={page}
            pageCount={list.pageCount}
            timeZone={settings.timeZone}
            interviews={interviews}
          />
        ),
        meta: personPageMeta(person, photo, { page, pageCount: list.pageCount }, settings, deps.publicUrl),
      })
    },
  )
}
