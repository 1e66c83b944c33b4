import {
  trafficRequestSchema,
  type TrafficJob,
  type TrafficKind,
} from '../../contracts/engine/traffic'
import type { SandboxEngine } from '../engine/runtime/sandbox-engine'
import { KIND_WEIGHTS, planUpdate } from '../engine/rules/traffic-plan'
import { Problem, problems } from '../http/problem'
import { parseWith } from '../http/route'
import type { Cancel } from '../lib/clock'
import { newId } from '../lib/ids'
import { createRandom, type Random } from '../seed/data/random'
import type { EngineContext } from './engine-context'
import { updateProfile } from './profiles'

/** Updates are sent in batches this often, so that the rate holds without a timer per update. */
export const TRAFFIC_TICK_MS = 100
/** Finished jobs kept for reading, per sandbox. */
const KEEP_FINISHED = 20

interface RunningJob {
  job: TrafficJob
  random: Random
  profileIds: string[]
  /** Profiles in a mapped audience of an enabled flow: most updates go to them. */
  inScope: string[]
  mappedPaths: string[]
  cancel: Cancel | null
}

const emptyByKind = (): Record<TrafficKind, number> => ({
  'mapped-attribute': 0,
  'unmapped-attribute': 0,
  'audience-change': 0,
  'identity-added': 0,
})

/** When the last update a job sent was due: where a job the page left stopped. */
const lastDue = (job: TrafficJob) =>
  Math.min(job.endsAt, job.startedAt + Math.ceil((job.sent * 1000) / job.updatesPerSecond))

/**
 * Generate traffic (the Profiles screen): N profile updates a second for T seconds, random but
 * seeded, each through `updateProfile` like a PATCH from the UI (in process, no fetch). Jobs run
 * in the page; their documents are stored with their progress at every tick, so a job the page
 * was reloaded or closed on reads back `interrupted`, with what it sent.
 */
class TrafficJobs {
  /** What the jobs running in this page need besides their documents. */
  private readonly jobs = new Map<string, RunningJob>()

  constructor(private readonly ctx: EngineContext) {
    ctx.engine.onDispose(() => this.cancelAll())
    const docs = ctx.sandbox.collection('trafficJobs')
    for (const job of docs.all()) {
      if (job.state === 'running') {
        docs.put({ ...job, state: 'interrupted', finishedAt: lastDue(job) })
      }
    }
  }

  start(body: unknown): TrafficJob {
    const request = parseWith(trafficRequestSchema, body)
    const { sandbox, clock } = this.ctx
    const now = clock.now()
    const mappedPaths = new Set<string>()
    const mappedAudiences = new Set<string>()
    for (const flow of sandbox.collection('flows').values()) {
      if (flow.state !== 'enabled') continue
      const params = flow.transformations[0]?.params
      for (const s of params?.profileSelectors.selectors ?? []) mappedPaths.add(s.value.path)
      for (const s of params?.segmentSelectors.selectors ?? []) mappedAudiences.add(s.value.id)
    }
    const profiles = sandbox.collection('profiles').all()
    const running: RunningJob = {
      job: {
        id: newId(),
        state: 'running',
        updatesPerSecond: request.updatesPerSecond,
        durationSeconds: request.durationSeconds,
        seed: request.seed,
        startedAt: now,
        endsAt: now + request.durationSeconds * 1000,
        finishedAt: null,
        sent: 0,
        planned: request.updatesPerSecond * request.durationSeconds,
        byKind: emptyByKind(),
        exported: 0,
        excluded: 0,
        refused: 0,
      },
      random: createRandom(request.seed),
      profileIds: profiles.map((p) => p.id),
      inScope: profiles
        .filter((p) =>
          Object.entries(p.segmentMembership.ups).some(
            ([id, m]) => m.status === 'realized' && mappedAudiences.has(id),
          ),
        )
        .map((p) => p.id),
      mappedPaths: [...mappedPaths],
      cancel: null,
    }
    if (running.profileIds.length === 0) {
      throw problems.invalidBody([{ path: '', message: 'The sandbox has no profiles to update.' }])
    }
    this.jobs.set(running.job.id, running)
    this.save(running.job)
    this.prune()
    this.schedule(running)
    return { ...running.job }
  }

