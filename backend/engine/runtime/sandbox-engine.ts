import type { FlowDecision } from '../../../contracts/engine/profiles'
import { receiverEndpoint } from '../../../contracts/engine/receiver'
import type { Profile } from '../../../contracts/profile'
import type { Scheduler } from '../../lib/clock'
import type { Outbound } from '../../receiver/outbound'
import { ReceiverLog } from '../../receiver/receiver-log'
import type { FlowDoc, SandboxStore } from '../../store/collections'
import type { BackfillDoc, ExportDoc } from '../../store/docs'
import { decideExport, type ExportDecision } from '../rules/export/decide'
import type { ProfileUpdate } from '../rules/export/types'
import { AudienceCatalog } from './audience-catalog'
import { BackfillTask } from './backfill-task'
import { Deliverer } from './delivery'
import type { ExportHeaders, FlowConfig } from './flow-config'
import type { ExportPredicate } from './flow-exports'
import { FlowRegistry } from './flow-registry'
import type { FlowRuntime } from './flow-runtime'
import { LiveStreams, type SendEvent } from './live-stream'
import { resumeSandbox } from './resume'
import { SharedLists } from './shared-lists'
import { StreamStore } from './streams'
import type { WorkLoop } from './work-loop'

export interface SandboxEngineDeps {
  clock: Scheduler
  outbound: Outbound
  loop: WorkLoop
  random: () => number
}

const selectedAudiences = (flow: FlowDoc | null): string[] =>
  flow?.transformations[0]?.params.segmentSelectors.selectors.map((s) => s.value.id) ?? []

/**
 * The execution engine of one sandbox (docs/engine.md): what the services publish (profile
 * updates, flows, audiences and connections that changed) becomes export decisions on every
 * enabled dataflow; exported messages are recorded and delivered, and watched live. It also holds
 * the sandbox's demo receiver log and in-app streams. Built when the sandbox is loaded, it resumes
 * the deliveries and backfills a reload or a closed tab left pending.
 */
export class SandboxEngine {
  readonly audiences: AudienceCatalog
  readonly receiver: ReceiverLog
  readonly streams: StreamStore
  private readonly flows: FlowRegistry
  private readonly deliverer: Deliverer
  private readonly live: LiveStreams
  private readonly lists = new SharedLists()
  private readonly disposers: (() => void)[] = []
  private disposed = false
  /** The flows collection, read at every profile update. */
  private readonly flowDocs

  constructor(
    readonly sandbox: SandboxStore,
    private readonly deps: SandboxEngineDeps,
  ) {
    this.flowDocs = sandbox.collection('flows')
    this.audiences = new AudienceCatalog(sandbox)
    this.receiver = new ReceiverLog(sandbox, deps.clock)
    this.streams = new StreamStore(sandbox, deps.clock)
    this.flows = new FlowRegistry(sandbox, this.audiences, (flowId, docs) =>
      this.keepReceiverBodies(flowId, docs),
    )
    this.deliverer = new Deliverer({ ...deps, sandbox, streams: this.streams })
    this.live = new LiveStreams(deps.clock)
    resumeSandbox({
      sandbox,
      flows: this.flows,
      deliverer: this.deliverer,
      receiver: this.receiver,
      now: deps.clock.now(),
      startBackfill: (runtime, backfill, done) => this.startBackfill(runtime, backfill, done),
    })
  }

  /** The runtime of a dataflow that exists, created on first use: its records and config. */
  flow(flowId: string): FlowRuntime | null {
    return this.flows.get(flowId)
  }

  /** The flow's compiled configuration, or null when the engine does not run it. */
  flowConfig(flowId: string): FlowConfig | null {
    return this.flow(flowId)?.config() ?? null
  }

  /**
   * The headers the flow's next HTTP attempt would send now, secrets included (see
   * `Deliverer.headersNow`); null for a flow that does not deliver over HTTP or an OAuth account
   * without a valid token yet.
   */
  headersNow(flowId: string): ExportHeaders | null {
    const target = this.flowConfig(flowId)?.target
    return target?.kind === 'http' ? this.deliverer.headersNow(target) : null
  }

