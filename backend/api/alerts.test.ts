import { describe, expect, it } from 'vitest'
import { ACTIVATION_SKIPPED_RATE_EXCEEDED } from '../../contracts/destination-alerts'
import { alertListSchema, type AlertList } from '../../contracts/engine/alerts'
import type { RunList } from '../../contracts/engine/runs'
import type { ProblemBody } from '../../contracts/problem'
import type { Profile } from '../../contracts/profile'
import { HOUR_MS } from '../lib/clock'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, startTestBackend } from '../testing/api'
import { activateDataflow, isRealizedIn, profilesWhere, updateProfile } from '../testing/engine'

const env = startTestBackend()
const idle = () => env.backend.engine.whenIdle()

const alerts = async (sandbox = 'prod') => {
  const res = await call<AlertList>('GET', '/demo/alerts', { sandbox })
  expect(res.status).toBe(200)
  expect(alertListSchema.safeParse(res.body).error?.issues ?? []).toEqual([])
  return res.body
}

const markRead = (body: unknown, sandbox = 'prod') =>
  call<AlertList & ProblemBody>('POST', '/demo/alerts/read', { body, sandbox })

const latestRun = async (flowId: string) =>
  (
    await call<RunList>(
      'GET',
      `${FS}/runs?property=${encodeURIComponent(`flowId==${flowId}`)}&limit=1`,
    )
  ).body.items[0]

/** A dataflow of the John audience, subscribed to the alerts `alertIds`. */
async function johnDataflow(alertIds: string[]) {
  const { flowId, etag } = await activateDataflow({ audiences: [SEED_AUDIENCE_IDS.firstNameJohn] })
  const res = await call('PATCH', `${FS}/flows/${flowId}`, {
    headers: { 'if-match': etag },
    body: [{ op: 'replace', path: '/alerts', value: alertIds }],
  })
  expect(res.status).toBe(200)
  return flowId
}

/**
 * Writes an attribute no dataflow maps on a John: every John dataflow excludes the update
 * ("no relevant change"), one skipped identity in the current run.
 */
async function skipOne() {
  const [john] = await profilesWhere(env.backend.db, (p: Profile) =>
    isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
  )
  await updateProfile(john.id, [{ op: 'add', path: '/attributes/favoriteGenre', value: 'noir' }])
  await idle()
}

describe('alerts', () => {
  it('raises Activation Skipped Rate Exceeded for a subscribed dataflow whose run skips over 1%', async () => {
    const subscribed = await johnDataflow([ACTIVATION_SKIPPED_RATE_EXCEEDED])
    const unsubscribed = await johnDataflow(['destination-flow-run-failure'])
    await idle()
    expect((await latestRun(subscribed)).metrics.recordSummary.skippedRecordCount).toBe(0)
    expect(await alerts()).toEqual({ items: [], unread: 0 })

    await skipOne()
    const run = await latestRun(subscribed)
    const { inputRecordCount, skippedRecordCount } = run.metrics.recordSummary
    expect(skippedRecordCount).toBe(1)
    expect(skippedRecordCount / inputRecordCount).toBeGreaterThan(0.01)
    expect((await latestRun(unsubscribed)).metrics.recordSummary.skippedRecordCount).toBe(1)

    const list = await alerts()
    expect(list).toEqual({
      items: [
        {
          id: expect.any(String),
          type: ACTIVATION_SKIPPED_RATE_EXCEEDED,
          name: 'Activation Skipped Rate Exceeded',
          flowId: subscribed,
          flowName: 'Dataflow',
          runId: run.id,
          runStatus: 'inProgress',
          runStartedAt: run.createdAt,
          updatedAt: run.updatedAt,
          receivedCount: inputRecordCount,
          skippedCount: 1,
          skippedRate: 1 / inputRecordCount,
          read: false,
        },
      ],
      unread: 1,
    })

    env.clock.advance(HOUR_MS)
    const later = await alerts()
    expect(later.items.map((a) => [a.id, a.runId, a.runStatus])).toEqual([
      [list.items[0].id, run.id, 'success'],
    ])
    expect(await alerts('dev')).toEqual({ items: [], unread: 0 })
  })

  it('stops alerting once the dataflow unsubscribes', async () => {
    const flowId = await johnDataflow([ACTIVATION_SKIPPED_RATE_EXCEEDED])
    await skipOne()
    expect((await alerts()).items).toHaveLength(1)
    const flow = await call<{ items: { etag: string }[] }>('GET', `${FS}/flows/${flowId}`)
    const res = await call('PATCH', `${FS}/flows/${flowId}`, {
      headers: { 'if-match': flow.body.items[0].etag },
      body: [{ op: 'replace', path: '/alerts', value: [] }],
    })
    expect(res.status).toBe(200)
    expect(await alerts()).toEqual({ items: [], unread: 0 })
  })

  it('marks alerts read per sandbox, refusing ids that are no alert of it', async () => {
    await johnDataflow([ACTIVATION_SKIPPED_RATE_EXCEEDED])
    await skipOne()
    const [alert] = (await alerts()).items

    const unknown = await markRead({ ids: [alert.id, 'nope'] })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errorDetails).toEqual([
      { path: 'ids.1', message: 'No alert of this sandbox has this id.' },
    ])
    expect(await markRead({ ids: [alert.id] }, 'dev')).toMatchObject({ status: 400 })
    const refused = [{}, { ids: [] }, { ids: [alert.id], all: true }, { all: false }]
    const statuses = []
    for (const body of refused) statuses.push((await markRead(body)).status)
    expect(statuses).toEqual(refused.map(() => 400))
    expect((await alerts()).unread).toBe(1)

    const marked = await markRead({ ids: [alert.id] })
    expect(marked.status).toBe(200)
    expect(marked.body).toEqual({ items: [{ ...alert, read: true }], unread: 0 })
    expect(await alerts()).toEqual(marked.body)
  })

  it('marks every alert read with all: true', async () => {
    await johnDataflow([ACTIVATION_SKIPPED_RATE_EXCEEDED])
    await johnDataflow([ACTIVATION_SKIPPED_RATE_EXCEEDED])
    await skipOne()
    expect((await alerts()).unread).toBe(2)
    const marked = await markRead({ all: true })
    expect(marked.status).toBe(200)
    expect(marked.body.unread).toBe(0)
    expect(marked.body.items.map((a) => a.read)).toEqual([true, true])
  })
})
