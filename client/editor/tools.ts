// What each toolbar button does and when it is pressed or unavailable. The buttons themselves
// are built by toolbar.ts; the forms and the picker they open belong to mount.ts.
import { setBlockType, toggleMark } from 'prosemirror-commands'
import { redo, undo } from 'prosemirror-history'
import type { Command, EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { CatalogKind } from './catalog.js'
import {
  blockActive,
  blockSelected,
  insertBlock,
  listActive,
  markActive,
  quoteActive,
  toggleBlock,
  toggleBlockquote,
  toggleList,
} from './commands.js'
import { schema } from './schema.js'
import type { ToolGroup } from './toolbar.js'

const { nodes, marks } = schema

/** The toolbar actions that open something instead of changing the document at once. */
export interface ToolActions {
  openLink: () => void
  openPullQuote: () => void
  openPicker: (kind: CatalogKind) => void
  /** Absent where the page offers no interviews to quote (bodies other than stories). */
  openInterviewPicker?: (() => void) | undefined
}

/** The modifier key's name as the writer's keyboard prints it. */
export const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl'

/** Whether the cursor's textblock can become a pull quote, or already is one. */
export function canPullQuote(state: EditorState): boolean {
  return blockActive(state, nodes.pullQuote) || setBlockType(nodes.pullQuote)(state)
}

/** The toolbar's groups for `view`. */
export function editorTools(view: EditorView, actions: ToolActions): ToolGroup[] {
  const exec = (command: Command) => () => {
    command(view.state, view.dispatch, view)
    view.focus()
  }
  const can = (command: Command) => (state: EditorState) => command(state)
  const mark = (label: string, key: string, type: typeof marks.bold) => ({
    label,
    hint: `${label} (${MOD}+${key})`,
    modifier: label.toLowerCase(),
    run: exec(toggleMark(type)),
    active: (s: EditorState) => markActive(s, type),
    enabled: can(toggleMark(type)),
  })
  const heading = (level: 2 | 3 | 4) => ({
    label: `Heading ${level}`,
    hint: `Heading ${level} (type ${'#'.repeat(level)} and a space)`,
    run: exec(toggleBlock(nodes.heading, { level })),
    active: (s: EditorState) => blockActive(s, nodes.heading, { level }),
    enabled: can(toggleBlock(nodes.heading, { level })),
  })
  const insert = (label: string, kind: CatalogKind) => ({
    label,
    opensDialog: true,
    run: () => actions.openPicker(kind),
  })
  return [
    {
      label: 'Text style',
      tools: [
        mark('Bold', 'B', marks.bold),
        mark('Italic', 'I', marks.italic),
        {
          label: 'Link',
          hint: `Link (${MOD}+K)`,
          run: actions.openLink,
          active: s => markActive(s, marks.link),
          enabled: s => !blockSelected(s),
        },
      ],
    },
    {
      label: 'Block type',
      tools: [
        {
          label: 'Paragraph',
          run: exec(setBlockType(nodes.paragraph)),
          active: s => blockActive(s, nodes.paragraph),
          enabled: s => blockActive(s, nodes.paragraph) || setBlockType(nodes.paragraph)(s),
        },
        heading(2),
        heading(3),
        heading(4),
      ],
    },
    {
      label: 'Lists and quotes',
      tools: [
        {
          label: 'Bullet list',
          hint: 'Bullet list (type - and a space)',
          run: exec(toggleList(nodes.bulletList)),
          active: s => listActive(s, nodes.bulletList),
          enabled: can(toggleList(nodes.bulletList)),
        },
        {
          label: 'Numbered list',
          hint: 'Numbered list (type 1. and a space)',
          run: exec(toggleList(nodes.orderedList)),
          active: s => listActive(s, nodes.orderedList),
          enabled: can(toggleList(nodes.orderedList)),
        },
        {
          label: 'Quote',
          hint: 'Blockquote (type > and a space)',
          run: exec(toggleBlockquote),
          active: quoteActive,
          enabled: can(toggleBlockquote),
        },
        {
          label: 'Pull quote',
          hint: 'Set this paragraph large as a pull quote',
          run: actions.openPullQuote,
          active: s => blockActive(s, nodes.pullQuote),
          enabled: canPullQuote,
        },
      ],
    },
    {
      label: 'Insert',
      tools: [
        insert('Image', 'image'),
        insert('Video excerpt', 'excerpt'),
        insert('Documentary card', 'documentaryCard'),
        ...(actions.openInterviewPicker
          ? [
              {
                label: 'Interview',
                hint: 'Quote an interview: an excerpt of its video, a pull quote or a link',
                opensDialog: true,
                run: actions.openInterviewPicker,
              },
            ]
          : []),
        { label: 'Divider', hint: 'Horizontal rule', run: exec(insertBlock(nodes.horizontalRule.create())) },
      ],
    },
    {
      label: 'History',
      tools: [
        { label: 'Undo', hint: `Undo (${MOD}+Z)`, run: exec(undo), enabled: can(undo) },
        { label: 'Redo', hint: `Redo (${MOD}+Shift+Z)`, run: exec(redo), enabled: can(redo) },
      ],
    },
  ]
}
