// What the newsroom's front page shows a person, composed from the parts' doors: stories in
// review and their own drafts, what is scheduled, what was last published, media still in the
// pipeline and newsletter sends under way. Below editor, a person sees only their own stories,
// and no section whose pages their role cannot open.
import type { Db } from '../db/index.js'
import { nowIso } from '../platform/time.js'
import { hasRole, type Account } from '../newsroom/index.js'
import { latestStories, listStoriesForNewsroom, storyUrl, type NewsroomStoryRow } from '../stories/index.js'
import {
  listEpisodesByAudioStatus,
  listScheduledEpisodes,
  listShows,
  type Episode,
  type Show,
} from '../podcasts/index.js'
import { listVideosByStatus } from '../videos/index.js'
import { findDocumentaryById } from '../documentaries/index.js'
import { findInterviewsByIds } from '../interviews/index.js'
import { CAMPAIGN_STATUSES, listCampaigns, type Campaign } from '../newsletter/index.js'

/** How many rows each section shows at most. */
export const SECTION_LIMIT = 10
/** How many of a person's own stories are read to sort into sections (the most recently changed). */
const OWN_STORIES_READ = 200
/** How many recent campaigns are looked through for sends under way. */
const CAMPAIGNS_READ = 200

/** One row of a dashboard section: a thing to open, and the time that matters for it. */
export interface DashboardItem {
  /** What it is: "Story", "Episode · The Long Listen", "Film", "Interview video". */
  kind: string
  title: string
  /** The newsroom page where it is edited. */
  href: string
  /** Its public page, once it is live. */
  liveHref?: string | undefined
  /** Where it stands, in words ("Processing 40%", "Failed", "Paused"). */
  state?: string | undefined
  /** The instant that matters, and what it is ("For", "Published", "Changed"). */
  at?: { label: string; iso: string } | undefined
  /** A reason to read (a failed job's error). */
  note?: string | undefined
}

/** The front page's sections; a section left undefined is not shown to this role. */
export interface Dashboard {
  inReview?: DashboardItem[] | undefined
  drafts: DashboardItem[]
  scheduled: DashboardItem[]
  published: DashboardItem[]
  media?: DashboardItem[] | undefined
  campaigns?: DashboardItem[] | undefined
}

const untitled = (title: string) => title.trim() || 'Untitled story'

function storyItem(s: NewsroomStoryRow, at?: DashboardItem['at'] | undefined): DashboardItem {
  return { kind: 'Story', title: untitled(s.title), href: `/newsroom/stories/${s.id}`, at }
}

