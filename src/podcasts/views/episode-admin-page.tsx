// The newsroom's episode page: links to its show, its audio and its public page, then its form.
import type { FormProblems } from '../../newsroom/index.js'
import { Notice } from '../../newsroom/views.js'
import type { EpisodeForm as EpisodeFormFields } from '../form.js'
import type { Show } from '../show-store.js'
import type { Episode } from '../store.js'
import { episodeUrl } from '../urls.js'
import { EpisodeForm } from './episode-form.js'

/** What the episode page shows: its show, the episode (none when new), and the form as typed. */
export interface EpisodeAdminPageProps {
  show: Show
  episode?: Episode | undefined
  fields: EpisodeFormFields
  problems: FormProblems
  notesProblems: readonly string[]
  timeZone: string
  csrf: string
  saved: boolean
}

/** A new episode's page, or an episode's: links out, the saved notice, the form. */
export function EpisodeAdminPage({
  show,
  episode,
  fields,
  problems,
  notesProblems,
  timeZone,
  csrf,
  saved,
}: EpisodeAdminPageProps) {
  return (
    <>
      <p>
        <a href={`/newsroom/podcasts/${show.id}`}>{show.title}</a>
        {episode ? (
          <>
            {' '}
            · <a href={`/newsroom/episodes/${episode.id}/audio`}>Audio, transcript and chapters</a>
          </>
        ) : null}
        {episode?.status === 'published' ? (
          <>
            {' '}
            · <a href={episodeUrl(show.slug, episode.slug)}>View on the site</a>
          </>
        ) : null}
      </p>
      {saved ? <Notice kind="ok">The episode is saved; the site and the feed show the change now.</Notice> : null}
      <EpisodeForm
        show={show}
        id={episode?.id}
        fields={fields}
        problems={problems}
        notesProblems={notesProblems}
        csrf={csrf}
        timeZone={timeZone}
      />
    </>
  )
}
