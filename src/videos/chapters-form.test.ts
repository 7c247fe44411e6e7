// Reading the chapters textarea: the three ways to write a start, sorting, and a problem per bad line.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chaptersText, readChapters } from './chapters-form.js'

describe('readChapters', () => {
  it('reads h:mm:ss, m:ss and plain seconds, skips blank lines and sorts by start', () => {
    assert.deepEqual(readChapters('1:02:03 Finale\n\n  0:00 Opening  \r\n95 Arrival\n12:05 The crossing', 4000), {
      chapters: [
        { startSeconds: 0, title: 'Opening' },
        { startSeconds: 95, title: 'Arrival' },
        { startSeconds: 725, title: 'The crossing' },
        { startSeconds: 3723, title: 'Finale' },
      ],
    })
    assert.deepEqual(readChapters('   \n', 10), { chapters: [] })
  })

  it('names the line of each problem and stores nothing of a form with one', () => {
    const read = readChapters('0:00 Opening\n0:6 Typo\n10 Late\n0:00 Again\n5', 10)
    assert.ok('problems' in read)
    assert.deepEqual(
      read.problems.map(p => p.split(':')[0]),
      ['Line 2', 'Line 3', 'Line 4', 'Line 5'],
    )
    assert.match(read.problems[1] ?? '', /0:10 is after the film ends \(it runs 0:10\)/)
  })

  it('counts lines past a hundred and lists at most thirty problems', () => {
    const many = readChapters(Array.from({ length: 150 }, () => 'nope').join('\n'), null)
    assert.ok('problems' in many)
    assert.match(many.problems[0] ?? '', /There are 150 chapters; a film has at most 100/)
    assert.equal(many.problems.length, 31)
    assert.match(many.problems[30] ?? '', /and 271 more problems/)
  })

  it('writes stored chapters back as the lines it reads', () => {
    const chapters = [
      { startSeconds: 3723, title: 'Finale' },
      { startSeconds: 0, title: 'Opening' },
    ]
    assert.equal(chaptersText(chapters), '0:00 Opening\n1:02:03 Finale')
    assert.deepEqual(readChapters(chaptersText(chapters), 4000), { chapters: [...chapters].reverse() })
  })
})
