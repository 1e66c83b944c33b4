import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { ReceiverRequests } from '../../contracts/engine/receiver'
import type { TrafficJob } from '../../contracts/engine/traffic'
import type { Profile } from '../../contracts/profile'
import { ManualClock } from '../lib/clock'
import { createNodeBackend, TEST_EPOCH } from '../node'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { IdbPersistence } from '../store/idb-persistence'
import { call } from '../testing/api'
import {
  activateDataflow,
  exportRecord,
  isRealizedIn,
  listExports,
  profilesWhere,
  updateProfile,
} from '../testing/engine'

type Env = ReturnType<typeof createNodeBackend>

const ENDPOINT = 'hooks.example/profiles'
let running: Env | null = null

/** Starts a backend on the IndexedDB database `name` (fake-indexeddb in Node). */
async function start(name: string, clock: ManualClock): Promise<Env> {
  const env = createNodeBackend({
    persistence: await IdbPersistence.open(name),
    clock,
    seed: { profileCount: 200 },
  })
  env.server.listen({ onUnhandledRequest: 'error' })
  running = env
  return env
}

/** A crash: the tab goes away; what was committed stays, timers and memory are gone. */
function crash(env: Env): void {
  env.server.close()
  env.backend.close()
  running = null
}

afterEach(() => {
  if (running) crash(running)
})

const receivedBodies = async () =>
  (await call<ReceiverRequests>('GET', `/demo/receiver/requests?endpoint=${ENDPOINT}&limit=1000`))
    .body.items

const sorted = (list: string[]) => list.toSorted((a, b) => a.localeCompare(b))

async function johnFlowWithOneExport(env: Env) {
  const { flowId } = await activateDataflow({ audiences: [SEED_AUDIENCE_IDS.firstNameJohn] })
  await env.backend.engine.whenIdle()
  const [john] = await profilesWhere(env.backend.db, (p: Profile) =>
    isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
  )
  return { flowId, john }
}

