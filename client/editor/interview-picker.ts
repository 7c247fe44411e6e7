// The interview picker: a modal <dialog> in two steps. First the writer finds an interview by
// its title or the person interviewed; then they search its transcript and choose a run of
// passages (clicks, never typed times), and insert it as an interview excerpt, a pull quote
// naming its source, or the words as a link to the passage. Withheld passages show as such
// and cannot be chosen.
import { formatTimecode as timecode } from '../../src/body/timecode.js'
import { h, uid } from './dom.js'
import {
  fetchTranscript,
  searchInterviews,
  type InterviewSummary,
  type PickerPassage,
  type Transcript,
} from './interviews.js'
import { clickPassage, runPassages, runSpan, type Run } from './passage-run.js'

/** What the writer chose to insert: the interview and the run of passages. */
export interface InterviewChoice {
  as: 'excerpt' | 'pullQuote' | 'link'
  interview: InterviewSummary
  passages: PickerPassage[]
  startSeconds: number
  endSeconds: number
}

/** The dialog and how to open it. */
export interface InterviewPicker {
  el: HTMLDialogElement
  open: (onChoose: (choice: InterviewChoice) => void) => void
}

const SEARCH_DELAY_MS = 250

/** Builds the interview picker for the API at `url`; `onClose` runs whenever it closes. */
export function createInterviewPicker(
  url: string,
  onClose: () => void,
  onInterview: (item: InterviewSummary) => void,
): InterviewPicker {
  const titleId = uid('be-ipicker-title')
  const findId = uid('be-ipicker-find')
  const searchId = uid('be-ipicker-search')
  const title = h('h2', { id: titleId, class: 'be-picker__title' }, 'Quote an interview')
  const closeButton = h('button', { type: 'button', class: 'be-button' }, 'Close')
  const find = h('input', { id: findId, type: 'search', class: 'be-form__input', autocomplete: 'off' })
  const findStatus = h('p', { class: 'be-picker__status', role: 'status' })
  const interviews = h('ul', { class: 'be-picker__list', 'aria-label': 'Interviews' })
  const step1 = h(
    'section',
    { class: 'be-ipicker__step' },
    h('label', { for: findId, class: 'be-form__label' }, 'Find an interview by its title or the person interviewed'),
    find,
    findStatus,
    interviews,
  )
  const back = h('button', { type: 'button', class: 'be-button' }, '← Other interviews')
  const heading = h('h3', { class: 'be-ipicker__interview' })
  const search = h('input', { id: searchId, type: 'search', class: 'be-form__input', autocomplete: 'off' })
  const searchStatus = h('p', { class: 'be-picker__status', role: 'status' })
  const transcriptList = h('ol', { class: 'be-ipicker__passages', 'aria-label': 'Transcript' })
  const chosen = h('p', { class: 'be-ipicker__chosen', role: 'status' })
  const insertExcerpt = h('button', { type: 'button', class: 'be-button be-button--primary' }, 'Insert excerpt')
  const insertQuote = h('button', { type: 'button', class: 'be-button' }, 'Insert pull quote')
  const insertLink = h('button', { type: 'button', class: 'be-button' }, 'Insert words as link')
  const step2 = h(
    'section',
    { class: 'be-ipicker__step', hidden: true },
    h('div', { class: 'be-ipicker__top' }, back, heading),
    h('label', { for: searchId, class: 'be-form__label' }, 'Search the transcript'),
    search,
    searchStatus,
    transcriptList,
    h(
      'div',
      { class: 'be-ipicker__footer' },
      chosen,
      h('div', { class: 'be-form__row' }, insertExcerpt, insertQuote, insertLink),
    ),
  )
  const el = h(
    'dialog',
    { class: 'be-picker be-ipicker', 'aria-labelledby': titleId },
    h('div', { class: 'be-picker__header' }, title, closeButton),
    step1,
    step2,
  )

  let choose: ((choice: InterviewChoice) => void) | undefined
  // The interview list and the transcript each have their own request: a late search for
  // interviews must not cancel the transcript the writer already opened.
  let request: AbortController | undefined
  let transcriptRequest: AbortController | undefined
  let debounce: ReturnType<typeof setTimeout> | undefined
  let transcript: Transcript | undefined
  let run: Run | undefined
  let problem = ''

  const listInterviews = () => {
    request?.abort()
    const controller = new AbortController()
    request = controller
    findStatus.textContent = 'Loading…'
    void searchInterviews(url, find.value, controller.signal).then(found => {
      if (controller.signal.aborted) return
      if (!found.ok) {
        findStatus.textContent = found.message
        interviews.replaceChildren()
        return
      }
      findStatus.textContent =
        found.value.length === 0 ? (find.value.trim() === '' ? 'No interviews yet.' : 'No interview matches.') : ''
      interviews.replaceChildren(...found.value.map(item => h('li', {}, interviewButton(item))))
    })
  }
  const interviewButton = (item: InterviewSummary) => {
    const who = [item.personName, item.personRole].filter(Boolean).join(', ')
    const button = h(
      'button',
      { type: 'button', class: 'be-picker__item' },
      h(
        'span',
        { class: 'be-picker__text' },
        h('span', { class: 'be-picker__name' }, item.title),
        h(
          'span',
          { class: 'be-picker__detail' },
          [who, item.status === 'published' ? '' : `not published yet (${item.status.replace('_', ' ')})`]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
    )
    button.addEventListener('click', () => openInterview(item))
    return button
  }

  const openInterview = (item: InterviewSummary) => {
    clearTimeout(debounce)
    request?.abort()
    onInterview(item)
    step1.hidden = true
    step2.hidden = false
    heading.textContent = [item.title, item.personName].filter(Boolean).join(' — ')
    search.value = ''
    transcript = undefined
    run = undefined
    problem = ''
    transcriptList.replaceChildren()
    searchStatus.textContent = 'Loading the transcript…'
    renderChosen()
    search.focus()
    transcriptRequest?.abort()
    const controller = new AbortController()
    transcriptRequest = controller
    void fetchTranscript(url, item.id, controller.signal).then(found => {
      if (controller.signal.aborted) return
      if (!found.ok) {
        searchStatus.textContent = found.message
        return
      }
      transcript = found.value
      renderTranscript()
    })
  }

  const renderTranscript = () => {
    if (transcript === undefined) return
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    const shown = transcript.passages.filter(p => words.every(w => `${p.speaker} ${p.text}`.toLowerCase().includes(w)))
    const total = transcript.passages.length
    searchStatus.textContent =
      total === 0
        ? 'This interview has no transcript yet.'
        : words.length === 0
          ? ''
          : shown.length === 1
            ? '1 passage matches.'
            : `${shown.length} passages match.`
    transcriptList.replaceChildren(...shown.map(p => h('li', {}, passageButton(p))))
  }
  const passageButton = (p: PickerPassage) => {
    const selected = run !== undefined && p.position >= run.from && p.position <= run.to
    const button = h(
      'button',
      {
        type: 'button',
        class: `be-ipicker__passage${p.withheld ? ' be-ipicker__passage--withheld' : ''}`,
        'aria-pressed': String(selected),
        'aria-disabled': p.withheld ? 'true' : undefined,
        'data-position': p.position,
      },
      h('span', { class: 'be-ipicker__time' }, timecode(p.startSeconds)),
      h(
        'span',
        { class: 'be-ipicker__words' },
        p.speaker === '' ? null : h('span', { class: 'be-ipicker__speaker' }, `${p.speaker}: `),
        p.withheld
          ? h('em', {}, `[Passage withheld${p.withheldReason ? `: ${p.withheldReason.replace(/-/g, ' ')}` : ''}]`)
          : p.text,
      ),
    )
    button.addEventListener('click', () => {
      if (transcript === undefined) return
      const next = clickPassage(transcript.passages, run, p.position)
      run = next.run
      problem = next.problem ?? ''
      renderTranscript()
      renderChosen()
      transcriptList.querySelector<HTMLElement>(`[data-position="${p.position}"]`)?.focus()
    })
    return button
  }

  const selection = (): InterviewChoice | undefined => {
    if (transcript === undefined) return undefined
    const passages = runPassages(transcript.passages, run)
    const span = runSpan(passages)
    return span && { as: 'excerpt', interview: transcript.interview, passages, ...span }
  }
  const renderChosen = () => {
    const current = selection()
    for (const button of [insertExcerpt, insertQuote, insertLink]) button.disabled = current === undefined
    if (problem !== '') chosen.textContent = problem
    else if (current === undefined) chosen.textContent = 'Choose a passage; choose another to make a run of them.'
    else {
      const n = current.passages.length
      chosen.textContent =
        `${n === 1 ? '1 passage' : `${n} passages`}, ${timecode(current.startSeconds)}–${timecode(current.endSeconds)}` +
        ` (${timecode(current.endSeconds - current.startSeconds)})`
    }
  }
  const insert = (as: InterviewChoice['as']) => {
    const current = selection()
    if (current === undefined) return
    const chosenFn = choose
    choose = undefined
    el.close()
    chosenFn?.({ ...current, as })
  }

  find.addEventListener('input', () => {
    clearTimeout(debounce)
    debounce = setTimeout(listInterviews, SEARCH_DELAY_MS)
  })
  search.addEventListener('input', renderTranscript)
  back.addEventListener('click', () => {
    step2.hidden = true
    step1.hidden = false
    find.focus()
  })
  insertExcerpt.addEventListener('click', () => insert('excerpt'))
  insertQuote.addEventListener('click', () => insert('pullQuote'))
  insertLink.addEventListener('click', () => insert('link'))
  closeButton.addEventListener('click', () => el.close())
  el.addEventListener('keydown', event => {
    // The fields sit inside the story's form: Enter there would save the story.
    if (event.key === 'Enter' && (event.target === find || event.target === search)) {
      event.preventDefault()
      const list = event.target === find ? interviews : transcriptList
      list.querySelector<HTMLButtonElement>('button:not([aria-disabled="true"])')?.focus()
    }
  })
  el.addEventListener('close', () => {
    clearTimeout(debounce)
    request?.abort()
    transcriptRequest?.abort()
    onClose()
  })
  // Typing in the dialog changes nothing in the story, so the page's autosave need not hear it.
  el.addEventListener('input', event => event.stopPropagation())
  el.addEventListener('change', event => event.stopPropagation())

  return {
    el,
    open(onChoose) {
      choose = onChoose
      step1.hidden = false
      step2.hidden = true
      find.value = ''
      el.showModal()
      find.focus()
      listInterviews()
    },
  }
}