/** The person's own stories: the ones they created and the ones bylined to the person they write as. */
async function ownStories(db: Db, account: Account): Promise<NewsroomStoryRow[]> {
  const [owned, bylined] = await Promise.all([
    listStoriesForNewsroom(db, { page: 1, pageSize: OWN_STORIES_READ, ownerAccountId: account.id }),
    account.personId === null
      ? undefined
      : listStoriesForNewsroom(db, { page: 1, pageSize: OWN_STORIES_READ, personId: account.personId }),
  ])
  const byId = new Map([...owned.items, ...(bylined?.items ?? [])].map(s => [s.id, s]))
  return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

const byTime = (a: DashboardItem, b: DashboardItem) => (a.at?.iso ?? '').localeCompare(b.at?.iso ?? '')

function episodeItem(
  episode: Episode,
  show: Show | undefined,
  href: string,
  at?: DashboardItem['at'] | undefined,
): DashboardItem {
  return { kind: show ? `Episode · ${show.title}` : 'Episode', title: episode.title, href, at }
}

/** Campaign statuses of a send under way; "paused" is included should the newsletter part name it a status. */
const UNDER_WAY: readonly string[] = CAMPAIGN_STATUSES.filter(s => ['scheduled', 'sending', 'paused'].includes(s))

/** A send the mail relay holds up, when the newsletter part records one. */
function pauseOf(campaign: Campaign): { since?: string | undefined } | undefined {
  if (!('pause' in campaign) || !campaign.pause) return undefined
  return campaign.pause as { since?: string | undefined }
}

function campaignItem(c: Campaign): DashboardItem {
  const pause = pauseOf(c)
  const href = `/newsroom/newsletter/campaigns/${c.id}`
  const base = { kind: 'Campaign', title: c.subject || 'Untitled campaign', href }
  if (c.status === 'scheduled')
    return { ...base, state: 'Scheduled', at: c.scheduledFor ? { label: 'For', iso: c.scheduledFor } : undefined }
  if (c.status === 'sending' && pause)
    return { ...base, state: 'Paused', at: pause.since ? { label: 'Since', iso: pause.since } : undefined }
  if ((c.status as string) === 'paused') return { ...base, state: 'Paused', at: { label: 'Changed', iso: c.updatedAt } }
  return { ...base, state: 'Sending', at: c.startedAt ? { label: 'Started', iso: c.startedAt } : undefined }
}

async function mediaItems(db: Db, shows: Map<number, Show>): Promise<DashboardItem[]> {
  const [videos, episodes] = await Promise.all([
    listVideosByStatus(db, ['queued', 'processing', 'failed'], SECTION_LIMIT),
    listEpisodesByAudioStatus(db, ['queued', 'processing', 'failed'], SECTION_LIMIT),
  ])
  const filmVideos = videos.filter((v): v is typeof v & { documentaryId: number } => v.documentaryId !== null)
  const interviewVideos = videos.filter((v): v is typeof v & { interviewId: number } => v.interviewId !== null)
  const [films, interviews] = await Promise.all([
    Promise.all(filmVideos.map(v => findDocumentaryById(db, v.documentaryId))),
    findInterviewsByIds(
      db,
      interviewVideos.map(v => v.interviewId),
    ),
  ])
  const videoState = (v: (typeof videos)[number]) => ({
    state:
      v.status === 'processing'
        ? `Processing ${Math.round(v.progress * 100)}%`
        : v.status === 'queued'
          ? 'Queued'
          : 'Failed',
    at: { label: 'Changed', iso: v.updatedAt },
    note: v.status === 'failed' ? (v.error ?? undefined) : undefined,
  })
  const filmItems = filmVideos.map(
    (v, i): DashboardItem => ({
      kind: 'Film',
      title: films[i]?.title ?? `Documentary #${v.documentaryId}`,
      href: `/newsroom/documentaries/${v.documentaryId}/film`,
      ...videoState(v),
    }),
  )
  const interviewItems = interviewVideos.map(
    (v): DashboardItem => ({
      kind: 'Interview video',
      title: interviews.get(v.interviewId)?.title ?? `Interview #${v.interviewId}`,
      href: `/newsroom/interviews/${v.interviewId}/video`,
      ...videoState(v),
    }),
  )
  const audioItems = episodes.map(
    (e): DashboardItem => ({
      ...episodeItem(e, shows.get(e.showId), `/newsroom/episodes/${e.id}/audio`, {
        label: 'Changed',
        iso: e.updatedAt,
      }),
      state:
        e.audioStatus === 'processing'
          ? 'Processing audio'
          : e.audioStatus === 'queued'
            ? 'Audio queued'
            : 'Audio failed',
      note: e.audioStatus === 'failed' ? (e.audioError ?? undefined) : undefined,
    }),
  )
  return [...filmItems, ...interviewItems, ...audioItems].sort((a, b) => -byTime(a, b)).slice(0, SECTION_LIMIT)
}

/** Everything the dashboard shows this account, in a fixed number of queries. */
export async function loadDashboard(db: Db, account: Account): Promise<Dashboard> {
  const own = await ownStories(db, account)
  const drafts = own
    .filter(s => s.status === 'draft')
    .slice(0, SECTION_LIMIT)
    .map(s => storyItem(s, { label: 'Changed', iso: s.updatedAt }))
  const now = nowIso()
  if (!hasRole(account.role, 'editor')) {
    return {
      drafts,
      scheduled: own
        .filter(s => s.status === 'scheduled' && s.scheduledFor)
        .map(s => storyItem(s, { label: 'For', iso: s.scheduledFor ?? '' }))
        .sort(byTime)
        .slice(0, SECTION_LIMIT),
      published: own
        .filter(s => s.status === 'published' && s.publishedAt && s.publishedAt <= now)
        .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
        .slice(0, SECTION_LIMIT)
        .map(s => ({ ...storyItem(s, { label: 'Published', iso: s.publishedAt ?? '' }), liveHref: storyUrl(s.slug) })),
    }
  }
  const [inReview, scheduledStories, latest, shows, scheduledEpisodes, campaigns] = await Promise.all([
    listStoriesForNewsroom(db, { page: 1, pageSize: SECTION_LIMIT, status: 'in_review' }),
    listStoriesForNewsroom(db, { page: 1, pageSize: 100, status: 'scheduled' }),
    latestStories(db, SECTION_LIMIT),
    listShows(db),
    listScheduledEpisodes(db, SECTION_LIMIT),
    listCampaigns(db, { limit: CAMPAIGNS_READ }),
  ])
  const showById = new Map(shows.map(s => [s.id, s]))
  return {
    inReview: inReview.items.map(s => storyItem(s, { label: 'Changed', iso: s.updatedAt })),
    drafts,
    scheduled: [
      ...scheduledStories.items
        .filter(s => s.scheduledFor)
        .map(s => storyItem(s, { label: 'For', iso: s.scheduledFor ?? '' })),
      ...scheduledEpisodes
        .filter(e => e.publishedAt)
        .map(e =>
          episodeItem(e, showById.get(e.showId), `/newsroom/episodes/${e.id}`, {
            label: 'For',
            iso: e.publishedAt ?? '',
          }),
        ),
    ]
      .sort(byTime)
      .slice(0, SECTION_LIMIT),
    published: latest.map(s => ({
      kind: 'Story',
      title: untitled(s.title),
      href: `/newsroom/stories/${s.id}`,
      liveHref: storyUrl(s.slug),
      at: s.publishedAt ? { label: 'Published', iso: s.publishedAt } : undefined,
    })),
    media: await mediaItems(db, showById),
    campaigns: campaigns
      .filter(c => UNDER_WAY.includes(c.status) || pauseOf(c))
      .slice(0, SECTION_LIMIT)
      .map(campaignItem),
  }
}
