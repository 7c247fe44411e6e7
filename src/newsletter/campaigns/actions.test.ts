// The campaign's state machine, without the pages around it, on SQLite or (with
// TEST_DATABASE_URL) PostgreSQL: which move is allowed from which status, that an allowed move
// writes the campaign, its send job and its audit row together, and that a refused one stores
// nothing at all.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { freshDatabasePerTest } from '../../../test/helpers.js'
import { actingAs, UNKNOWN_ACTOR } from '../../../test/acting.js'
import { makeList } from '../../../test/newsletter-factories.js'
import type { Db } from '../../db/index.js'
import { listAudit, type Actor } from '../../newsroom/index.js'
import type { CacheTag } from '../../platform/events.js'
import { findJobByKey } from '../../platform/jobs/index.js'
import type { CampaignStatus } from '../schema.js'
import { sendJobKey } from '../sending/send-job.js'
import {
  cancelCampaign,
  createCampaign,
  reopenCampaign,
  retryCampaign,
  saveCampaign,
  scheduleCampaign,
  sendCampaignNow,
  unscheduleCampaign,
  type CampaignActionDeps,
} from './actions.js'
import { allowedMoves, moveProblem, type CampaignMove } from './moves.js'
import { findCampaignById, moveCampaign, type CampaignDraft } from './store.js'

const HOUR = 3_600_000
const later = (ms: number) => new Date(Date.now() + ms).toISOString()
/** A datetime-local value in UTC, as the schedule form posts it. */
const wallTime = (ms: number) => later(ms).slice(0, 16)

const draftFor = (listId: number, o: Partial<CampaignDraft> = {}): CampaignDraft => ({
  listId,
  subject: 'The Friday letter',
  preheader: '',
  template: 'standard',
  storyIds: [],
  documentaryIds: [],
  intro: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dear readers.' }] }] },
  ...o,
})

describe('the campaign state machine', () => {
  it('allows each move only from the statuses it starts from', () => {
    const at = (status: CampaignStatus, scheduledFor: string | null = null) => allowedMoves({ status, scheduledFor })
    assert.deepEqual(at('draft'), ['save', 'schedule', 'send', 'cancel'])
    assert.deepEqual(at('scheduled', later(HOUR)), ['save', 'schedule', 'send', 'unschedule', 'cancel'])
    assert.deepEqual(at('sending'), ['retry'])
    assert.deepEqual(at('sent'), ['retry'])
    assert.deepEqual(at('cancelled'), ['reopen'])
  })

  it('refuses “send now” on a scheduled campaign whose time has come: it is already on its way', () => {
    const due = { status: 'scheduled' as const, scheduledFor: later(-1000) }
    assert.ok(!allowedMoves(due).includes('send'))
    assert.match(moveProblem(due, 'send')?.message ?? '', /already on its way; it was not sent a second time/)
    assert.equal(moveProblem(due, 'unschedule'), undefined, 'it can still be taken back until the send job starts it')
  })

  it('says why a move is refused, as a conflict, in words', () => {
    const problem = (status: CampaignStatus, move: CampaignMove) => moveProblem({ status, scheduledFor: null }, move)
    assert.equal(problem('sent', 'save')?.code, 'conflict')
    assert.match(problem('sent', 'save')?.message ?? '', /has been sent, so it cannot be changed or sent again/)
    assert.match(problem('sending', 'cancel')?.message ?? '', /is going out now/)
    assert.match(problem('cancelled', 'schedule')?.message ?? '', /was cancelled \(reopen it as a draft first\)/)
    assert.match(problem('draft', 'unschedule')?.message ?? '', /not scheduled, so there is nothing to unschedule/)
    assert.match(problem('draft', 'reopen')?.message ?? '', /a draft already/)
    assert.match(problem('draft', 'retry')?.message ?? '', /Only a campaign that has gone out/)
  })
})

