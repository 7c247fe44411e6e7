// The newsroom's interviews as the editor reads them (src/interviews/picker-api.ts): a search
// by title or person, one interview's transcript, and a small directory that names the
// interviews a body already embeds so their boxes show more than an id.

/** An interview as the picker lists it. */
export interface InterviewSummary {
  id: number
  title: string
  slug: string
  personName: string
  personRole: string
  status: string
  recordedOn: string | null
}

/** One passage of the transcript; a withheld one comes without its words and cannot be chosen. */
export interface PickerPassage {
  position: number
  speaker: string
  startSeconds: number
  endSeconds: number
  text: string
  withheld: boolean
  withheldReason: string | null
  /** The interview's page cued at this passage. */
  url: string
}

/** An interview's transcript, with the interview it belongs to. */
export interface Transcript {
  interview: InterviewSummary & { durationSeconds: number | null }
  passages: PickerPassage[]
}

/** An answer, or why there is none, in words for the writer. */
export type Fetched<T> = { ok: true; value: T } | { ok: false; message: string }

/** Interviews whose title, person or role hold every word of `q` (all of them, up to the server's limit, when empty). */
export async function searchInterviews(
  url: string,
  q: string,
  signal?: AbortSignal,
): Promise<Fetched<InterviewSummary[]>> {
  const address = new URL(url, document.baseURI)
  if (q.trim() !== '') address.searchParams.set('q', q.trim().slice(0, 200))
  return getJson(address, signal, data =>
    Array.isArray(data) ? data.flatMap((v: unknown) => readSummary(v) ?? []) : undefined,
  )
}

/** The whole transcript of interview `id`. */
export async function fetchTranscript(url: string, id: number, signal?: AbortSignal): Promise<Fetched<Transcript>> {
  return getJson(new URL(`${url.replace(/\/$/, '')}/${id}/passages`, document.baseURI), signal, readTranscript)
}

/** Names interviews by id for the editor's boxes, fetching the unknown ones in one request per moment. */
export interface InterviewDirectory {
  get(id: number): InterviewSummary | undefined
  /** Remembers an interview the picker already has in hand. */
  add(item: InterviewSummary): void
  subscribe(listener: () => void): () => void
}

export function createInterviewDirectory(url: string | undefined): InterviewDirectory {
  const known = new Map<number, InterviewSummary>()
  const asked = new Set<number>()
  const listeners = new Set<() => void>()
  let wanted: number[] = []
  const tell = () => {
    for (const listener of listeners) listener()
  }
  const flush = async () => {
    const ids = wanted.slice(0, 20)
    wanted = wanted.slice(20)
    if (ids.length === 0 || url === undefined) return
    const address = new URL(url, document.baseURI)
    address.searchParams.set('ids', ids.join(','))
    const found = await getJson(address, undefined, data =>
      Array.isArray(data) ? data.flatMap((v: unknown) => readSummary(v) ?? []) : undefined,
    )
    if (found.ok) for (const item of found.value) known.set(item.id, item)
    tell()
    if (wanted.length > 0) void flush()
  }
  return {
    get(id) {
      const item = known.get(id)
      if (item === undefined && !asked.has(id) && url !== undefined) {
        asked.add(id)
        wanted.push(id)
        // Every box drawn in the same moment shares one request.
        if (wanted.length === 1) queueMicrotask(() => void flush())
      }
      return item
    },
    add(item) {
      known.set(item.id, item)
      tell()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

async function getJson<T>(
  address: URL,
  signal: AbortSignal | undefined,
  read: (data: unknown) => T | undefined,
): Promise<Fetched<T>> {
  try {
    const response = await fetch(address, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    })
    if (!response.ok) return { ok: false, message: `The interviews could not be loaded (HTTP ${response.status}).` }
    const value = read(await response.json())
    return value === undefined
      ? { ok: false, message: 'The interviews came back in an unexpected shape.' }
      : { ok: true, value }
  } catch {
    return { ok: false, message: 'The interviews could not be loaded; check the connection and try again.' }
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

function readSummary(value: unknown): InterviewSummary | undefined {
  const r = record(value)
  const id = num(r?.id)
  if (r === undefined || id === undefined || !Number.isSafeInteger(id) || id <= 0) return undefined
  return {
    id,
    title: str(r.title),
    slug: str(r.slug),
    personName: str(r.personName),
    personRole: str(r.personRole),
    status: str(r.status),
    recordedOn: typeof r.recordedOn === 'string' ? r.recordedOn : null,
  }
}

function readPassage(value: unknown): PickerPassage | undefined {
  const r = record(value)
  const position = num(r?.position)
  const startSeconds = num(r?.startSeconds)
  const endSeconds = num(r?.endSeconds)
  if (r === undefined || position === undefined || startSeconds === undefined || endSeconds === undefined)
    return undefined
  return {
    position,
    startSeconds,
    endSeconds,
    speaker: str(r.speaker),
    text: str(r.text),
    withheld: r.withheld === true,
    withheldReason: typeof r.withheldReason === 'string' ? r.withheldReason : null,
    url: str(r.url),
  }
}

function readTranscript(data: unknown): Transcript | undefined {
  const r = record(data)
  const summary = readSummary(r?.interview)
  if (r === undefined || summary === undefined || !Array.isArray(r.passages)) return undefined
  const duration = num(record(r.interview)?.durationSeconds)
  return {
    interview: { ...summary, durationSeconds: duration ?? null },
    passages: r.passages.flatMap((p: unknown) => readPassage(p) ?? []),
  }
}
