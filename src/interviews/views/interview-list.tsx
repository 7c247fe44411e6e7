// A list of interviews as other pages show them: the documentary page (with the moments of the
// film that use each, linked to the interview at that moment), a person's page, and /interviews.
import { formatTimecode } from '../../body/index.js'
import { formatDate } from '../../platform/format.js'
import { personUrl } from '../../people/index.js'
import type { InterviewListEntry } from '../listings.js'
import { interviewUrl, spanUrl } from '../urls.js'
import { typographic } from '../../platform/text/typography.js'

export interface InterviewListProps {
  entries: InterviewListEntry[]
  timeZone: string
  /** On a person's own page their name says nothing new. */
  showPerson?: boolean | undefined
  headingLevel?: 2 | 3 | undefined
}

/** "March 14, 2026" for a YYYY-MM-DD recording date. */
export function recordedDate(recordedOn: string, timeZone: string): string {
  return formatDate(`${recordedOn}T12:00:00Z`, timeZone)
}

/** Interviews with who gave them (and the role they held then), when, where and what about. */
export function InterviewList({ entries, timeZone, showPerson = true, headingLevel = 3 }: InterviewListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul class="iv-list">
      {entries.map(({ interview: i, person, moments }) => (
        <li key={i.id} class="iv-item">
          <Heading class="iv-item__title">
            <a href={interviewUrl(i.slug)}>{typographic(i.title)}</a>
          </Heading>
          <p class="iv-item__who">
            {showPerson && person ? (
              <>
                <a href={personUrl(person.slug)}>{person.name}</a>
                {i.personRole ? ', ' : ''}
              </>
            ) : null}
            {i.personRole ? <span class="iv-item__role">{i.personRole}</span> : null}
          </p>
          <p class="iv-item__meta">
            {i.recordedOn ? <time datetime={i.recordedOn}>{recordedDate(i.recordedOn, timeZone)}</time> : null}
            {i.recordedOn && i.place ? ' · ' : null}
            {i.place || null}
          </p>
          {i.summary ? <p class="iv-item__summary">{i.summary}</p> : null}
          {moments?.length ? (
            <ul class="iv-item__moments" aria-label={`Moments of the film from ${i.title}`}>
              {moments.map((m, n) => (
                <li key={n}>
                  {m.filmHref ? (
                    <a href={m.filmHref}>{formatTimecode(m.filmStartSeconds)} in the film</a>
                  ) : (
                    <span>{formatTimecode(m.filmStartSeconds)} in the film</span>
                  )}
                  {m.label ? <>: {m.label}</> : null}
                  {' — '}
                  <a href={spanUrl(i.slug, m.interviewStartSeconds, m.interviewEndSeconds)}>
                    in the full interview from {formatTimecode(m.interviewStartSeconds)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
