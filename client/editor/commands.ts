// Editing commands the toolbar, the keymap and the forms share. Each is a ProseMirror command:
// called without `dispatch` it only answers whether it would apply, which drives the toolbar's
// pressed and disabled states.
import { lift, setBlockType, wrapIn } from 'prosemirror-commands'
import type { Attrs, MarkType, Node as PMNode, NodeType } from 'prosemirror-model'
import { liftListItem, wrapInList } from 'prosemirror-schema-list'
import { NodeSelection, Selection, TextSelection } from 'prosemirror-state'
import type { Command, EditorState } from 'prosemirror-state'
import { schema } from './schema.js'

const { nodes, marks } = schema

/** Whether the selection (or the cursor's stored marks) carries `type`. */
export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection
  if (empty) return type.isInSet(state.storedMarks ?? $from.marks()) !== undefined
  return state.doc.rangeHasMark(from, to, type)
}

/** Whether the cursor's textblock is `type` with `attrs`. */
export function blockActive(state: EditorState, type: NodeType, attrs: Attrs = {}): boolean {
  const { $from, to } = state.selection
  const parent = $from.parent
  return to <= $from.end() && parent.type === type && Object.entries(attrs).every(([k, v]) => parent.attrs[k] === v)
}

/** The nearest ancestor of the selection of `type`, with its depth. */
function ancestor(state: EditorState, types: readonly NodeType[]): { node: PMNode; depth: number } | undefined {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (types.includes(node.type)) return { node, depth }
  }
  return undefined
}

/** Whether the selection sits in a list of `type` (its nearest list). */
export function listActive(state: EditorState, type: NodeType): boolean {
  return ancestor(state, [nodes.bulletList, nodes.orderedList])?.node.type === type
}

/** Whether the selection sits in a blockquote. */
export function quoteActive(state: EditorState): boolean {
  return ancestor(state, [nodes.blockquote]) !== undefined
}

/** Makes the textblock `type`, or a paragraph again when it already is (so a heading button toggles). */
export function toggleBlock(type: NodeType, attrs: Attrs = {}): Command {
  return (state, dispatch) =>
    blockActive(state, type, attrs)
      ? setBlockType(nodes.paragraph)(state, dispatch)
      : setBlockType(type, attrs)(state, dispatch)
}

/** Wraps in a list of `type`; in one already it lifts out, and in the other kind it switches kind. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const list = ancestor(state, [nodes.bulletList, nodes.orderedList])
    if (list === undefined) return wrapInList(type)(state, dispatch)
    if (list.node.type === type) return liftListItem(nodes.listItem)(state, dispatch)
    if (dispatch) dispatch(state.tr.setNodeMarkup(state.selection.$from.before(list.depth), type).scrollIntoView())
    return true
  }
}

/** Wraps the selection in a blockquote, or lifts it out of one. */
export const toggleBlockquote: Command = (state, dispatch) =>
  quoteActive(state) ? lift(state, dispatch) : wrapIn(nodes.blockquote)(state, dispatch)

/** Makes the textblock a pull quote with `attribution`, or changes the attribution of the one the cursor is in. */
export function setPullQuote(attribution: string): Command {
  const attrs = { attribution: attribution.trim() === '' ? null : attribution.trim() }
  return (state, dispatch) => {
    const { $from } = state.selection
    if ($from.parent.type !== nodes.pullQuote) return setBlockType(nodes.pullQuote, attrs)(state, dispatch)
    // A quote's interview source stays when only its attribution changes.
    if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(), undefined, { ...$from.parent.attrs, ...attrs }))
    return true
  }
}

/**
 * Inserts a block that only the document itself may hold (an embed or a divider): in place of
 * an empty top-level paragraph, otherwise after the top-level block holding the selection.
 * The cursor lands after it, in a new paragraph when it is the last block, so typing goes on.
 */
export function insertBlock(node: PMNode): Command {
  return (state, dispatch) => {
    const { selection } = state
    const { $from } = selection
    const replaceEmpty = $from.depth === 1 && $from.parent.isTextblock && $from.parent.content.size === 0
    const from = replaceEmpty ? $from.before(1) : $from.depth === 0 ? selection.to : $from.after(1)
    const to = replaceEmpty ? $from.after(1) : from
    if (!dispatch) return true
    const tr = state.tr.replaceWith(from, to, node)
    const after = from + node.nodeSize
    if (after === tr.doc.content.size) tr.insert(after, nodes.paragraph.create())
    tr.setSelection(Selection.findFrom(tr.doc.resolve(after), 1) ?? Selection.atEnd(tr.doc))
    dispatch(tr.scrollIntoView())
    return true
  }
}

/** The range of the link around the cursor, or the selection when it is not empty. */
export function linkTarget(state: EditorState): { from: number; to: number; href: string } {
  const { from, to, empty, $from } = state.selection
  const link = marks.link
  const mark = link.isInSet(empty ? $from.marks() : state.doc.resolve(from + 1).marks())
  const href = typeof mark?.attrs.href === 'string' ? mark.attrs.href : ''
  if (!empty || mark === undefined) return { from, to, href }
  // Walk out from the cursor over text carrying this same link.
  let start = $from.index()
  let end = $from.indexAfter()
  const parent = $from.parent
  while (start > 0 && mark.isInSet(parent.child(start - 1).marks)) start--
  while (end < parent.childCount && mark.isInSet(parent.child(end).marks)) end++
  let pos = $from.start()
  for (let i = 0; i < start; i++) pos += parent.child(i).nodeSize
  let endPos = pos
  for (let i = start; i < end; i++) endPos += parent.child(i).nodeSize
  return { from: pos, to: endPos, href }
}

/** Links the selection (or the link around the cursor) to `href`; with nothing selected, inserts the address as linked text. */
export function applyLink(href: string): Command {
  return (state, dispatch) => {
    const { from, to } = linkTarget(state)
    if (!dispatch) return true
    const mark = marks.link.create({ href })
    const tr = state.tr
    if (from === to) {
      tr.insert(from, schema.text(href, [mark]))
      tr.setSelection(TextSelection.create(tr.doc, from + href.length))
    } else {
      tr.removeMark(from, to, marks.link).addMark(from, to, mark)
    }
    dispatch(tr.removeStoredMark(marks.link).scrollIntoView())
    return true
  }
}

/** Removes the link from the selection or from the link around the cursor. */
export const removeLink: Command = (state, dispatch) => {
  const { from, to, href } = linkTarget(state)
  if (href === '' && !state.doc.rangeHasMark(from, to, marks.link)) return false
  if (dispatch) dispatch(state.tr.removeMark(from, to, marks.link).scrollIntoView())
  return true
}

/** Whether the selection is a selected embed or rule, where marks and textblock changes make no sense. */
export function blockSelected(state: EditorState): boolean {
  return state.selection instanceof NodeSelection
}
