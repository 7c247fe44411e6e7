// One editor on one page element: reads the body from the named textarea, hides it, and from
// then on writes the normalized body back into it after every change, with an `input` event
// for the page's autosave. If the JSON cannot be opened the textarea simply stays in use.
import { setBlockType } from 'prosemirror-commands'
import { history } from 'prosemirror-history'
import { Node as PMNode } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { loadCatalog } from './catalog.js'
import type { CatalogKind } from './catalog.js'
import { applyLink, blockActive, insertBlock, linkTarget, removeLink, setPullQuote } from './commands.js'
import { fromEditorJson, toEditorJson } from './convert.js'
import type { BodyJson } from './convert.js'
import { h, uid } from './dom.js'
import { createFieldForm } from './field-form.js'
import { checkLinkHref } from './href.js'
import { editorInputRules, editorKeymaps } from './keys.js'
import { embedViews, interviewViews } from './node-views.js'
import { insertInterviewChoice } from './interview-insert.js'
import { createInterviewPicker } from './interview-picker.js'
import { createInterviewDirectory } from './interviews.js'
import { neutralizeStyles } from './paste.js'
import { createPicker, uploadTarget } from './picker.js'
import { schema } from './schema.js'
import { createToolbar } from './toolbar.js'
import type { Toolbar } from './toolbar.js'
import { canPullQuote, editorTools, MOD } from './tools.js'

const { nodes } = schema
const ATTRIBUTION_MAX = 200

/** A mounted editor. */
export interface BodyEditor {
  view: EditorView
  textarea: HTMLTextAreaElement
}

/** Mounts an editor on `host` (a `[data-body-editor]` element); undefined when it stays a textarea. */
export function mountBodyEditor(host: HTMLElement): BodyEditor | undefined {
  const textarea = document.getElementById(host.dataset.bodyEditor ?? '')
  if (!(textarea instanceof HTMLTextAreaElement)) return undefined
  const opened = openDocument(textarea.value)
  if (typeof opened === 'string') {
    host.replaceChildren(
      h(
        'p',
        { class: 'be-notice', role: 'status' },
        `The editor could not open this body (${opened}). Edit its JSON in the box below; the server checks it when you save.`,
      ),
    )
    return undefined
  }
  // A disabled fieldset (a writer without edit rights) shows the body but offers no editing.
  const readOnly = textarea.readOnly || textarea.matches(':disabled')
  const catalog = loadCatalog({
    image: host.dataset.imagesUrl,
    excerpt: host.dataset.excerptsUrl,
    documentaryCard: host.dataset.documentariesUrl,
  })
  const surfaceId = uid('be-surface')
  const hintId = uid('be-hint')
  const surface = h('div', { class: 'be-surface', id: surfaceId })
  let toolbar: Toolbar | undefined
  const focusView = () => view.focus()
  const form = createFieldForm(focusView)
  const picker = createPicker(catalog, focusView, uploadTarget(host))
  // Only the story editor names where interviews come from; other bodies offer no interview picker.
  const interviewsUrl = host.dataset.interviewsUrl || undefined
  const interviews = createInterviewDirectory(interviewsUrl)
  const interviewPicker =
    interviewsUrl === undefined
      ? undefined
      : createInterviewPicker(interviewsUrl, focusView, item => interviews.add(item))

  const view: EditorView = new EditorView(surface, {
    state: EditorState.create({
      doc: opened,
      plugins: [
        editorInputRules(),
        ...editorKeymaps({ openLink: () => openLink(), focusToolbar: () => toolbar?.focus() }),
        history(),
      ],
    }),
    editable: () => !readOnly,
    nodeViews: { ...embedViews(catalog), ...interviewViews(interviews) },
    transformPastedHTML: neutralizeStyles,
    attributes: state => ({
      class: isEmpty(state.doc) ? 'be-content be-content--empty' : 'be-content',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': host.dataset.label ?? 'Story body',
      ...(readOnly ? { 'aria-readonly': 'true' } : { 'aria-describedby': hintId }),
    }),
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr))
      toolbar?.update(view.state)
      if (tr.docChanged) writeBack(textarea, view.state.doc)
    },
  })

  function openLink() {
    const target = linkTarget(view.state)
    form.open({
      title: 'Link',
      label: 'Link address',
      value: target.href,
      placeholder: 'https://…, /a-page-on-this-site, mailto:… or #section',
      inputMode: 'url',
      submitLabel: target.href === '' ? 'Add link' : 'Update link',
      onSubmit: value => {
        const checked = checkLinkHref(value)
        if (!checked.ok) return checked.reason
        applyLink(checked.href)(view.state, view.dispatch)
        return undefined
      },
      secondary:
        target.href === '' ? undefined : { label: 'Remove link', run: () => removeLink(view.state, view.dispatch) },
    })
  }

  function openPullQuote() {
    if (!canPullQuote(view.state)) return
    const parent = view.state.selection.$from.parent
    const editing = blockActive(view.state, nodes.pullQuote)
    form.open({
      title: 'Pull quote',
      label: 'Attribution (optional), e.g. “Halina Brezan, station editor”',
      value: editing && typeof parent.attrs.attribution === 'string' ? parent.attrs.attribution : '',
      submitLabel: editing ? 'Update pull quote' : 'Make pull quote',
      onSubmit: value => {
        if (value.trim().length > ATTRIBUTION_MAX) return `An attribution is limited to ${ATTRIBUTION_MAX} characters.`
        setPullQuote(value)(view.state, view.dispatch)
        return undefined
      },
      secondary: editing
        ? { label: 'Back to paragraph', run: () => setBlockType(nodes.paragraph)(view.state, view.dispatch) }
        : undefined,
    })
  }

  function openPicker(kind: CatalogKind) {
    form.close()
    picker.open(kind, id => {
      const node =
        kind === 'image'
          ? nodes.image.create({ imageId: id })
          : kind === 'excerpt'
            ? nodes.excerpt.create({ excerptId: id })
            : nodes.documentaryCard.create({ documentaryId: id })
      insertBlock(node)(view.state, view.dispatch)
    })
  }

  function openInterviewPicker() {
    form.close()
    interviewPicker?.open(choice => insertInterviewChoice(choice)(view.state, view.dispatch))
  }

  toolbar = createToolbar(
    editorTools(view, {
      openLink,
      openPullQuote,
      openPicker,
      openInterviewPicker: interviewPicker && openInterviewPicker,
    }),
    surfaceId,
    focusView,
  )
  toolbar.update(view.state)
  const hint = h('p', { class: 'be-hint', id: hintId }, ...shortcutHint())
  host.classList.add('be')
  if (readOnly) host.replaceChildren(surface)
  else
    host.replaceChildren(
      toolbar.el,
      form.el,
      surface,
      hint,
      picker.el,
      ...(interviewPicker ? [interviewPicker.el] : []),
    )
  textarea.hidden = true
  return { view, textarea }
}

