// Text with matched words in <mark>: built from segments, so every character is escaped by the renderer.
import { markedSegments } from '../present.js'

/** Marked text (MARK_START/MARK_END around matches) drawn with <mark> around the matches. */
export function MarkedText({ text }: { text: string }) {
  return <>{markedSegments(text).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}</>
}
