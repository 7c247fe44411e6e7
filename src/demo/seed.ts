// Loads the demo newsroom: stores its pictures, then writes every row in one transaction,
// resolving the content's symbolic references (image keys, slugs) to ids. The pictures are the
// full artwork (`artwork: 'now'`, for `newsreel seed`), or tiny previews whose artwork is queued
// as background jobs (`artwork: 'queued'`, for `newsreel start`, so the site answers at once).
import type { Db } from '../db/index.js'
import { createLocalStorage } from '../platform/storage/index.js'
import { hoursAgo } from '../platform/time.js'
import { insertImage, makeVariants, type ImageVariant } from '../media/index.js'
import { insertPerson, type SocialNetwork } from '../people/index.js'
import { insertTopic } from '../topics/index.js'
import { insertFunder } from '../funders/index.js'
import { insertDocumentary } from '../documentaries/index.js'
import { insertExcerpt } from '../excerpts/index.js'
import { queueDemoVideos } from '../videos/index.js'
import { insertEpisode, insertShow, podcastGuid, queueDemoAudio, showFeedUrl } from '../podcasts/index.js'
import { insertStory } from '../stories/index.js'
import { insertCorrection } from '../corrections/index.js'
import { insertPage } from '../pages/index.js'
import { saveSettings } from '../settings/index.js'
import { parseBody } from '../body/index.js'
import { hashPassword, insertAccount, type Role } from '../newsroom/index.js'
import { demoContent } from './content/index.js'
import { demoInterviews } from './content/interviews.js'
import { renderDemoImage } from './artwork.js'
import { drawPreviewsOnce } from './drawing-process.js'
import { artworkKey, queueDemoArtwork } from './artwork-job.js'
import { demoFilmStills } from './film-stills.js'
import { interviewStory } from './content/story-interviews.js'
import { resolveInterviewReferences, seedDemoInterviews } from './seed-interviews.js'

/** The password of the demo staff accounts. They exist only in a demo seeded outside production. */
export const DEMO_PASSWORD = 'long-view-demo-2026'

