// The search-as-you-type island: turns the header's search form (`form[data-search-suggest]`)
// into an ARIA 1.2 combobox whose listbox offers results as the reader types. Arrow keys move
// through them, Enter opens the chosen one (or submits the form as usual when none is chosen),
// Escape closes the list. Without this script, or when a request fails, the form simply submits
// to /search. Text from the server is set as textContent, never as HTML.

const DEBOUNCE_MS = 150
const MIN_CHARS = 2
const LIMIT = 6

interface Segment {
  text: string
  match: boolean
}

interface Suggestion {
  kind: string
  title: string
  url: string
  highlights: { title: Segment[] }
}

const KIND_LABELS: Record<string, string> = {
  story: 'Story',
  documentary: 'Documentary',
  episode: 'Podcast episode',
  person: 'Person',
  topic: 'Topic',
}

let counter = 0

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  const endpoint = form.dataset.searchSuggest
  if (!input || !endpoint) return
  const id = `search-suggest-${++counter}`
  const list = document.createElement('ul')
  list.id = id
  list.className = 'search-suggest'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', 'Suggestions')
  list.hidden = true
  const status = document.createElement('p')
  status.className = 'visually-hidden'
  status.setAttribute('role', 'status')
  form.classList.add('site-search--enhanced')
  form.append(list, status)

  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-controls', id)
  input.setAttribute('aria-expanded', 'false')

  let options: { element: HTMLLIElement; url: string }[] = []
  let active = -1
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined

  const setActive = (index: number) => {
    active = index
    for (const [i, o] of options.entries()) o.element.setAttribute('aria-selected', String(i === index))
    const chosen = options[index]
    if (chosen) {
      input.setAttribute('aria-activedescendant', chosen.element.id)
      chosen.element.scrollIntoView({ block: 'nearest' })
    } else input.removeAttribute('aria-activedescendant')
  }

  const close = () => {
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    setActive(-1)
  }

  const option = (label: string, url: string, index: number, kind?: string, title?: Segment[]) => {
    const li = document.createElement('li')
    li.id = `${id}-${index}`
    li.className = 'search-suggest__option'
    li.setAttribute('role', 'option')
    li.setAttribute('aria-selected', 'false')
    if (kind) {
      const k = document.createElement('span')
      k.className = 'search-suggest__kind'
      k.textContent = KIND_LABELS[kind] ?? kind
      li.append(k, ' ')
    }
    const t = document.createElement('span')
    t.className = 'search-suggest__title'
    for (const segment of title ?? [{ text: label, match: false }]) {
      if (segment.match) {
        const mark = document.createElement('mark')
        mark.textContent = segment.text
        t.append(mark)
      } else t.append(segment.text)
    }
    li.append(t)
    // mousedown, not click: the input keeps the focus, so the list does not close first.
    li.addEventListener('mousedown', event => {
      event.preventDefault()
      window.location.assign(url)
    })
    return { element: li, url }
  }

  const show = (query: string, suggestions: Suggestion[]) => {
    const all = `${form.action || '/search'}?${new URLSearchParams({ q: query }).toString()}`
    options = suggestions.map((s, i) => option(s.title, s.url, i, s.kind, s.highlights.title))
    options.push(option(`See all results for “${query}”`, all, options.length))
    list.replaceChildren(...options.map(o => o.element))
    list.hidden = false
    input.setAttribute('aria-expanded', 'true')
    setActive(-1)
    status.textContent =
      suggestions.length === 0
        ? 'No suggestions.'
        : `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}. Use the arrow keys to choose.`
  }

  const fetchSuggestions = async (query: string) => {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    try {
      const params = new URLSearchParams({ q: query, prefix: 'true', limit: String(LIMIT) })
      const response = await fetch(`${endpoint}?${params.toString()}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      })
      if (!response.ok) return close()
      const body = (await response.json()) as { results?: Suggestion[] }
      // A newer keystroke has taken over, or the reader has moved on.
      if (controller.signal.aborted || input.value.trim() !== query) return
      show(query, body.results ?? [])
    } catch {
      // Aborted or offline: the plain form still works.
      if (!controller.signal.aborted) close()
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    const query = input.value.trim()
    if (query.length < MIN_CHARS) {
      inFlight?.abort()
      close()
      return
    }
    timer = setTimeout(() => void fetchSuggestions(query), DEBOUNCE_MS)
  })

  input.addEventListener('keydown', event => {
    const open = !list.hidden && options.length > 0
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive(
        active === -1 ? (step === 1 ? 0 : options.length - 1) : (active + step + options.length) % options.length,
      )
    } else if (event.key === 'Enter') {
      const chosen = open ? options[active] : undefined
      if (!chosen) return // the form submits to /search as it would without this script
      event.preventDefault()
      window.location.assign(chosen.url)
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        close()
      } else input.value = ''
    }
  })

  input.addEventListener('blur', () => close())
}

for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form[data-search-suggest]'))) enhance(form)
