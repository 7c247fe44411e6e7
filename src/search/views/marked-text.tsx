// Text with matched words in <mark>: built from segments, so every character is escaped by the renderer.
// Readers see typographic quotes, as on the pages a hit leads to; each segment is judged with the
// text before it, so a quote's direction holds across a <mark>.
import { typographic } from '../../platform/text/typography.js'
import { markedSegments } from '../present.js'

/** Marked text (MARK_START/MARK_END around matches) drawn with <mark> around the matches. */
export function MarkedText({ text }: { text: string }) {
  let before = ''
  return (
    <>
      {markedSegments(text).map((s, i) => {
        const shown = typographic(s.text, before)
        before += s.text
        return s.match ? <mark key={i}>{shown}</mark> : shown
      })}
    </>
  )
}