  get(id: string): TrafficJob {
    const found = this.ctx.sandbox.collection('trafficJobs').get(id)
    if (!found) throw problems.notFound('traffic job', id)
    return { ...found }
  }

  /** Newest first. */
  list(): TrafficJob[] {
    return this.ctx.sandbox
      .collection('trafficJobs')
      .all()
      .toSorted((a, b) => b.startedAt - a.startedAt)
      .map((job) => ({ ...job }))
  }

  stop(id: string): TrafficJob {
    const found = this.jobs.get(id)
    if (found?.job.state === 'running') this.finish(found, 'stopped')
    return this.get(id)
  }

  /**
   * The engine is going (its sandbox reset, the backend closed): timers stop, nothing is stored,
   * so a job cut short this way reads back `interrupted` if its sandbox is loaded again.
   */
  private cancelAll(): void {
    for (const running of this.jobs.values()) running.cancel?.()
    this.jobs.clear()
  }

  private schedule(running: RunningJob): void {
    running.cancel = this.ctx.clock.schedule(() => this.tick(running), TRAFFIC_TICK_MS)
  }

  /** Sends the updates due by now, so the rate holds whatever the timer's precision. */
  private tick(running: RunningJob): void {
    running.cancel = null
    const { job } = running
    const now = this.ctx.clock.now()
    const elapsed = Math.min(now, job.endsAt) - job.startedAt
    const due = Math.min(job.planned, Math.floor((elapsed * job.updatesPerSecond) / 1000))
    while (job.sent < due) this.sendOne(running)
    if (job.sent >= job.planned || now >= job.endsAt) this.finish(running, 'completed')
    else {
      this.save(job)
      this.schedule(running)
    }
  }

  /** Stores a copy of the job as it is now: its document never changes in place. */
  private save(job: TrafficJob): void {
    this.ctx.sandbox.collection('trafficJobs').put({ ...job, byKind: { ...job.byKind } })
  }

  private sendOne(running: RunningJob): void {
    const { job, random } = running
    job.sent++
    const kind = random.weighted(KIND_WEIGHTS)
    const pool =
      running.inScope.length > 0 && random.chance(0.7) ? running.inScope : running.profileIds
    const profile = this.ctx.sandbox.collection('profiles').get(random.pick(pool))
    if (!profile) return
    job.byKind[kind]++
    try {
      const result = updateProfile(
        this.ctx,
        profile.id,
        planUpdate(profile, kind, running.mappedPaths, random),
      )
      for (const decision of result.evaluation.exports) {
        if (decision.decision === 'export') job.exported++
        else job.excluded++
      }
    } catch (error) {
      if (!(error instanceof Problem)) throw error
      job.refused++
    }
  }

  private finish(running: RunningJob, state: 'completed' | 'stopped'): void {
    running.cancel?.()
    running.cancel = null
    running.job.state = state
    running.job.finishedAt = this.ctx.clock.now()
    this.jobs.delete(running.job.id)
    this.save(running.job)
  }

  /** Keeps the last `KEEP_FINISHED` finished jobs. */
  private prune(): void {
    const docs = this.ctx.sandbox.collection('trafficJobs')
    const finished = docs
      .all()
      .filter((job) => job.state !== 'running')
      .toSorted((a, b) => b.startedAt - a.startedAt)
    for (const old of finished.slice(KEEP_FINISHED)) docs.delete(old.id)
  }
}

/**
 * The traffic jobs of each sandbox, for the backend's life: created by `createBackend` and handed
 * to the services in their context. A sandbox's jobs end with its engine (a reset, a reload).
 */
export class TrafficRegistry {
  private readonly jobs = new WeakMap<SandboxEngine, TrafficJobs>()

  /** The traffic jobs of the context's sandbox. */
  of(ctx: EngineContext): TrafficJobs {
    let jobs = this.jobs.get(ctx.engine)
    if (!jobs) {
      jobs = new TrafficJobs(ctx)
      this.jobs.set(ctx.engine, jobs)
    }
    return jobs
  }
}