  /**
   * Streaming segmentation's follow-up (DESIGN.md section 6): the update is decided on every
   * enabled dataflow with mapped audiences; exports are recorded and queued for delivery at once.
   */
  profileUpdated(update: ProfileUpdate, profile: Profile): FlowDecision[] {
    const decisions: FlowDecision[] = []
    for (const doc of this.flowDocs.values()) {
      if (doc.state !== 'enabled') continue
      const config = this.flow(doc.id)?.config()
      if (!config?.enabled || config.prepared.mappedAudiences.length === 0) continue
      const decision = decideExport(update, config.prepared)
      const outcome = this.apply(config, decision, profile, profile.updatedAt)
      if (outcome) decisions.push(outcome)
    }
    return decisions
  }

  /** A flow was created or changed: its configuration is compiled again, added audiences backfilled. */
  flowChanged(before: FlowDoc | null, after: FlowDoc): void {
    const runtime = this.flow(after.id)
    runtime?.invalidate()
    const config = runtime?.config()
    if (!runtime || !config?.enabled) return
    const previous = new Set(selectedAudiences(before))
    const added = selectedAudiences(after).filter((id) => !previous.has(id))
    if (added.length === 0) return
    const backfill: BackfillDoc = {
      id: `${after.id}:${this.deps.clock.now()}:${selectedAudiences(after).length}`,
      flowId: after.id,
      audienceIds: added,
      createdAt: this.deps.clock.now(),
    }
    this.sandbox.collection('backfills').put(backfill)
    this.startBackfill(runtime, backfill, new Set())
  }

  /** A flow was deleted: its deliveries and watchers stop, its records go. */
  flowDeleted(flowId: string): void {
    const runtime = this.flows.remove(flowId)
    if (!runtime) return
    this.deliverer.forget(runtime)
    this.live.close(runtime)
    runtime.exports.drop()
  }

  /** An audience was created or changed: read again, and every configuration compiled again. */
  audiencesChanged(): void {
    this.audiences.refresh()
    this.flows.invalidateAll()
  }

  /** An account or target connection changed: the configurations that use it compile again. */
  connectionChanged(): void {
    this.flows.invalidateAll()
  }

  /** Watches a flow's exports; returns the function that stops watching. */
  watch(flowId: string, predicate: ExportPredicate, send: SendEvent): (() => void) | null {
    const runtime = this.flow(flowId)
    return runtime ? this.live.watch(runtime, predicate, send) : null
  }

  /** Runs `callback` when the engine is disposed (the sandbox reset, the backend closed). */
  onDispose(callback: () => void): void {
    this.disposers.push(callback)
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    for (const runtime of this.flows.values()) runtime.disposed = true
    this.deliverer.dispose()
    this.live.dispose()
    for (const callback of this.disposers) callback()
  }

  private startBackfill(runtime: FlowRuntime, backfill: BackfillDoc, done: ReadonlySet<string>) {
    this.deps.loop.add(
      new BackfillTask(
        this.sandbox.collection('profiles').all(),
        backfill.audienceIds,
        () => runtime.config(),
        (c, d, p) => this.apply(c, d, p, this.deps.clock.now()),
        () => this.sandbox.collection('backfills').delete(backfill.id),
        done,
      ),
    )
  }

  private apply(
    config: FlowConfig,
    decision: ExportDecision,
    profile: Profile,
    now: number,
  ): FlowDecision | null {
    const runtime = this.flows.made(config.flowId)
    if (!runtime || decision.kind === 'out-of-scope' || this.disposed) return null
    if (decision.kind === 'excluded') {
      runtime.exports.exclude(decision.reason, now)
      return { flowId: config.flowId, decision: 'excluded', reason: decision.reason }
    }
    const doc = runtime.exports.create(
      {
        profileId: profile.id,
        reasons: this.lists.reasons(decision.reasons),
        audienceIds: this.lists.audiencesOf(decision.reasons, config.prepared, profile),
        payload: JSON.stringify(decision.payload),
      },
      now,
    )
    this.deliverer.enqueue(runtime, doc)
    return {
      flowId: config.flowId,
      decision: 'export',
      exportId: runtime.exports.idOf(doc),
      reasons: decision.reasons,
    }
  }

  /** The receiver keeps the bodies of requests whose export records are dropped. */
  private keepReceiverBodies(flowId: string, docs: readonly ExportDoc[]): void {
    let url = ''
    let endpoint = ''
    for (const doc of docs) {
      for (const { request, receipt } of doc.attempts) {
        if (!request || receipt === null) continue
        if (request.url !== url) {
          url = request.url
          endpoint = receiverEndpoint(url)
        }
        this.receiver.keepBody(endpoint, receipt, { flowId, seq: doc.seq })
      }
    }
  }
}
