// The film page's chapters section: the film's chapters as lines of text, checked against its
// length. Apart from film-page.tsx, like captions-section.tsx: the page hands it only its own refusal.
import { Csrf } from '../../newsroom/views.js'
import { FormProblems as Problems, PageSection as Section } from '../../media/views.js'
import type { Documentary } from '../../documentaries/index.js'
import { formatTimecode } from '../../body/index.js'
import type { Video } from '../store.js'

/** The chapters form's refusal, with the text that was typed. */
export interface ChaptersProblem {
  messages: string[]
  text: string
}

/** The film's chapters as one line each, once the film's length is known. */
export function ChaptersSection({
  film,
  video,
  text,
  csrf,
  typed,
}: {
  film: Documentary
  video: Video
  text: string
  csrf: string
  typed?: ChaptersProblem | undefined
}) {
  if (video.durationSeconds === null) {
    return (
      <Section id="chapters" title="Chapters">
        <p>Chapters can be added once the film is transcoded: each start is checked against the film’s length.</p>
      </Section>
    )
  }
  return (
    <Section id="chapters" title="Chapters">
      {typed ? <Problems id="chapters-problems" messages={typed.messages} /> : null}
      <form class="nr-form" method="post" action={`/newsroom/documentaries/${film.id}/film/chapters`}>
        <Csrf token={csrf} />
        <div class="nr-field">
          <label for="chapters-text">Chapters, one a line</label>
          <p id="chapters-hint" class="nr-hint">
            One chapter a line: where it starts, then its title, e.g. “0:00 Opening”, “12:05 The crossing”, “1:02:03
            Finale”. A start is h:mm:ss, m:ss or seconds, and before the film ends at{' '}
            {formatTimecode(video.durationSeconds)}. Empty the box to remove every chapter.
          </p>
          <textarea
            id="chapters-text"
            name="chapters"
            rows={8}
            spellcheck={false}
            aria-describedby={typed ? 'chapters-hint chapters-problems' : 'chapters-hint'}
            aria-invalid={typed ? 'true' : undefined}
          >
            {typed ? typed.text : text}
          </textarea>
        </div>
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            Save chapters
          </button>
        </div>
      </form>
    </Section>
  )
}
