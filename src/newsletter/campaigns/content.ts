// Loads what a campaign's mail shows: its chosen stories and films as cards (the weekly digest
// fills its stories itself with the week's), what its intro embeds, the list's name and the
// site's name and footer. Also two counts the newsroom shows beside a campaign.
import type { Db } from '../../db/index.js'
import { bodyReferences, type BodyDocument } from '../../body/index.js'
import { findPublishedDocumentariesByIds, loadDocumentaryTeasers } from '../../documentaries/index.js'
import { findExcerptsByIds } from '../../excerpts/index.js'
import { findImagesByIds } from '../../media/index.js'
import { loadSettings } from '../../settings/index.js'
import {
  findPublishedStoriesByIds,
  listPublishedStoriesSince,
  loadStoryTeasers,
  type StorySummary,
} from '../../stories/index.js'
import { findListById } from '../lists.js'
import type { CampaignContent } from './mail.js'
import type { Campaign } from './store.js'
import type { IntroEmbeds } from './mail-intro.js'

/** How far back the weekly digest looks, and how many stories it takes at most. */
export const DIGEST_DAYS = 7
export const DIGEST_MAX_STORIES = 12

/**
 * The stories a campaign shows: the chosen ones in order, or for a digest with none chosen, the
 * week's up to `at` (the send's start once it started, so the web version shows what was sent).
 */
export async function campaignStories(
  db: Db,
  campaign: Pick<Campaign, 'template' | 'storyIds'> & { startedAt?: string | null },
  now = new Date(),
): Promise<StorySummary[]> {
  if (campaign.template === 'digest' && campaign.storyIds.length === 0) {
    const at = campaign.startedAt ? new Date(campaign.startedAt) : now
    const since = new Date(at.getTime() - DIGEST_DAYS * 86_400_000).toISOString()
    // Newest first: stories published after `at` (viewing an old digest) are dropped before the cap.
    const found = await listPublishedStoriesSince(db, since, DIGEST_MAX_STORIES * 10)
    return found
      .filter(s => s.publishedAt !== null && Date.parse(s.publishedAt) <= at.getTime())
      .slice(0, DIGEST_MAX_STORIES)
  }
  const found = await findPublishedStoriesByIds(db, campaign.storyIds)
  return campaign.storyIds.flatMap(id => found.get(id) ?? [])
}

/** The images, excerpts and published films an intro shows, in four queries. */
export async function loadIntroEmbeds(db: Db, intro: BodyDocument): Promise<IntroEmbeds> {
  const refs = bodyReferences(intro)
  const excerpts = await findExcerptsByIds(db, refs.excerptIds)
  const documentaries = await findPublishedDocumentariesByIds(db, [
    ...refs.documentaryIds,
    ...[...excerpts.values()].map(e => e.documentaryId),
  ])
  const posterIds = [...documentaries.values()].flatMap(d => (d.posterId ? [d.posterId] : []))
  const [images, posters] = await Promise.all([findImagesByIds(db, refs.imageIds), findImagesByIds(db, posterIds)])
  return { images, excerpts, documentaries, posters }
}

/** Everything `renderCampaignMail` needs; unpublished stories and films are left out. */
export async function loadCampaignContent(db: Db, campaign: Campaign, publicUrl: string): Promise<CampaignContent> {
  const [stories, films, settings, list, introEmbeds] = await Promise.all([
    campaignStories(db, campaign),
    findPublishedDocumentariesByIds(db, campaign.documentaryIds),
    loadSettings(db),
    findListById(db, campaign.listId),
    loadIntroEmbeds(db, campaign.intro),
  ])
  const documentaries = campaign.documentaryIds.flatMap(id => films.get(id) ?? [])
  return {
    campaign,
    stories: await loadStoryTeasers(db, stories),
    documentaries: await loadDocumentaryTeasers(db, documentaries),
    introEmbeds,
    siteName: settings.name,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    listName: list?.name ?? 'Newsletter',
    footerText: settings.footerText,
  }
}

/** The cache tags of a campaign's web version: the campaign and every story and film it shows. */
export function campaignContentTags(content: CampaignContent): string[] {
  const embeds = content.introEmbeds
  return [
    ...new Set([
      `newsletter-campaign:${content.campaign.id}`,
      ...content.stories.map(s => `story:${s.story.id}`),
      ...content.documentaries.map(d => `documentary:${d.documentary.id}`),
      ...(embeds ? [...embeds.documentaries.keys()].map(id => `documentary:${id}`) : []),
    ]),
  ]
}
