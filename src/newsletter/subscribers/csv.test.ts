import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createCsvReader, csvCell, csvLine, parseCsv } from './csv.js'

describe('reading CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, naming the line each record starts on', () => {
    const records = parseCsv(
      'email,note\r\na@example.org,"one, two"\r\nb@example.org,"say ""hi""\r\nthen go"\r\nc@example.org,x\r\n',
    )
    assert.deepEqual(records, [
      { line: 1, cells: ['email', 'note'] },
      { line: 2, cells: ['a@example.org', 'one, two'] },
      { line: 3, cells: ['b@example.org', 'say "hi"\r\nthen go'] },
      { line: 5, cells: ['c@example.org', 'x'] },
    ])
  })

  it('takes LF, CR LF and lone CR line ends, skips blank lines and drops a byte-order mark', () => {
    const records = parseCsv('\uFEFFemail\n\na@example.org\r\rb@example.org\rc@example.org')
    assert.deepEqual(
      records.map(r => [r.line, r.cells[0]]),
      [
        [1, 'email'],
        [3, 'a@example.org'],
        [5, 'b@example.org'],
        [6, 'c@example.org'],
      ],
    )
  })

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'email,note\r\na@example.org,"x\r\ny"\r\n"b@example.org",""""\r\n'
    const whole = parseCsv(text)
    for (let size = 1; size < 8; size++) {
      const reader = createCsvReader()
      const records = []
      for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)))
      records.push(...reader.end())
      assert.deepEqual(records, whole, `chunks of ${size}`)
    }
  })

  it('names malformed records and goes on reading the next ones', () => {
    const records = parseCsv('a@example.org\nb"c@example.org\n"d@example.org"x\ne@example.org\n"f@example.org')
    assert.deepEqual(
      records.map(r => [r.line, r.problem?.slice(0, 30)]),
      [
        [1, undefined],
        [2, 'a double quote (") inside a fi'],
        [3, 'text after the closing double '],
        [4, undefined],
        [5, 'a field opens with a double qu'],
      ],
    )
  })
})

describe('writing CSV', () => {
  it('quotes cells holding commas, quotes or line breaks', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'x\ny']), 'a,"b,c","say ""hi""","x\ny"\r\n')
  })

  it('defuses every cell a spreadsheet would run as a formula with a leading apostrophe', () => {
    assert.equal(
      csvCell('=HYPERLINK("http://evil.example","click")'),
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    )
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      assert.ok(csvCell(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(start))
    assert.equal(csvCell('reader@example.org'), 'reader@example.org')
  })

  it('what it writes reads back as it was (apart from the apostrophe)', () => {
    const cells = ['plain', 'with, comma', 'with "quotes"', 'two\r\nlines', '']
    assert.deepEqual(parseCsv(csvLine(cells))[0]?.cells, cells)
  })
})
