// The newsroom's excerpt pages as the shell shows them: one film's excerpts with the form to add
// another, and the form to edit one.
import { Notice } from '../../newsroom/views.js'
import type { FormProblems } from '../../newsroom/index.js'
import type { ExcerptFields, ExcerptFilm } from '../form.js'
import type { Excerpt } from '../store.js'
import { ExcerptForm, ExcerptList } from './excerpt-form.js'

/** Where a film's excerpts are listed and added. */
export const filmExcerptsUrl = (filmId: number) => `/newsroom/documentaries/${filmId}/excerpts`

/** /newsroom/documentaries/:id/excerpts: the film's excerpts in timeline order, and the form to add one. */
export function FilmExcerptsPage({
  film,
  excerpts,
  added,
  fields,
  problems,
  csrf,
}: {
  film: ExcerptFilm
  excerpts: readonly Excerpt[]
  added: Excerpt | undefined
  fields: ExcerptFields
  problems: FormProblems
  csrf: string
}) {
  return (
    <>
      <p>
        <a href={`/newsroom/documentaries/${film.id}`}>Back to the documentary</a> ·{' '}
        <a href="/newsroom/documentaries">All documentaries</a>
      </p>
      {added ? <Notice kind="ok">Added “{added.title}”; the film’s page shows it now.</Notice> : null}
      <p>
        Named passages of the film, in timeline order. Stories embed them by reference, so an excerpt cannot be removed
        here.
      </p>
      <ExcerptList excerpts={excerpts} />
      <h2 id="add">Add an excerpt</h2>
      <ExcerptForm
        action={filmExcerptsUrl(film.id)}
        fields={fields}
        problems={problems}
        runtimeSeconds={film.runtimeSeconds}
        csrf={csrf}
        isNew
      />
    </>
  )
}

/** /newsroom/excerpts/:id: one excerpt's form. */
export function ExcerptEditPage({
  film,
  excerpt,
  fields,
  problems,
  saved,
  csrf,
}: {
  film: ExcerptFilm
  excerpt: Excerpt
  fields: ExcerptFields
  problems: FormProblems
  saved: boolean
  csrf: string
}) {
  return (
    <>
      <p>
        <a href={filmExcerptsUrl(film.id)}>All excerpts of “{film.title}”</a>
      </p>
      {saved ? <Notice kind="ok">The excerpt is saved; the site shows the change now.</Notice> : null}
      <ExcerptForm
        action={`/newsroom/excerpts/${excerpt.id}`}
        fields={fields}
        problems={problems}
        runtimeSeconds={film.runtimeSeconds}
        csrf={csrf}
        isNew={false}
      />
    </>
  )
}