describe('deliveries survive a closed tab, and end once', () => {
  it('resumes a retry that was waiting, and delivers it once', async () => {
    const clock = new ManualClock(TEST_EPOCH)
    const first = await start('restart-retry', clock)
    const { flowId, john } = await johnFlowWithOneExport(first)
    await call('PUT', `/demo/receiver/scenario?endpoint=${ENDPOINT}`, {
      body: { kind: 'fail-then-succeed', failures: 1 },
    })
    const result = await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Restarted' },
    ])
    const decision = result.evaluation.exports[0]
    if (decision.decision !== 'export') throw new Error('expected an export')
    await first.backend.engine.whenIdle()
    const before = await exportRecord(flowId, decision.exportId)
    expect(before).toMatchObject({ state: 'retrying', attempts: [{ action: 'retry' }] })
    await first.backend.db.flush()
    crash(first)

    await start('restart-retry', clock)
    const reloaded = await exportRecord(flowId, decision.exportId)
    expect(reloaded).toMatchObject({ state: 'retrying', nextAttemptAt: before.nextAttemptAt })
    clock.advance(1200)
    const second = running!
    await second.backend.engine.whenIdle()

    const after = await exportRecord(flowId, decision.exportId)
    expect(after.state).toBe('delivered')
    expect(after.attempts.map((a) => a.response?.status)).toEqual([500, 200])
    const body = after.attempts[0].request?.body
    const seen = (await receivedBodies()).filter((entry) => entry.body === body)
    expect(seen.map((entry) => entry.status)).toEqual([200, 500])
    const list = await listExports(flowId, '?limit=500')
    expect(list.counters).toMatchObject({ retrying: 0, pending: 0, failed: 0 })
    expect(list.counters.delivered).toBe(list.items.length)
  })

  it('sends again a request cut short by the crash; the receiver records it once', async () => {
    const clock = new ManualClock(TEST_EPOCH)
    const first = await start('restart-in-flight', clock)
    const { flowId, john } = await johnFlowWithOneExport(first)
    const delivered = (await listExports(flowId)).counters.delivered
    await call('PUT', `/demo/receiver/scenario?endpoint=${ENDPOINT}`, {
      body: { kind: 'slow', delayMs: 1500 },
    })
    const result = await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'In flight' },
    ])
    const decision = result.evaluation.exports[0]
    if (decision.decision !== 'export') throw new Error('expected an export')
    await first.backend.engine.whenIdle()
    expect((await exportRecord(flowId, decision.exportId)).state).toBe('pending')
    await first.backend.db.flush()
    crash(first)

    const second = await start('restart-in-flight', clock)
    await call('PUT', `/demo/receiver/scenario?endpoint=${ENDPOINT}`, { body: { kind: 'ok' } })
    await second.backend.engine.whenIdle()
    const after = await exportRecord(flowId, decision.exportId)
    expect(after).toMatchObject({ state: 'delivered', attempts: [{ response: { status: 200 } }] })
    const seen = (await receivedBodies()).filter(
      (entry) => entry.body === after.attempts[0].request?.body,
    )
    expect(seen).toHaveLength(1)
    expect((await listExports(flowId)).counters.delivered).toBe(delivered + 1)
  })

  it('never shows a delivery without its record, nor the reverse', async () => {
    const clock = new ManualClock(TEST_EPOCH)
    const first = await start('restart-consistent', clock)
    const { flowId } = await johnFlowWithOneExport(first)
    await first.backend.db.flush()
    const delivered = (await listExports(flowId)).counters.delivered
    crash(first)

    await start('restart-consistent', clock)
    const list = await listExports(flowId, '?limit=500')
    expect(list.counters.delivered).toBe(delivered)
    expect(list.items.every((item) => item.state === 'delivered')).toBe(true)
    expect(await receivedBodies()).toHaveLength(delivered)
  })

  it('keeps what the receiver got after the dataflow that sent it is deleted', async () => {
    const clock = new ManualClock(TEST_EPOCH)
    const first = await start('restart-deleted-flow', clock)
    const { flowId } = await johnFlowWithOneExport(first)
    const sent = (await listExports(flowId, '?limit=500')).items
    const payloads = await Promise.all(
      sent.map(async (item) => (await exportRecord(flowId, item.id)).attempts[0].request?.body),
    ).then((bodies) => sorted(bodies.map((body) => body ?? '')))
    expect(payloads.length).toBeGreaterThan(0)
    await first.backend.db.flush()
    crash(first)

    const second = await start('restart-deleted-flow', clock)
    await second.backend.db.sandbox('prod')
    expect(sorted((await receivedBodies()).map((entry) => entry.body))).toEqual(payloads)
    expect((await call('DELETE', `/data/foundation/flowservice/flows/${flowId}`)).status).toBe(204)
    await second.backend.db.flush()
    crash(second)

    await start('restart-deleted-flow', clock)
    const kept = await receivedBodies()
    expect(sorted(kept.map((entry) => entry.body))).toEqual(payloads)
    expect(kept.every((entry) => entry.body.includes('identityMap'))).toBe(true)
  })

  it('reads back a traffic job the tab closed on as interrupted, with what it sent', async () => {
    const clock = new ManualClock(TEST_EPOCH)
    const first = await start('restart-traffic', clock)
    const started = await call<TrafficJob>('POST', '/data/core/ups/profiles/traffic', {
      body: { updatesPerSecond: 20, durationSeconds: 10, seed: 5 },
    })
    expect(started.status).toBe(201)
    clock.advance(2000)
    await first.backend.engine.whenIdle()
    await first.backend.db.flush()
    crash(first)

    await start('restart-traffic', clock)
    const { items } = (
      await call<{ items: TrafficJob[] }>('GET', '/data/core/ups/profiles/traffic')
    ).body
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      id: started.body.id,
      state: 'interrupted',
      sent: 40,
      planned: 200,
      finishedAt: started.body.startedAt + 2000,
    })
    clock.advance(2000)
    const again = await call<TrafficJob>(
      'GET',
      `/data/core/ups/profiles/traffic/${started.body.id}`,
    )
    expect(again.body).toMatchObject({ state: 'interrupted', sent: 40 })
  })

  it('resumes a backfill the tab closed on, and exports each profile once', async () => {
    const clock = new ManualClock(TEST_EPOCH)
    const first = await start('restart-backfill', clock)
    first.backend.engine.stop()
    const { flowId } = await activateDataflow({ audiences: [SEED_AUDIENCE_IDS.firstNameJohn] })
    await first.backend.db.flush()
    const members = (
      await profilesWhere(first.backend.db, (p: Profile) =>
        isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
      )
    ).length
    expect((await listExports(flowId)).counters.delivered).toBe(0)
    crash(first)

    const second = await start('restart-backfill', clock)
    const reopened = await second.backend.db.sandbox('prod')
    await second.backend.engine.whenIdle()
    expect(reopened.collection('backfills').size).toBe(0)
    const resumed = await listExports(flowId, '?limit=500')
    expect(resumed.counters.delivered).toBe(members)
    expect(new Set(resumed.items.map((item) => item.profileId)).size).toBe(members)
    await second.backend.db.flush()
    crash(second)

    const third = await start('restart-backfill', clock)
    await third.backend.db.sandbox('prod')
    await third.backend.engine.whenIdle()
    expect((await listExports(flowId)).counters.delivered).toBe(members)
  })
})
