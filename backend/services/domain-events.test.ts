import { describe, expect, it } from 'vitest'
import type { Profile } from '../../contracts/profile'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { startTestBackend } from '../testing/api'
import { activateDataflow, isRealizedIn, listExports, profilesWhere } from '../testing/engine'
import type { EngineContext } from './engine-context'
import type { ServiceContext } from './entity'
import { ProfilePatchChecker } from './profile-writes'
import { getFlowDoc, patchFlow, setFlowState } from './flows'
import { patchTargetConnection } from './target-connections'
import { updateProfile } from './profiles'

/**
 * The engine hears of changes through the services' domain events alone: a service call made
 * without any HTTP handler (as the bench helpers and generated traffic make them) starts what
 * the same call over the API starts.
 */
const env = startTestBackend()

async function serviceContext(): Promise<ServiceContext> {
  const sandbox = await env.backend.db.sandbox('prod')
  return { sandbox, clock: env.clock, events: env.backend.events }
}

const ifMatch = (etag: string) =>
  new Request('http://console.test', { headers: { 'if-match': etag } })

describe('changes made through the services reach the engine', () => {
  it('backfills an audience added by a service call', async () => {
    const { flowId, etag } = await activateDataflow({ audiences: [] })
    const ctx = await serviceContext()
    patchFlow(ctx, ifMatch(etag), flowId, [
      {
        op: 'add',
        path: '/transformations/0/params/segmentSelectors/selectors/-',
        value: { type: 'PLATFORM_SEGMENT', value: { id: SEED_AUDIENCE_IDS.firstNameJohn } },
      },
    ])
    await env.backend.engine.whenIdle()
    const members = await profilesWhere(env.backend.db, (p: Profile) =>
      isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
    )
    expect(members.length).toBeGreaterThan(0)
    expect((await listExports(flowId)).counters.delivered).toBe(members.length)
  })

  it('stops exporting once a service call disables the flow, and sends to a new endpoint at once', async () => {
    const { flowId, targetId } = await activateDataflow({
      audiences: [SEED_AUDIENCE_IDS.firstNameJohn],
    })
    await env.backend.engine.whenIdle()
    const ctx = await serviceContext()
    const [john] = await profilesWhere(env.backend.db, (p: Profile) =>
      isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
    )
    const engineCtx: EngineContext = {
      ...ctx,
      clock: env.clock,
      engine: env.backend.engine.forSandbox(ctx.sandbox),
      patches: new ProfilePatchChecker(),
    }
    const write = (value: string) =>
      updateProfile(engineCtx, john.id, [
        { op: 'replace', path: '/attributes/person/name/lastName', value },
      ]).evaluation.exports

    const heard: string[] = []
    const stop = env.backend.events.subscribe({
      'connection.changed': ({ kind, id }) => void heard.push(`${kind} ${id}`),
      'flow.changed': ({ after }) => void heard.push(`flow ${after.state}`),
    })
    const target = ctx.sandbox.collection('targetConnections').get(targetId)
    if (!target) throw new Error('no target connection')
    patchTargetConnection(ctx, ifMatch(target.etag), targetId, [
      { op: 'replace', path: '/params/httpEndpoint', value: 'https://hooks.example/moved' },
    ])
    const [moved] = write('Moved')
    expect(moved).toMatchObject({ flowId, decision: 'export' })
    await env.backend.engine.whenIdle()
    const config = env.backend.engine.forSandbox(ctx.sandbox).flowConfig(flowId)
    expect(config?.target).toMatchObject({ url: 'https://hooks.example/moved' })

    setFlowState(ctx, flowId, 'disable')
    expect(getFlowDoc(ctx, flowId).state).toBe('disabled')
    expect(write('Disabled')).toEqual([])
    stop()
    expect(heard).toEqual([`target ${targetId}`, 'flow disabled'])
  })
})
