// Reading the newsroom's interview form: what is typed becomes an interview to save, or each
// problem at its field in a sentence.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { checkInterviewFields, interviewFieldsOf, readInterviewFields, readRecordedOn, timeText } from './form.js'

const choices = { personIds: new Set([1, 2]), documentaryIds: new Set([7]), topicIds: new Set([3]) }
const body = {
  title: ' Ana Ruiz on the ledgers ',
  slug: 'ana-ruiz',
  personId: '1',
  personRole: 'Clerk',
  recordedOn: '2026-02-03',
  place: 'Porto',
  summary: '',
  documentaries: ['7', ''],
  topics: ['3'],
  interviewers: ['2'],
  momentFilm: ['7', ''],
  momentFilmStart: ['12:05', ''],
  momentFilmEnd: ['12:40', ''],
  momentStart: ['1:02:03', ''],
  momentEnd: ['1:02:38', ''],
  momentLabel: ['The ledger scene', ''],
}

describe('the interview form', () => {
  it('reads what was typed into an interview with its links and film moments; empty rows are dropped', () => {
    const checked = checkInterviewFields(readInterviewFields(body), choices)
    assert.ok('input' in checked)
    assert.deepEqual(checked.input, {
      title: 'Ana Ruiz on the ledgers',
      slug: 'ana-ruiz',
      personId: 1,
      personRole: 'Clerk',
      recordedOn: '2026-02-03',
      place: 'Porto',
      summary: '',
      documentaryIds: [7],
      topicIds: [3],
      interviewerIds: [2],
      filmMoments: [
        {
          documentaryId: 7,
          filmStartSeconds: 725,
          filmEndSeconds: 760,
          interviewStartSeconds: 3723,
          interviewEndSeconds: 3758,
          label: 'The ledger scene',
        },
      ],
    })
    const stored = interviewFieldsOf(
      {
        ...checked.input,
        id: 5,
        status: 'draft',
        clearedBy: null,
        clearedAt: null,
        ownerAccountId: null,
        publishedAt: null,
        createdAt: '',
        updatedAt: '',
      },
      checked.input,
      checked.input.filmMoments?.map(m => ({ ...m, id: 1, interviewId: 5 })) ?? [],
    )
    assert.deepEqual(stored.moments, [
      {
        documentaryId: '7',
        filmStart: '12:05',
        filmEnd: '12:40',
        start: '1:02:03',
        end: '1:02:38',
        label: 'The ledger scene',
      },
    ])
  })

  it('says what is wrong at each field', () => {
    const checked = checkInterviewFields(
      readInterviewFields({
        ...body,
        title: '',
        slug: 'Not A Slug',
        personId: '9',
        recordedOn: '2026-13-01',
        topics: ['3', '44'],
        interviewers: ['x'],
        momentFilm: ['8'],
        momentFilmStart: ['12:70'],
        momentFilmEnd: ['1:00'],
        momentStart: ['2:00'],
        momentEnd: ['1:00'],
        momentLabel: [''],
      }),
      choices,
    )
    assert.ok('problems' in checked)
    assert.deepEqual(Object.keys(checked.problems).sort(), [
      'interviewers',
      'moments-0-end',
      'moments-0-film',
      'moments-0-filmStart',
      'personId',
      'recordedOn',
      'slug',
      'title',
      'topics',
    ])
    assert.match(checked.problems.personId ?? '', /that one does not exist/)
    assert.match(checked.problems.topics ?? '', /#44 does not exist/)
    assert.match(checked.problems['moments-0-end'] ?? '', /the interview’s end must come after its start/)
    const noPerson = checkInterviewFields(readInterviewFields({ ...body, personId: '' }), choices)
    assert.ok('problems' in noPerson && /Add them under People first/.test(noPerson.problems.personId ?? ''))
  })

  it('reads a date on the calendar or none, and shows times as m:ss or h:mm:ss', () => {
    assert.deepEqual(readRecordedOn(''), { value: null })
    assert.deepEqual(readRecordedOn('2024-02-29'), { value: '2024-02-29' })
    assert.ok('problem' in readRecordedOn('2023-02-29'))
    assert.ok('problem' in readRecordedOn('3 Feb 2026'))
    assert.deepEqual([timeText(5), timeText(725), timeText(3723)], ['0:05', '12:05', '1:02:03'])
  })
})