/** The demo staff accounts: one per role, the author and contributor writing under demo bylines. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; person?: string }[] = [
  { email: 'admin@longview.example', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@longview.example', name: 'Demo Editor', role: 'editor' },
  { email: 'author@longview.example', name: 'Demo Author', role: 'author', person: 'desmond-achterberg' },
  { email: 'contributor@longview.example', name: 'Demo Contributor', role: 'contributor', person: 'lena-marchetti' },
]

/** Seeds the demo newsroom; returns a one-line summary of what was written. */
export async function seedDemoNewsroom(
  db: Db,
  options: {
    mediaDir: string
    now?: Date
    withAccounts?: boolean
    publicUrl?: string
    /** 'now' renders every picture before the rows are written (about a minute); 'queued' stores previews and queues jobs. */
    artwork?: 'now' | 'queued'
  },
): Promise<string> {
  const content = demoContent
  const now = options.now ?? new Date()
  const storage = createLocalStorage(options.mediaDir)
  const queued = options.artwork === 'queued'

  // Pictures first, outside the transaction: artwork takes a second each, previews milliseconds.
  const files = new Map<
    string,
    { storageKey: string; contentType: string; width: number; height: number; variants: ImageVariant[] }
  >()
  // Drawn in a process that ends with them, so the server never loads libvips for 62 thumbnails.
  const previews = queued ? await drawPreviewsOnce(content.images) : []
  for (const [index, image] of content.images.entries()) {
    const preview = previews[index]
    if (preview) {
      const storageKey = artworkKey(`${image.key}.preview`, preview)
      await storage.put(storageKey, preview.data)
      files.set(image.key, { ...preview, storageKey, variants: [] })
      continue
    }
    const art = await renderDemoImage(image)
    const storageKey = artworkKey(image.key, art)
    await storage.put(storageKey, art.data)
    // Responsive AVIF/WebP/JPEG copies: about a quarter of a second per picture on two cores.
    const variants = await makeVariants(storage, storageKey, art.data)
    files.set(image.key, { storageKey, contentType: art.contentType, width: art.width, height: art.height, variants })
  }

  const passwordHash = options.withAccounts ? await hashPassword(DEMO_PASSWORD) : null
  await db.transaction().execute(async trx => {
    const imageIds = new Map<string, number>()
    for (const image of content.images) {
      const file = files.get(image.key)
      if (!file) continue
      const row = await insertImage(trx, {
        storageKey: file.storageKey,
        contentType: file.contentType,
        width: file.width,
        height: file.height,
        variants: file.variants,
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
      })
      imageIds.set(image.key, row.id)
    }
    if (queued)
      await queueDemoArtwork(
        trx,
        content.images.map(i => ({ imageId: need(imageIds, i.key, 'image'), key: i.key, kind: i.kind, seed: i.seed })),
      )
    const imageId = (key: string) => need(imageIds, key, 'image')

    const topicIds = new Map<string, number>()
    for (const [position, topic] of content.topics.entries()) {
      topicIds.set(topic.slug, (await insertTopic(trx, { ...topic, position })).id)
    }
    const personIds = new Map<string, number>()
    for (const p of content.people) {
      const person = await insertPerson(trx, {
        slug: p.slug,
        name: p.name,
        jobTitle: p.jobTitle,
        bio: p.bio,
        photoId: imageId(p.photo),
        socials: p.socials.map(s => ({ network: s.network as SocialNetwork, url: s.url })),
      })
      personIds.set(p.slug, person.id)
    }
    const funderIds = new Map<string, number>()
    for (const [position, f] of content.funders.entries()) {
      const funder = await insertFunder(trx, {
        slug: f.slug,
        name: f.name,
        url: f.url,
        logoId: imageId(f.logo),
        tier: f.tier,
        description: f.description,
        siteWide: f.siteWide,
        position,
      })
      funderIds.set(f.slug, funder.id)
    }
    const documentaryIds = new Map<string, number>()
    const excerptIds = new Map<string, number>()
    for (const d of content.documentaries) {
      const film = await insertDocumentary(trx, {
        slug: d.slug,
        title: d.title,
        dek: d.dek,
        synopsis: d.synopsis,
        runtimeSeconds: d.runtimeSeconds,
        releaseDate: d.releaseDate,
        posterId: imageId(d.poster),
        credits: d.credits,
        status: 'published',
        publishedAt: hoursAgo(d.publishedDaysAgo * 24, now),
        topicIds: d.topics.map(slug => need(topicIds, slug, 'topic')),
        funderIds: d.funders.map(slug => need(funderIds, slug, 'funder')),
      })
      documentaryIds.set(d.slug, film.id)
      for (const e of d.excerpts) {
        const excerpt = await insertExcerpt(trx, {
          documentaryId: film.id,
          title: e.title,
          caption: e.caption,
          startSeconds: e.startSeconds,
          endSeconds: e.endSeconds,
        })
        excerptIds.set(`${d.slug}/${e.key}`, excerpt.id)
      }
    }
    // Each film gets a generated video: queued here, made by jobs once the site is up.
    await queueDemoVideos(
      trx,
      content.documentaries.map((d, index) => ({
        documentaryId: need(documentaryIds, d.slug, 'documentary'),
        title: d.title,
        stills: demoFilmStills(content.images, [...content.stories, interviewStory], d.slug, index),
      })),
    )
    // Two interviews per film: transcripts now, recordings made by jobs once the site is up.
    const interviews = await seedDemoInterviews(trx, {
      now,
      staff: content.people,
      personIds,
      topicIds,
      documentaryIds,
    })
    const resolveRefs = referenceResolver({ imageIds, excerptIds, documentaryIds })
    const resolve = (body: unknown) => resolveRefs(resolveInterviewReferences(body, interviews))
    for (const s of [...content.stories, interviewStory]) {
      const publishedAt = hoursAgo(s.publishedHoursAgo, now)
      const story = await insertStory(trx, {
        slug: s.slug,
        title: s.title,
        dek: s.dek,
        body: resolve(s.body),
        section: s.section,
        status: 'published',
        publishedAt,
        heroImageId: imageId(s.hero),
        authorIds: s.authors.map(slug => need(personIds, slug, 'person')),
        topicIds: s.topics.map(slug => need(topicIds, slug, 'topic')),
        documentaryIds: s.documentaries.map(slug => need(documentaryIds, slug, 'documentary')),
      })
      for (const c of s.corrections) {
        const at = new Date(Date.parse(publishedAt) + c.daysAfterPublication * 86_400_000)
        await insertCorrection(trx, {
          storyId: story.id,
          kind: c.kind,
          body: c.body,
          publishedAt: (at > now ? now : at).toISOString(),
        })
      }
    }
    for (const page of content.pages) {
      await insertPage(trx, { slug: page.slug, title: page.title, summary: page.summary, body: resolve(page.body) })
    }
    await seedDemoPodcast(trx, { imageId, now, publicUrl: options.publicUrl ?? 'http://localhost:4000' })
    await saveSettings(trx, { ...content.settings, timeZone: 'America/New_York', language: 'en' })
    if (passwordHash) {
      for (const account of DEMO_ACCOUNTS) {
        await insertAccount(trx, {
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash,
          personId: account.person ? (personIds.get(account.person) ?? null) : null,
        })
      }
    }
  })
  return `${content.stories.length + 1} stories, ${content.documentaries.length} documentaries, ${demoInterviews.length} interviews, 1 podcast with ${content.podcast.episodes.length} episodes, ${content.people.length} people, ${content.topics.length} topics, ${content.funders.length} funders, ${content.pages.length} pages, ${content.images.length} images`
}

