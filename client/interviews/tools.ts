// The transcript's tool bar, built by the island (without JavaScript it would do nothing, so the
// server does not render it): search with a count and next/previous, "resume following", share.

export interface Tools {
  query: HTMLInputElement
  next: HTMLButtonElement
  prev: HTMLButtonElement
  resume: HTMLButtonElement
  share: HTMLButtonElement
  showCount(count: number, current: number, asked: boolean): void
  showLink(url: string): void
  said(message: string): void
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}

/** Builds the bar before the list and answers its controls. */
export function buildTools(list: HTMLElement, hasVideo: boolean): Tools {
  const query = el('input', { type: 'search', id: 'tr-q', className: 'tr-q', autocomplete: 'off' })
  const count = el('output', { className: 'tr-count' })
  count.setAttribute('aria-live', 'polite')
  count.htmlFor.add('tr-q')
  const prev = el('button', { type: 'button', className: 'tr-btn', textContent: 'Previous' })
  const next = el('button', { type: 'button', className: 'tr-btn', textContent: 'Next' })
  prev.setAttribute('aria-label', 'Previous match')
  next.setAttribute('aria-label', 'Next match')
  const resume = el('button', {
    type: 'button',
    className: 'tr-btn tr-resume',
    textContent: 'Resume following the video',
    hidden: true,
  })
  const share = el('button', {
    type: 'button',
    className: 'tr-btn',
    textContent: hasVideo ? 'Share selected passages' : 'Share a link to the selected passages',
  })
  const link = el('input', { type: 'url', className: 'tr-link', readOnly: true, hidden: true })
  link.setAttribute('aria-label', 'Link to the selected passages')
  const status = el('span', { className: 'tr-status' })
  status.setAttribute('role', 'status')
  const find = el(
    'div',
    { className: 'tr-find' },
    el('label', { htmlFor: 'tr-q', textContent: 'Search the transcript' }),
    query,
    prev,
    next,
    count,
  )
  find.setAttribute('role', 'search')
  const bar = el(
    'div',
    { className: 'tr-tools' },
    find,
    el('div', { className: 'tr-share' }, share, resume, link, status),
  )
  list.before(bar)
  return {
    query,
    next,
    prev,
    resume,
    share,
    showCount(n, current, asked) {
      count.value = !asked ? '' : n === 0 ? 'No matches' : `${current + 1} of ${n}`
      prev.disabled = next.disabled = n === 0
    },
    showLink(url) {
      link.value = url
      link.hidden = false
      link.select()
    },
    said(message) {
      status.textContent = message
    },
  }
}