/** The shortcuts line under the editor, each key in a <kbd>. */
function shortcutHint(): Node[] {
  const shortcuts: [string, string][] = [
    [`${MOD}+B`, 'bold'],
    [`${MOD}+I`, 'italic'],
    [`${MOD}+K`, 'link'],
    ['##', 'heading'],
    ['-', 'list'],
    ['1.', 'numbered list'],
    ['>', 'quote'],
    ['Shift+Enter', 'line break'],
    ['Alt+F10', 'toolbar'],
  ]
  return shortcuts.map(([keys, what]) => h('span', { class: 'be-hint__item' }, h('kbd', {}, keys), ` ${what}`))
}

/** Parses the textarea's JSON into an editor document, or says why it cannot be opened. */
function openDocument(json: string): PMNode | string {
  let body: unknown
  try {
    body = json.trim() === '' ? { type: 'doc', content: [] } : JSON.parse(json)
  } catch {
    return 'it is not valid JSON'
  }
  if (!isBody(body)) return 'it is not a body document'
  try {
    const doc = PMNode.fromJSON(schema, toEditorJson(body))
    doc.check()
    return doc
  } catch (error) {
    return error instanceof Error ? error.message : 'it has nodes the editor does not know'
  }
}

function isBody(value: unknown): value is BodyJson {
  if (typeof value !== 'object' || value === null) return false
  const { type, content } = value as { type?: unknown; content?: unknown }
  return type === 'doc' && Array.isArray(content)
}

function isEmpty(doc: PMNode): boolean {
  return doc.childCount === 1 && doc.firstChild?.type === nodes.paragraph && doc.firstChild.content.size === 0
}

function writeBack(textarea: HTMLTextAreaElement, doc: PMNode): void {
  textarea.value = JSON.stringify(fromEditorJson(doc.toJSON() as Parameters<typeof fromEditorJson>[0]))
  textarea.dispatchEvent(new Event('input', { bubbles: true }))
}
