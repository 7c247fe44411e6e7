// The ordered list of migrations. Each takes the dialect so column types fit the engine.
import type { Migration } from 'kysely'
import type { Dialect } from '../dialect.js'
import { contentModel } from './0001-content-model.js'
import { newsletterSubscribers } from './0002-newsletter-subscribers.js'
import { accounts } from './0003-accounts.js'
import { jobs } from './0004-jobs.js'
import { storyWorkflow } from './0005-story-workflow.js'
import { media } from './0006-media.js'
import { videos } from './0007-videos.js'
import { newsletter } from './0008-newsletter.js'
import { podcasts } from './0009-podcasts.js'
import { search } from './0010-search.js'
import { episodeTranscripts } from './0011-episode-transcripts.js'
import { movedPaths } from './0012-moved-paths.js'
import { searchRecentIndex } from './0013-search-recent-index.js'
import { newsletterRelayPause } from './0014-newsletter-relay-pause.js'
import { videoLiveOutputs } from './0015-video-live-outputs.js'
import { interviews } from './0016-interviews.js'
import { storyInterviews } from './0017-story-interviews.js'
import { documentaryFeatured } from './0018-documentary-featured.js'
import { lookupIndexes } from './0019-lookup-indexes.js'

/** Migrations by name; names sort in the order they must run. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-content-model': contentModel(dialect),
    '0002-newsletter-subscribers': newsletterSubscribers(dialect),
    '0003-accounts': accounts(dialect),
    '0004-jobs': jobs(dialect),
    '0005-story-workflow': storyWorkflow(dialect),
    '0006-media': media(dialect),
    '0007-videos': videos(dialect),
    '0008-newsletter': newsletter(dialect),
    '0009-podcasts': podcasts(dialect),
    '0010-search': search(dialect),
    '0011-episode-transcripts': episodeTranscripts(),
    '0012-moved-paths': movedPaths(dialect),
    '0013-search-recent-index': searchRecentIndex(dialect),
    '0014-newsletter-relay-pause': newsletterRelayPause(dialect),
    '0015-video-live-outputs': videoLiveOutputs(),
    '0016-interviews': interviews(dialect),
    '0017-story-interviews': storyInterviews(),
    '0018-documentary-featured': documentaryFeatured(dialect),
    '0019-lookup-indexes': lookupIndexes(),
  }
}
