// The newsroom's show pages: the list of shows, and one show (new, or its episodes and its form).
import type { FormProblems, ImageChoice } from '../../newsroom/index.js'
import { Notice } from '../../newsroom/views.js'
import type { ShowForm as ShowFormFields } from '../form.js'
import type { Show } from '../show-store.js'
import type { Episode } from '../store.js'
import { showFeedPath, showUrl } from '../urls.js'
import { EpisodeList } from './episode-form.js'
import { ShowForm, ShowList } from './show-form.js'

/** /newsroom/podcasts: every show, and the way to a new one. */
export function ShowsAdminPage({ shows }: { shows: readonly Show[] }) {
  return (
    <>
      <p>Every show. Each show’s page lists its episodes, drafts included.</p>
      <p>
        <a class="nr-button" href="/newsroom/podcasts/new">
          New show
        </a>
      </p>
      <ShowList shows={shows} />
    </>
  )
}

/** What the show page shows: the show (none when new), its episodes, and the form as typed. */
export interface ShowAdminPageProps {
  show?: Show | undefined
  episodes: readonly Episode[]
  timeZone: string
  fields: ShowFormFields
  problems: FormProblems
  images: readonly ImageChoice[]
  csrf: string
  saved: boolean
}

/** A show's newsroom page: links out, its episodes (drafts included), then its form. New shows have the form alone. */
export function ShowAdminPage({ show, episodes, timeZone, fields, problems, images, csrf, saved }: ShowAdminPageProps) {
  return (
    <>
      <p>
        <a href="/newsroom/podcasts">All shows</a>
        {show ? (
          <>
            {' '}
            · <a href={showUrl(show.slug)}>View on the site</a> · <a href={showFeedPath(show.slug)}>Feed</a>
          </>
        ) : null}
      </p>
      {saved ? <Notice kind="ok">The show is saved; the site and its feed show the change now.</Notice> : null}
      {show ? (
        <section class="nr-section" aria-labelledby="episodes-title">
          <h2 id="episodes-title">Episodes</h2>
          <p>
            <a class="nr-button" href={`/newsroom/podcasts/${show.id}/episodes/new`}>
              New episode
            </a>
          </p>
          <EpisodeList show={show} episodes={episodes} timeZone={timeZone} />
        </section>
      ) : null}
      <section class="nr-section" aria-labelledby="show-title">
        <h2 id="show-title">{show ? 'The show' : 'A new show'}</h2>
        <ShowForm id={show?.id} fields={fields} problems={problems} images={images} csrf={csrf} />
      </section>
    </>
  )
}
