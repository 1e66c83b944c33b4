import { http } from 'msw'
import { z } from 'zod'
import {
  bareBuildAndSerialize,
  burstUpdates,
  seedQualifiedProfiles,
  updateBurst,
} from '../bench/bench'
import { updateProfile } from '../services/profiles'
import type { Engine } from '../engine/runtime/engine'
import type { Collections } from '../store/collections'
import type { Database } from '../store/database'
import { problems } from '../http/problem'
import { json, parseWith, readJson } from '../http/route'
import type { EngineRoute } from './engine-route'

const seedSchema = z.strictObject({ count: z.number().int().min(1).max(500_000) })
const bareSchema = z.strictObject({
  flowId: z.string().min(1),
  count: z.number().int().min(1).max(1_000_000),
})
const burstSchema = z.strictObject({
  flowId: z.string().min(1),
  count: z.number().int().min(1).max(1_000_000),
})

/**
 * Benchmark helpers (docs/engine.md, "Benchmark"): they run inside the page, on the thread the
 * engine runs on. Not part of AEP's API.
 */
export function demoBenchHandlers(route: EngineRoute, engine: Engine, db: Database<Collections>) {
  return [
    http.post(
      '*/demo/bench/profiles',
      route(async (ctx, { request }) => {
        const { count } = parseWith(seedSchema, await readJson(request))
        const started = performance.now()
        const added = await seedQualifiedProfiles(ctx.engine, count, ctx.clock.now(), () =>
          db.flush(),
        )
        return json({ added, ms: performance.now() - started }, 201)
      }),
    ),
    http.post(
      '*/demo/bench/bare-loop',
      route(async (ctx, { request }) => {
        const { flowId, count } = parseWith(bareSchema, await readJson(request))
        const config = ctx.engine.flowConfig(flowId)
        if (!config) throw problems.notFound('dataflow the engine runs', flowId)
        const result = bareBuildAndSerialize(
          ctx.sandbox.collection('profiles').all(),
          config.prepared,
          count,
        )
        return json({ ...result, perSecond: result.count / (result.ms / 1000) })
      }),
    ),
    http.post(
      '*/demo/bench/updates',
      route(async (ctx, { request }) => {
        const { flowId, count } = parseWith(burstSchema, await readJson(request))
        const config = ctx.engine.flowConfig(flowId)
        if (!config) throw problems.notFound('dataflow the engine runs', flowId)
        const plan = burstUpdates(ctx.sandbox.collection('profiles').all(), config.prepared)
        const started = performance.now()
        const updates = await updateBurst(
          plan,
          count,
          (id, operations) => void updateProfile(ctx, id, operations),
        )
        await engine.whenIdle()
        const ms = performance.now() - started
        return json({ updates, ms, updatesPerSecond: updates / (ms / 1000) })
      }),
    ),
    http.get(
      '*/demo/bench/idle',
      route(async () => {
        const started = performance.now()
        await engine.whenIdle()
        await db.flush()
        return json({ waitedMs: performance.now() - started })
      }),
    ),
  ]
}
