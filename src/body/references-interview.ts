// The blocks that point into an interview (interview excerpts, quotes naming their source) and
// the problems a person is shown when one points where readers must not go: an interview that
// does not exist, a span past the end of its video, or into a withheld passage. What each
// interview holds is asked of the interviews part by the caller, beside the save.
import type { BodyDocument } from './schema.js'
import { formatTimecode } from './timecode.js'

/** One top-level block that points into an interview; `endSeconds` is absent for a quote's moment. */
export interface InterviewReference {
  /** 1-based position among the top-level blocks, as messages name it. */
  block: number
  kind: 'interview excerpt' | 'pull quote' | 'blockquote'
  interviewId: number
  startSeconds: number
  endSeconds?: number | undefined
}

/** What the save knows of one interview: how long it runs, and where its withheld passages lie. */
export interface InterviewFacts {
  /** The video's length once transcoded; null before, when the transcript's extent stands in. */
  durationSeconds: number | null
  passages: ReadonlyArray<{ position: number; startSeconds: number; endSeconds: number; withheld: boolean }>
}

/** Every block that points into an interview, in document order. */
export function interviewReferences(doc: BodyDocument): InterviewReference[] {
  const found: InterviewReference[] = []
  doc.content.forEach((node, index) => {
    const block = index + 1
    if (node.type === 'interviewExcerpt') {
      found.push({ block, kind: 'interview excerpt', ...node.attrs })
    } else if ((node.type === 'pullQuote' || node.type === 'blockquote') && node.attrs?.source) {
      const { interviewId, startSeconds } = node.attrs.source
      found.push({ block, kind: node.type === 'pullQuote' ? 'pull quote' : 'blockquote', interviewId, startSeconds })
    }
  })
  return found
}

/**
 * Video containers and transcripts round their ends differently (a 180 s recording can probe as
 * 179.98 s), so a span may end this much past the measured end.
 */
const END_TOLERANCE_SECONDS = 0.5

/** One sentence per block whose interview is missing, or whose moment readers may not be given. */
export function interviewReferenceProblems(
  refs: readonly InterviewReference[],
  facts: ReadonlyMap<number, InterviewFacts>,
): string[] {
  const problems: string[] = []
  for (const ref of refs) {
    const name = `Block ${ref.block} (${ref.kind})`
    const found = facts.get(ref.interviewId)
    if (!found) {
      problems.push(`${name} refers to interview ${ref.interviewId}, which does not exist.`)
      continue
    }
    const problem = spanProblem(ref, found)
    if (problem) problems.push(`${name} ${problem}`)
  }
  return problems
}

function spanProblem(ref: InterviewReference, facts: InterviewFacts): string | undefined {
  const start = ref.startSeconds
  // A quote names a moment: the passage said then must be one readers may hear.
  const end = ref.endSeconds ?? start
  const span =
    ref.endSeconds === undefined
      ? `the moment ${formatTimecode(start)}`
      : `${formatTimecode(start)}–${formatTimecode(end)}`
  if (ref.endSeconds !== undefined && !(start < ref.endSeconds)) return `must end after it starts (${span}).`
  const extent = runsFrom(facts)
  if (extent === undefined)
    return `refers to interview ${ref.interviewId}, which has neither a video nor a transcript yet.`
  const [from, to, what] = extent
  if (start < from || end > to + END_TOLERANCE_SECONDS || start >= to) {
    return `plays ${span} of interview ${ref.interviewId}, outside its ${what} (${formatTimecode(from)}–${formatTimecode(to)}).`
  }
  const withheld = facts.passages.find(
    p =>
      p.withheld &&
      (ref.endSeconds === undefined
        ? p.startSeconds <= start && start < p.endSeconds
        : p.startSeconds < end && start < p.endSeconds),
  )
  if (withheld) {
    return `runs into passage ${withheld.position + 1} of interview ${ref.interviewId} (${formatTimecode(withheld.startSeconds)}–${formatTimecode(withheld.endSeconds)}), which is withheld. Choose passages that are not withheld.`
  }
  return undefined
}

/** The stretch a span must lie within: the video when its length is known, else the transcript. */
function runsFrom(facts: InterviewFacts): [number, number, string] | undefined {
  if (facts.durationSeconds !== null && facts.durationSeconds > 0) return [0, facts.durationSeconds, 'video']
  const first = facts.passages[0]
  const last = facts.passages[facts.passages.length - 1]
  if (!first || !last) return undefined
  return [first.startSeconds, Math.max(...facts.passages.map(p => p.endSeconds)), 'transcript']
}