describe('campaign actions', () => {
  const db = freshDatabasePerTest()

  /** An editor acting, the tags announced and the job-runner wake-ups counted, and a list to write to. */
  async function setUp(): Promise<{
    deps: CampaignActionDeps
    actor: Actor
    emitted: CacheTag[][]
    woken: () => number
    listId: number
  }> {
    const { deps, actor, emitted } = await actingAs(db(), 'editor')
    let woken = 0
    const list = await makeList(db())
    return {
      deps: {
        ...deps,
        wakeJobs: () => {
          woken += 1
        },
      },
      actor,
      emitted,
      woken: () => woken,
      listId: list.id,
    }
  }

  /** Everything a move could have written: the campaign row, its send job, the audit log. */
  const stored = async (d: Db, id: number) => ({
    campaign: await findCampaignById(d, id),
    job: await findJobByKey(d, sendJobKey(id)),
    audit: await listAudit(d, 100),
  })

  it('an allowed path writes the campaign, its send job and its audit rows together, and wakes the job runner when a send is armed', async () => {
    const { deps, actor, emitted, woken, listId } = await setUp()
    const created = await createCampaign(deps, actor, draftFor(listId))
    assert.equal(created.status, 'draft')
    const saved = await saveCampaign(deps, actor, created.id, {
      version: created.version,
      draft: draftFor(listId, { subject: 'Week 12' }),
    })
    assert.equal(saved.version, created.version + 1)

    const sendAt = wallTime(2 * 24 * HOUR)
    await scheduleCampaign(deps, actor, created.id, { sendAt, timeZone: 'UTC' })
    let now = await stored(db(), created.id)
    assert.equal(now.campaign?.status, 'scheduled')
    assert.equal(now.campaign?.scheduledFor?.slice(0, 16), sendAt)
    assert.equal(now.job?.runAt.slice(0, 16), sendAt)
    assert.equal(woken(), 1)

    await unscheduleCampaign(deps, actor, created.id)
    now = await stored(db(), created.id)
    assert.equal(now.campaign?.status, 'draft')
    assert.equal(now.campaign?.scheduledFor, null)
    assert.equal(now.job, undefined, 'the send job goes with the schedule')

    await cancelCampaign(deps, actor, created.id)
    assert.equal((await findCampaignById(db(), created.id))?.status, 'cancelled')
    await reopenCampaign(deps, actor, created.id)
    await sendCampaignNow(deps, actor, created.id)
    now = await stored(db(), created.id)
    assert.equal(now.campaign?.status, 'scheduled')
    assert.ok(Date.parse(now.campaign?.scheduledFor ?? '') <= Date.now())
    assert.ok(now.job, 'the send job is armed for now')
    assert.equal(woken(), 2)

    assert.deepEqual(
      now.audit.map(a => [a.action, a.subject, a.accountId]).reverse(),
      [
        'campaign-created',
        'campaign-updated',
        'campaign-scheduled',
        'campaign-unscheduled',
        'campaign-cancelled',
        'campaign-reopened',
        'campaign-sent',
      ].map(action => [action, `newsletter-campaign:${created.id}`, actor.accountId]),
    )
    assert.deepEqual(emitted, [], 'nothing public shows a campaign before it goes out')
  })

  it('a refused move stores nothing: not the status, not a job, not an audit row', async () => {
    const { deps, actor, emitted, woken, listId } = await setUp()
    let refusals = 0
    const all = (id: number, version: number) => ({
      save: () => saveCampaign(deps, actor, id, { version, draft: draftFor(listId, { subject: 'Changed' }) }),
      schedule: () => scheduleCampaign(deps, actor, id, { sendAt: wallTime(24 * HOUR), timeZone: 'UTC' }),
      send: () => sendCampaignNow(deps, actor, id),
      unschedule: () => unscheduleCampaign(deps, actor, id),
      cancel: () => cancelCampaign(deps, actor, id),
      reopen: () => reopenCampaign(deps, actor, id),
      retry: () => retryCampaign(deps, actor, id),
    })
    for (const status of ['draft', 'sending', 'sent', 'cancelled'] as const) {
      const campaign = await createCampaign(deps, actor, draftFor(listId))
      if (status !== 'draft') assert.ok(await moveCampaign(db(), campaign.id, ['draft'], status))
      const moves = all(campaign.id, campaign.version)
      // Retry is allowed from sending and sent, but refused here too: nothing failed and nothing is paused.
      for (const move of Object.keys(moves) as CampaignMove[]) {
        if (allowedMoves({ status, scheduledFor: null }).includes(move) && move !== 'retry') continue
        refusals += 1
        const before = await stored(db(), campaign.id)
        await assert.rejects(moves[move](), { code: 'conflict' }, `${move} from ${status}`)
        assert.deepEqual(await stored(db(), campaign.id), before, `${move} from ${status} stored nothing`)
      }
    }
    assert.equal(refusals, 23, 'every refused move from draft, sending, sent and cancelled was tried')
    assert.equal(woken(), 0)
    assert.deepEqual(emitted, [])
  })

  it('a save from a stale version, a time that has passed and a campaign with nothing in it are refused, and nothing is stored', async () => {
    const { deps, actor, woken, listId } = await setUp()
    const campaign = await createCampaign(deps, actor, draftFor(listId))
    await saveCampaign(deps, actor, campaign.id, {
      version: campaign.version,
      draft: draftFor(listId, { subject: 'Theirs' }),
    })
    let before = await stored(db(), campaign.id)
    await assert.rejects(
      saveCampaign(deps, actor, campaign.id, {
        version: campaign.version,
        draft: draftFor(listId, { subject: 'Mine' }),
      }),
      { code: 'conflict', message: /Someone else saved this campaign after you opened it/ },
    )
    assert.deepEqual(await stored(db(), campaign.id), before)

    for (const sendAt of ['2020-01-01T08:00', 'tomorrow', undefined]) {
      await assert.rejects(
        scheduleCampaign(deps, actor, campaign.id, { sendAt, timeZone: 'UTC' }),
        { code: 'invalid_input' },
        String(sendAt),
      )
    }
    assert.deepEqual(await stored(db(), campaign.id), before)

    const empty = await createCampaign(
      deps,
      actor,
      draftFor(listId, { subject: '', intro: { type: 'doc', content: [] } }),
    )
    before = await stored(db(), empty.id)
    await assert.rejects(
      scheduleCampaign(deps, actor, empty.id, { sendAt: wallTime(24 * HOUR), timeZone: 'UTC' }),
      (error: { code: string; details: string[] }) =>
        error.code === 'invalid_input' && error.details.some(d => /subject is empty/.test(d)),
    )
    await assert.rejects(sendCampaignNow(deps, actor, empty.id), {
      code: 'invalid_input',
      message: /cannot be sent yet/,
    })
    assert.deepEqual(await stored(db(), empty.id), before)
    assert.equal(woken(), 0)
  })

  it('a move and its audit row commit together: when the audit row cannot be written, the campaign does not move and no job is armed', async () => {
    const { deps, actor, listId } = await setUp()
    const campaign = await createCampaign(deps, actor, draftFor(listId))
    const before = await stored(db(), campaign.id)
    await assert.rejects(
      scheduleCampaign(deps, UNKNOWN_ACTOR, campaign.id, { sendAt: wallTime(24 * HOUR), timeZone: 'UTC' }),
      /foreign key/i,
    )
    await assert.rejects(sendCampaignNow(deps, UNKNOWN_ACTOR, campaign.id), /foreign key/i)
    await assert.rejects(cancelCampaign(deps, UNKNOWN_ACTOR, campaign.id), /foreign key/i)
    assert.deepEqual(await stored(db(), campaign.id), before)
  })

  it('a missing campaign is not found, for every move', async () => {
    const { deps, actor } = await setUp()
    for (const act of [
      () => sendCampaignNow(deps, actor, 424242),
      () => scheduleCampaign(deps, actor, 424242, { sendAt: wallTime(HOUR), timeZone: 'UTC' }),
      () => unscheduleCampaign(deps, actor, 424242),
      () => cancelCampaign(deps, actor, 424242),
      () => reopenCampaign(deps, actor, 424242),
      () => retryCampaign(deps, actor, 424242),
      () => saveCampaign(deps, actor, 424242, { version: 1, draft: draftFor(1) }),
    ])
      await assert.rejects(act(), { code: 'not_found' })
  })
})
