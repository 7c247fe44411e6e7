// Puts what the interview picker chose into the document: an interview excerpt (the run's
// span), a pull quote of the run's words naming its source, or the words as a link to the
// passage where they were said. The times are the passages' own.
import type { Command } from 'prosemirror-state'
import { insertBlock } from './commands.js'
import type { InterviewChoice } from './interview-picker.js'
import { schema } from './schema.js'

const { nodes, marks } = schema
const ATTRIBUTION_MAX = 200

/** The command that inserts `choice` at the selection. */
export function insertInterviewChoice(choice: InterviewChoice): Command {
  const { interview, startSeconds, endSeconds } = choice
  const words = choice.passages
    .map(p => p.text.trim())
    .filter(Boolean)
    .join(' ')
  if (choice.as === 'excerpt')
    return insertBlock(nodes.interviewExcerpt.create({ interviewId: interview.id, startSeconds, endSeconds }))
  const source = { interviewId: interview.id, startSeconds }
  if (choice.as === 'pullQuote') {
    const attribution = [interview.personName, interview.personRole]
      .filter(Boolean)
      .join(', ')
      .slice(0, ATTRIBUTION_MAX)
    return insertBlock(
      nodes.pullQuote.create(
        { attribution: attribution === '' ? null : attribution, source },
        words === '' ? null : schema.text(words),
      ),
    )
  }
  const href = choice.passages[0]?.url ?? ''
  return (state, dispatch) => {
    if (words === '' || href === '') return false
    if (dispatch)
      dispatch(
        state.tr.replaceSelectionWith(schema.text(`“${words}”`, [marks.link.create({ href })]), false).scrollIntoView(),
      )
    return true
  }
}
