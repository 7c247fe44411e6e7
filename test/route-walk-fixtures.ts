// One of every kind of object the newsroom and the reading site show, so tests that walk the
// app's own route list can fill every address with something that exists.
import { join } from 'node:path'
import type { testApp } from './helpers.js'
import { makeAccount } from './newsroom-helpers.js'
import {
  makeCorrection,
  makeDocumentary,
  makeExcerpt,
  makeFunder,
  makeInterview,
  makePerson,
  makeStory,
  makeTopic,
  paragraphs,
} from './factories.js'
import { makeList, makeSubscribers } from './newsletter-factories.js'
import { insertEpisode, insertShow, podcastGuid } from '../src/podcasts/index.js'
import { insertPage } from '../src/pages/index.js'
import { insertCampaign } from '../src/newsletter/index.js'
import { listOutbox } from '../src/platform/mail/index.js'
import { findStoryForEditing } from '../src/stories/index.js'
import { insertRevision, saveStory } from '../src/stories/draft-store.js'
import { hoursAgo } from '../src/platform/time.js'
import type { BodyDocument } from '../src/body/index.js'

type TestApp = Awaited<ReturnType<typeof testApp>>

/** The slug every sluggable object gets, so `:slug`, `:show` and `:episode` all find one. */
export const SLUG = 'one'

/** Ids by the path segment that names their kind in newsroom addresses, and an outbox message. */
export interface Everything {
  ids: Record<string, number>
  mailFile: string
  /** A published story by someone else, edited after publication (its revisions hold removed text). */
  foreignStoryId: number
  removedText: string
}

/** Creates one of everything; the stories and the interview belong to an editor, not to whoever signs in later. */
export async function makeEverything(t: TestApp): Promise<Everything> {
  const db = t.database.db
  const editor = await makeAccount(t, 'editor')
  const person = await makePerson(db, { slug: SLUG })
  const topic = await makeTopic(db, { slug: SLUG })
  const film = await makeDocumentary(db, { slug: SLUG })
  const excerpt = await makeExcerpt(db, film.id)
  const funder = await makeFunder(db, { slug: SLUG })
  const removedText = 'The source asked not to be named: Ada Quimby of Marlow.'
  const story = await makeStory(db, {
    slug: SLUG,
    body: paragraphs(removedText),
    authorIds: [person.id],
    topicIds: [topic.id],
  })
  await db.updateTable('stories').set({ owner_account_id: editor.id }).where('id', '=', story.id).execute()
  // Version 1 as first published, then an edit that removes the name: two revisions to compare.
  const first = await findStoryForEditing(db, story.id)
  if (!first) throw new Error('story not stored')
  await insertRevision(db, story.id, 1, first, editor.id)
  await db.transaction().execute(trx =>
    saveStory(
      trx,
      story.id,
      1,
      {
        slug: SLUG,
        title: story.title,
        dek: story.dek,
        body: paragraphs('The source asked not to be named.'),
        section: 'article',
        heroImageId: null,
        authorIds: [person.id],
        topicIds: [topic.id],
        documentaryIds: [],
      },
      editor.id,
    ),
  )
  const correction = await makeCorrection(db, story.id)
  // A draft interview of the editor's: nobody else who signs in later owns it or was its interviewer.
  const interview = await makeInterview(db, {
    slug: SLUG,
    ownerAccountId: editor.id,
    passages: [
      { speaker: 'Interviewer', startSeconds: 0, endSeconds: 6, text: 'Where were you that morning?' },
      { speaker: 'Witness', startSeconds: 6, endSeconds: 15, text: 'At the ferry terminal, counting the crates.' },
    ],
  })
  const show = await insertShow(db, {
    slug: SLUG,
    title: 'A show',
    description: 'A show.',
    artworkId: null,
    category: 'News',
    subcategory: null,
    explicit: false,
    ownerName: 'O',
    ownerEmail: 'o@example.org',
    author: 'A',
    language: 'en',
    showType: 'episodic',
    copyright: '',
    podcastGuid: podcastGuid('walk/one'),
  })
  const episode = await insertEpisode(db, show.id, {
    slug: SLUG,
    title: 'First',
    number: 1,
    season: null,
    episodeType: 'full',
    status: 'published',
    publishedAt: hoursAgo(2),
    summary: 'An episode.',
    showNotes: paragraphs('Notes.') as BodyDocument,
  })
  const page = await insertPage(db, {
    slug: 'walk-page',
    title: 'A page',
    summary: 'A page.',
    body: paragraphs('Text.'),
  })
  const list = await makeList(db)
  await makeSubscribers(db, list.id, 1)
  const subscriber = await db.selectFrom('newsletter_subscribers').select('id').executeTakeFirstOrThrow()
  const campaign = await insertCampaign(
    db,
    {
      listId: list.id,
      subject: 'An issue',
      preheader: 'Things',
      template: 'standard',
      intro: paragraphs('Hello.') as BodyDocument,
      storyIds: [story.id],
      documentaryIds: [],
    },
    editor.id,
  )
  await t.mailer.send({ to: 'someone@example.org', subject: 'A message', text: 'Hello.' })
  const mail = await listOutbox(join(t.config.dataDir, 'mail'))
  if (!mail[0]) throw new Error('no message in the outbox')
  return {
    ids: {
      stories: story.id,
      documentaries: film.id,
      excerpts: excerpt.id,
      topics: topic.id,
      people: person.id,
      funders: funder.id,
      podcasts: show.id,
      episodes: episode.id,
      pages: page.id,
      campaigns: campaign.id,
      subscribers: subscriber.id,
      corrections: correction.id,
      interviews: interview.id,
    },
    mailFile: mail[0].file,
    foreignStoryId: story.id,
    removedText,
  }
}

/** The kind of object a newsroom address's `:id` names: the path segment just before it. */
export function kindOf(url: string): string | undefined {
  return /\/([a-z-]+)\/:id\b/.exec(url)?.[1]
}
