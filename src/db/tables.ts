// Assembles the database interface from the tables each part owns (STYLE rule 7).
import type { ImagesTable, UploadsTable } from '../media/schema.js'
import type { PeopleTable } from '../people/schema.js'
import type { TopicsTable } from '../topics/schema.js'
import type { DocumentariesTable, DocumentaryFundersTable, DocumentaryTopicsTable } from '../documentaries/schema.js'
import type { ExcerptsTable } from '../excerpts/schema.js'
import type { FundersTable } from '../funders/schema.js'
import type {
  StoriesTable,
  StoryAuthorsTable,
  StoryDocumentariesTable,
  StoryInterviewsTable,
  StoryRedirectsTable,
  StoryRevisionsTable,
  StoryTopicsTable,
  StoryTransitionsTable,
} from '../stories/schema.js'
import type { CorrectionRevisionsTable, CorrectionsTable } from '../corrections/schema.js'
import type { PagesTable } from '../pages/schema.js'
import type { SiteSettingsTable } from '../settings/schema.js'
import type {
  NewsletterCampaignsTable,
  NewsletterDeliveriesTable,
  NewsletterListsTable,
  NewsletterSubscribersTable,
  NewsletterSubscriptionsTable,
} from '../newsletter/schema.js'
import type {
  AccountsTable,
  AccountTokensTable,
  AuditLogTable,
  RateLimitHitsTable,
  SessionsTable,
} from '../newsroom/schema.js'
import type { JobsTable } from '../platform/jobs/schema.js'
import type { MovedPathsTable } from '../platform/moved-paths/schema.js'
import type { VideoCaptionsTable, VideoChaptersTable, VideosTable } from '../videos/schema.js'
import type {
  PodcastChaptersTable,
  PodcastEpisodesTable,
  PodcastShowsTable,
  PodcastTranscriptsTable,
} from '../podcasts/schema.js'
import type { SearchDocumentsTable } from '../search/schema.js'
import type {
  InterviewDocumentariesTable,
  InterviewFilmMomentsTable,
  InterviewInterviewersTable,
  InterviewNotesTable,
  InterviewPassagesTable,
  InterviewRevisionsTable,
  InterviewsTable,
  InterviewTopicsTable,
} from '../interviews/schema.js'

/** Every table Newsreel has, by name. */
export interface Tables {
  images: ImagesTable
  people: PeopleTable
  topics: TopicsTable
  documentaries: DocumentariesTable
  documentary_topics: DocumentaryTopicsTable
  documentary_funders: DocumentaryFundersTable
  excerpts: ExcerptsTable
  funders: FundersTable
  stories: StoriesTable
  story_authors: StoryAuthorsTable
  story_topics: StoryTopicsTable
  story_documentaries: StoryDocumentariesTable
  story_interviews: StoryInterviewsTable
  corrections: CorrectionsTable
  correction_revisions: CorrectionRevisionsTable
  story_redirects: StoryRedirectsTable
  story_revisions: StoryRevisionsTable
  story_transitions: StoryTransitionsTable
  pages: PagesTable
  site_settings: SiteSettingsTable
  newsletter_subscribers: NewsletterSubscribersTable
  newsletter_lists: NewsletterListsTable
  newsletter_subscriptions: NewsletterSubscriptionsTable
  newsletter_campaigns: NewsletterCampaignsTable
  newsletter_deliveries: NewsletterDeliveriesTable
  accounts: AccountsTable
  sessions: SessionsTable
  account_tokens: AccountTokensTable
  audit_log: AuditLogTable
  rate_limit_hits: RateLimitHitsTable
  jobs: JobsTable
  moved_paths: MovedPathsTable
  uploads: UploadsTable
  videos: VideosTable
  video_captions: VideoCaptionsTable
  video_chapters: VideoChaptersTable
  podcast_shows: PodcastShowsTable
  podcast_episodes: PodcastEpisodesTable
  podcast_chapters: PodcastChaptersTable
  podcast_transcripts: PodcastTranscriptsTable
  search_documents: SearchDocumentsTable
  interviews: InterviewsTable
  interview_passages: InterviewPassagesTable
  interview_notes: InterviewNotesTable
  interview_documentaries: InterviewDocumentariesTable
  interview_topics: InterviewTopicsTable
  interview_interviewers: InterviewInterviewersTable
  interview_film_moments: InterviewFilmMomentsTable
  interview_revisions: InterviewRevisionsTable
}
