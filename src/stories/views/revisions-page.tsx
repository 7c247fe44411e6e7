// The revisions page of a story: pick two versions to compare, read the differences, and
// restore an older one (which is itself a new save).
import { Clock, ClockText, Csrf } from '../../newsroom/views.js'
import type { StoryRevision } from '../draft-store.js'
import type { FieldDiff } from '../revision-diff.js'
import { RevisionDiffView } from './revision-diff-view.js'

export interface RevisionsPageProps {
  story: { id: number; version: number }
  /** Newest first. */
  revisions: StoryRevision[]
  /** The versions chosen to compare, and what changed between them when both exist. */
  compare: { from?: number | undefined; to?: number | undefined; diffs?: FieldDiff[] | undefined }
  /** Shown only to those who may edit the story. */
  restoreCsrf?: string | undefined
}

/** The page's content; the newsroom layout adds the title and navigation. */
export function RevisionsPage({ story, revisions, compare, restoreCsrf }: RevisionsPageProps) {
  return (
    <>
      <p>
        <a href={`/newsroom/stories/${story.id}`}>Back to the story</a>
      </p>
      {revisions.length === 0 ? (
        <p>Revisions are kept from the story's first publication on; this story has none yet.</p>
      ) : null}
      {revisions.length ? (
        <form method="get" class="nr-filters" action={`/newsroom/stories/${story.id}/revisions`}>
          <RevisionSelect name="from" label="Compare" revisions={revisions} selected={compare.from} />
          <RevisionSelect name="to" label="with" revisions={revisions} selected={compare.to} />
          <button class="nr-button nr-button--quiet" type="submit">
            Show the differences
          </button>
        </form>
      ) : null}
      {compare.diffs ? (
        <section class="nr-section" aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            Changes from version {compare.from} to version {compare.to}
          </h2>
          <RevisionDiffView diffs={compare.diffs} />
        </section>
      ) : null}
      {revisions.length ? (
        <table class="nr-table nr-section">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">Headline</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map(rev => (
              <tr key={rev.id}>
                <td>{rev.version}</td>
                <td>
                  <Clock iso={rev.savedAt} />
                </td>
                <td>{rev.fields.title}</td>
                <td>
                  {restoreCsrf && rev.version !== story.version ? (
                    <form
                      class="nr-inline-form"
                      method="post"
                      action={`/newsroom/stories/${story.id}/revisions/${rev.version}/restore`}
                    >
                      <Csrf token={restoreCsrf} />
                      <input type="hidden" name="version" value={String(story.version)} />
                      <button class="nr-button nr-button--quiet" type="submit">
                        Restore
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}

function RevisionSelect({
  name,
  label,
  revisions,
  selected,
}: {
  name: string
  label: string
  revisions: StoryRevision[]
  selected?: number | undefined
}) {
  return (
    <div class="nr-field">
      <label for={`rev-${name}`}>{label}</label>
      <select id={`rev-${name}`} name={name}>
        {revisions.map(rev => (
          <option key={rev.id} value={String(rev.version)} selected={rev.version === selected}>
            Version {rev.version} · <ClockText iso={rev.savedAt} />
          </option>
        ))}
      </select>
    </div>
  )
}
