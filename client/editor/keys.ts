// Keyboard shortcuts and Markdown-style input rules. Tab is left alone so keyboard users can
// leave the editor; nesting list items uses Mod-] and Mod-[ instead.
import { baseKeymap, chainCommands, exitCode, toggleMark } from 'prosemirror-commands'
import { redo, undo } from 'prosemirror-history'
import { InputRule, inputRules, textblockTypeInputRule, undoInputRule, wrappingInputRule } from 'prosemirror-inputrules'
import { keymap } from 'prosemirror-keymap'
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list'
import type { Command, Plugin } from 'prosemirror-state'
import { schema } from './schema.js'

const { nodes, marks } = schema

/** What the shortcuts need from the rest of the editor. */
export interface KeyActions {
  /** Opens the link form (Mod-k). */
  openLink: () => void
  /** Moves focus to the toolbar (Alt-F10, as in most editors). */
  focusToolbar: () => void
}

const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hardBreak.create()).scrollIntoView())
  return true
})

/** The editor's keymaps, most specific first. */
export function editorKeymaps(actions: KeyActions): Plugin[] {
  const run =
    (action: () => void): Command =>
    () => {
      action()
      return true
    }
  return [
    keymap({
      'Mod-b': toggleMark(marks.bold),
      'Mod-i': toggleMark(marks.italic),
      'Mod-k': run(actions.openLink),
      'Mod-z': undo,
      'Shift-Mod-z': redo,
      'Mod-y': redo,
      'Alt-F10': run(actions.focusToolbar),
      'Shift-Enter': hardBreak,
      'Mod-Enter': hardBreak,
      Enter: splitListItem(nodes.listItem),
      'Mod-]': sinkListItem(nodes.listItem),
      'Mod-[': liftListItem(nodes.listItem),
      // Backspace straight after "## " or "- " turns the heading or list back into what was typed.
      Backspace: undoInputRule,
    }),
    keymap(baseKeymap),
  ]
}

/** "## " to "#### " make headings 2–4, "- " or "* " a bullet list, "1. " a numbered list, "> " a blockquote. */
export function editorInputRules(): Plugin {
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{2,4})\s$/, nodes.heading, match => ({ level: match[1]?.length ?? 2 })),
      // "# " would be the page title's level; a body's top heading is level 2.
      textblockTypeInputRule(/^#\s$/, nodes.heading, { level: 2 }),
      wrappingInputRule(/^\s*([-*])\s$/, nodes.bulletList),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        nodes.orderedList,
        match => ({ start: Math.max(1, Number(match[1])) }),
        (match, node) => node.childCount + Number(node.attrs.start) === Number(match[1]),
      ),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
    ] satisfies InputRule[],
  })
}
