// RFC 4180 CSV, both ways. The reader is fed text in chunks, so a file can stream through it,
// and it keeps going past a malformed spot so every bad line can be named at once. The writer
// quotes what needs quoting and defuses cells a spreadsheet would run as a formula.

/** One record, the line it starts on (1-based; a quoted field may span lines), and what is wrong with it. */
export interface CsvRecord {
  line: number
  cells: string[]
  /** Set when the record breaks the format; its cells are then a best guess. */
  problem?: string
}

/** A reader of comma-separated text: `push` chunks as they come, then `end`; each returns the records completed. */
export interface CsvReader {
  push(chunk: string): CsvRecord[]
  end(): CsvRecord[]
}

const STRAY_QUOTE =
  'a double quote (") inside a field that does not start with one; put the whole field in double quotes and double the quote inside it'
const AFTER_QUOTE = 'text after the closing double quote of a field; a field in quotes must end at the quote'
const UNCLOSED = 'a field opens with a double quote (") that is never closed'

/** A streaming CSV reader. Blank lines are skipped; a byte-order mark at the start is dropped. */
export function createCsvReader(): CsvReader {
  let cells: string[] = []
  let field = ''
  let state: 'start' | 'unquoted' | 'quoted' | 'closing' = 'start'
  let line = 1
  let recordLine = 1
  let problem: string | undefined
  let afterCR = false
  let first = true
  let out: CsvRecord[] = []

  const endField = () => {
    cells.push(field)
    field = ''
    state = 'start'
  }
  const endRecord = () => {
    endField()
    // A blank line is one empty field; it holds nothing to read.
    if (cells.length > 1 || cells[0] !== '' || problem)
      out.push(problem ? { line: recordLine, cells, problem } : { line: recordLine, cells })
    cells = []
    problem = undefined
    recordLine = line
  }
  const flag = (message: string) => {
    problem ??= message
  }

  function read(c: string): void {
    if (state === 'quoted') {
      if (c === '"') state = 'closing'
      else field += c
      return
    }
    if (state === 'closing') {
      if (c === '"') {
        field += '"'
        state = 'quoted'
        return
      }
      if (c !== ',' && c !== '\r' && c !== '\n') {
        flag(AFTER_QUOTE)
        field += c
        state = 'unquoted'
        return
      }
    }
    if (c === ',') endField()
    else if (c === '\r' || c === '\n') endRecord()
    else if (c === '"' && state === 'start') state = 'quoted'
    else {
      if (c === '"') flag(STRAY_QUOTE)
      field += c
      state = 'unquoted'
    }
  }

  return {
    push(chunk) {
      for (const c of chunk) {
        if (first) {
          first = false
          if (c === '\uFEFF') continue
        }
        // CR LF is one line end, as are a lone LF and a lone CR.
        if (c === '\n' && afterCR) {
          afterCR = false
          if (state === 'quoted') field += c
          continue
        }
        afterCR = c === '\r'
        if (c === '\r' || c === '\n') line += 1
        read(c)
      }
      const done = out
      out = []
      return done
    },
    end() {
      if (state === 'quoted') flag(UNCLOSED)
      if (state !== 'start' || field !== '' || cells.length > 0) endRecord()
      const done = out
      out = []
      return done
    },
  }
}

/** Reads a whole text at once. */
export function parseCsv(text: string): CsvRecord[] {
  const reader = createCsvReader()
  return [...reader.push(text), ...reader.end()]
}

// OWASP "CSV injection": a cell starting with one of these runs as a formula in spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: defused with a leading apostrophe when it would start a formula, quoted when it must be. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One record as a line of CSV, ending in CR LF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** Whether a value would be read as a formula by a spreadsheet. */
export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value)
}