/** The demo show and its episodes (published), with their audio queued to be generated. */
async function seedDemoPodcast(
  db: Db,
  o: { imageId: (key: string) => number; now: Date; publicUrl: string },
): Promise<void> {
  const { episodes, artwork, ...show } = demoContent.podcast
  const saved = await insertShow(db, {
    ...show,
    artworkId: o.imageId(artwork),
    explicit: false,
    language: 'en',
    showType: 'episodic',
    podcastGuid: podcastGuid(showFeedUrl(o.publicUrl, show.slug)),
  })
  const queued = []
  for (const [index, e] of episodes.entries()) {
    const episode = await insertEpisode(db, saved.id, {
      slug: e.slug,
      title: e.title,
      number: e.number,
      season: e.season,
      episodeType: e.episodeType,
      status: 'published',
      publishedAt: hoursAgo(e.publishedDaysAgo * 24, o.now),
      summary: e.summary,
      showNotes: parseBody(e.showNotes),
    })
    queued.push({ episodeId: episode.id, index, seconds: e.seconds, transcript: e.transcript, chapters: e.chapters })
  }
  await queueDemoAudio(db, queued)
}

function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key)
  if (id === undefined) throw new Error(`demo content refers to an unknown ${what} "${key}"`)
  return id
}

/** Replaces symbolic references in demo bodies (imageKey, excerptKey, documentarySlug) by ids. */
function referenceResolver(ids: {
  imageIds: Map<string, number>
  excerptIds: Map<string, number>
  documentaryIds: Map<string, number>
}) {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (!node || typeof node !== 'object') return node
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) out[key] = walk(value)
    const attrs = out.attrs as Record<string, unknown> | undefined
    if (attrs && typeof attrs.imageKey === 'string')
      out.attrs = swap(attrs, 'imageKey', 'imageId', need(ids.imageIds, attrs.imageKey, 'image'))
    if (attrs && typeof attrs.excerptKey === 'string')
      out.attrs = swap(attrs, 'excerptKey', 'excerptId', need(ids.excerptIds, attrs.excerptKey, 'excerpt'))
    if (attrs && typeof attrs.documentarySlug === 'string')
      out.attrs = swap(
        attrs,
        'documentarySlug',
        'documentaryId',
        need(ids.documentaryIds, attrs.documentarySlug, 'documentary'),
      )
    return out
  }
  return walk
}

function swap(attrs: Record<string, unknown>, from: string, to: string, id: number): Record<string, unknown> {
  const { [from]: _dropped, ...rest } = attrs
  return { ...rest, [to]: id }
}
