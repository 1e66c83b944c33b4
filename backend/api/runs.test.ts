import { describe, expect, it } from 'vitest'
import type { RunList } from '../../contracts/engine/runs'
import type { Flow } from '../../contracts/flow-service'
import type { Profile } from '../../contracts/profile'
import { HOUR_MS, hourOf } from '../lib/clock'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, startTestBackend } from '../testing/api'
import { activateDataflow, isRealizedIn, profilesWhere, updateProfile } from '../testing/engine'

const env = startTestBackend()
const idle = () => env.backend.engine.whenIdle()

const runsOf = async (flowId: string, extra = '') =>
  (
    await call<RunList>(
      'GET',
      `${FS}/runs?property=${encodeURIComponent(`flowId==${flowId}`)}${extra}`,
    )
  ).body

describe('dataflow runs', () => {
  it('counts each hour: received, activated, excluded, failed, with the rate and errors', async () => {
    const hour = hourOf(env.clock.now())
    const { flowId } = await activateDataflow({ audiences: [SEED_AUDIENCE_IDS.firstNameJohn] })
    await idle()
    const [john] = await profilesWhere(env.backend.db, (p: Profile) =>
      isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
    )
    const backfilled = (await runsOf(flowId)).items[0].metrics.recordSummary.inputRecordCount
    await updateProfile(john.id, [{ op: 'add', path: '/attributes/favoriteGenre', value: 'noir' }])
    await call('PUT', '/demo/receiver/scenario?endpoint=hooks.example/profiles', {
      body: { kind: 'always-500' },
    })
    await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Failing' },
    ])
    await idle()

    const current = (await runsOf(flowId)).items[0]
    expect(current).toMatchObject({
      flowId,
      createdAt: hour,
      metrics: {
        durationSummary: { startedAtUTC: hour },
        recordSummary: {
          inputRecordCount: backfilled + 2,
          outputRecordCount: backfilled,
          skippedRecordCount: 1,
          failedRecordCount: 0,
          skippedInfo: [{ code: 'ACTIVATION-0001-SKIP', count: 1, message: expect.any(String) }],
        },
        statusSummary: { status: 'inProgress' },
      },
    })
    expect(current.metrics.durationSummary.completedAtUTC).toBeUndefined()

    for (let i = 0; i < 3; i++) {
      env.clock.advance(20_000)
      await idle()
    }
    env.clock.advance(HOUR_MS)
    const { items } = await runsOf(flowId)
    expect(items.map((r) => r.createdAt)).toEqual([hour + HOUR_MS, hour])
    expect(items[0].metrics.statusSummary.status).toBe('inProgress')
    const done = items[1]
    expect(done.metrics.durationSummary.completedAtUTC).toBe(hour + HOUR_MS)
    expect(done.metrics.recordSummary).toMatchObject({
      inputRecordCount: backfilled + 2,
      failedRecordCount: 1,
      failedInfo: [
        {
          code: 'EXPORT-HTTP-500',
          message: 'The endpoint failed (HTTP 500); gave up after 3 attempts',
          count: 1,
        },
      ],
    })
    expect(done.metrics.statusSummary).toMatchObject({
      status: 'failed',
      errors: done.metrics.recordSummary.failedInfo,
    })
    expect(done.activationRate).toBeCloseTo((backfilled + 1) / (backfilled + 2))
    expect(done.id).toBe((await runsOf(flowId)).items[1].id)
  })

  it('serves the last run for Browse, with orderby and limit, and on the flow', async () => {
    const hour = hourOf(env.clock.now())
    const { flowId } = await activateDataflow()
    await idle()
    env.clock.advance(3 * HOUR_MS)
    const last = await runsOf(flowId, '&orderby=-createdAt&limit=1')
    expect(last.items).toHaveLength(1)
    expect(last.items[0]).toMatchObject({
      createdAt: hour + 3 * HOUR_MS,
      metrics: { statusSummary: { status: 'inProgress' } },
      activationRate: null,
    })
    expect(last._links?.next.href).toContain('continuationToken=')
    const oldest = await runsOf(flowId, '&orderby=createdAt&limit=1')
    expect(oldest.items[0].metrics.statusSummary.status).toBe('success')
    expect(oldest.items[0].activationRate).toBe(1)

    const flow = await call<{ items: Flow[] }>('GET', `${FS}/flows/${flowId}`)
    expect(flow.body.items[0].lastRunDetails).toEqual({
      id: last.items[0].id,
      state: 'inProgress',
      startedAtUTC: hour + 3 * HOUR_MS,
      activationRate: null,
    })
  })
})
