import type {
  ExportAttempt,
  ExportRecord,
  ReceiverEntry,
  SentRequest,
} from '../../../contracts/engine/exports'
import type { FlowDecision } from '../../../contracts/engine/profiles'
import type { Connection, TargetConnection } from '../../../contracts/flow-service'
import { receiverEndpoint } from '../../../contracts/engine/receiver'
import type { Profile } from '../../../contracts/profile'
import type { Scheduler } from '../../lib/clock'
import type { FlowDoc, SandboxStore } from '../../store/collections'
import type { Outbound } from '../../receiver/outbound'
import { ReceiverLog } from '../../receiver/receiver-log'
import type { Collection } from '../../store/database'
import { SegmentedLog, type SegmentDoc } from '../../store/segmented-log'
import { AudienceCatalog } from './audience-catalog'
import type { BackfillDoc } from '../../store/docs'
import { BackfillTask, madeBy } from './backfill-task'
import { toCurl } from '../../services/curl'
import { Deliverer, type DeliveryFlow } from './delivery'
import type { ExportDoc } from '../../store/docs'
import { decideExport, type ExportDecision, type ExportReason } from '../rules/export/decide'
import {
  changedAudiences,
  displayIdentity,
  realizedMappedAudiences,
} from '../rules/export/record-fields'
import type { ProfileUpdate } from '../rules/export/types'
import type { PreparedActivation } from '../rules/export/prepare'
import { compileFlowConfig, configKey, type FlowConfig } from './flow-config'
import { FlowExports, summarize, type ExportPredicate, type SummaryContext } from './flow-exports'
import { LiveStreams, type SendEvent, type WatchedFlow } from './live-stream'
import { StreamStore } from './streams'
import type { WorkLoop } from './work-loop'

export interface SandboxEngineDeps {
  clock: Scheduler
  outbound: Outbound
  loop: WorkLoop
  random: () => number
}

/** How many distinct reason and audience lists are kept for sharing. */
const MAX_SHARED_LISTS = 1000

/** One dataflow at run time: its records, and its configuration compiled when it changes. */
export class FlowRuntime implements DeliveryFlow, WatchedFlow {
  disposed = false
  private cached: FlowConfig | null = null
  private resolvedAt = -1

  constructor(
    readonly exports: FlowExports,
    private readonly resolve: (cached: FlowConfig | null) => FlowConfig | null,
    private readonly identityOf: (profileId: string) => string,
    /** Changes whenever something a config is built from may have changed. */
    private readonly sourcesVersion: () => number,
  ) {}

  config(): FlowConfig | null {
    if (this.disposed) return null
    const version = this.sourcesVersion()
    if (version !== this.resolvedAt) {
      this.cached = this.resolve(this.cached)
      this.resolvedAt = version
    }
    return this.cached
  }

  summaryContext(): SummaryContext {
    return {
      flowId: this.exports.flowId,
      destination: this.config()?.destination ?? 'http',
      idOf: (doc) => this.exports.idOf(doc),
      identityOf: this.identityOf,
    }
  }
}

const selectedAudiences = (flow: FlowDoc | null): string[] =>
  flow?.transformations[0]?.params.segmentSelectors.selectors.map((s) => s.value.id) ?? []

/**
 * The execution engine of one sandbox (docs/engine.md): profile updates and added audiences
 * become export decisions on every enabled dataflow, exported messages are recorded and delivered,
 * and the records are queried and watched. It also holds the sandbox's demo receiver log and
 * in-app streams. Built when the sandbox is loaded, it resumes the deliveries a reload or a closed
 * tab left pending.
 */
export class SandboxEngine {
  readonly audiences: AudienceCatalog
  readonly receiver: ReceiverLog
  readonly streams: StreamStore
  private readonly flows = new Map<string, FlowRuntime>()
  private readonly deliverer: Deliverer
  private readonly live: LiveStreams
  private readonly disposers: (() => void)[] = []
  /** Shared lists by key (see `sharedReasons`): lists of one attribute reason by its path. */
  private readonly attributeReasons = new Map<string, ExportReason[]>()
  private readonly reasonLists = new Map<string, ExportReason[]>()
  private readonly audienceLists = new Map<string, string[]>()
  private disposed = false
  /** The collections a flow's configuration is built from (read at every update and attempt). */
  private readonly configSources: {
    flows: Collection<FlowDoc>
    targetConnections: Collection<TargetConnection>
    connections: Collection<Connection>
  }

  constructor(
    readonly sandbox: SandboxStore,
    private readonly deps: SandboxEngineDeps,
  ) {
    this.configSources = {
      flows: sandbox.collection('flows'),
      targetConnections: sandbox.collection('targetConnections'),
      connections: sandbox.collection('connections'),
    }
    this.audiences = new AudienceCatalog(sandbox)
    this.receiver = new ReceiverLog(sandbox, deps.clock)
    this.streams = new StreamStore(sandbox, deps.clock)
    this.deliverer = new Deliverer({ ...deps, sandbox, streams: this.streams })
    this.live = new LiveStreams(deps.clock)
    this.resume()
  }

  /** The runtime of a dataflow that exists, created on first use: its records and config. */
  flow(flowId: string): FlowRuntime | null {
    const found = this.flows.get(flowId)
    if (found) return found
    if (!this.sandbox.collection('flows').has(flowId)) return null
    return this.createRuntime(flowId, [])
  }

  /**
   * Streaming segmentation's follow-up (DESIGN.md section 6): the update is decided on every
   * enabled dataflow with mapped audiences; exports are recorded and queued for delivery at once.
   */
  profileUpdated(update: ProfileUpdate, profile: Profile): FlowDecision[] {
    const decisions: FlowDecision[] = []
    for (const doc of this.configSources.flows.values()) {
      if (doc.state !== 'enabled') continue
      const config = this.flow(doc.id)?.config()
      if (!config?.enabled || config.prepared.mappedAudiences.length === 0) continue
      const decision = decideExport(update, config.prepared)
      const outcome = this.apply(config, decision, profile, profile.updatedAt)
      if (outcome) decisions.push(outcome)
    }
    return decisions
  }

  /** Starts a backfill when audiences were added to an enabled flow; drops a deleted flow. */
  flowChanged(before: FlowDoc | null, after: FlowDoc | null): void {
    if (!after) {
      if (before) this.flowDeleted(before.id)
      return
    }
    const runtime = this.flow(after.id)
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

  /** The flow's compiled configuration, or null when the engine does not run it. */
  flowConfig(flowId: string): FlowConfig | null {
    return this.flow(flowId)?.config() ?? null
  }

  /** A record with its attempts' requests, its payload, and what the receiver saw of it. */
  record(runtime: FlowRuntime, doc: ExportDoc): ExportRecord {
    const requests: SentRequest[] = []
    const receiver: ReceiverEntry[] = []
    const attempts = doc.attempts.map(({ receipt, ...attempt }): ExportAttempt => {
      const request = attempt.request ? { ...attempt.request, body: doc.payload } : null
      if (request) requests.push(request)
      const entry =
        receipt !== null && request
          ? this.receiver.entry(receiverEndpoint(request.url), receipt)
          : undefined
      if (entry) receiver.push(entry)
      return { ...attempt, request }
    })
    const last = requests.at(-1)
    return {
      ...summarize(doc, runtime.summaryContext()),
      reasons: doc.reasons,
      payload: JSON.parse(doc.payload) as Record<string, unknown>,
      attempts,
      stream: doc.stream,
      receiver,
      curl: last ? toCurl(last) : null,
    }
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

  private apply(
    config: FlowConfig,
    decision: ExportDecision,
    profile: Profile,
    now: number,
  ): FlowDecision | null {
    const runtime = this.flows.get(config.flowId)
    if (!runtime || decision.kind === 'out-of-scope' || this.disposed) return null
    if (decision.kind === 'excluded') {
      runtime.exports.exclude(decision.reason, now)
      return { flowId: config.flowId, decision: 'excluded', reason: decision.reason }
    }
    const doc = runtime.exports.create(
      {
        profileId: profile.id,
        reasons: this.sharedReasons(decision.reasons),
        audienceIds: this.audiencesOf(decision.reasons, config.prepared, profile),
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

  /**
   * The same array for the same reasons (most records share theirs), else an exact copy: lists
   * built by pushing keep room for more items, which adds up over 100,000 records. Reasons with
   * identities are copied, never shared.
   */
  private sharedReasons(reasons: ExportReason[]): ExportReason[] {
    const [only] = reasons
    if (reasons.length === 1 && only.trigger === 'attribute') {
      return this.sharedList(only.path, reasons, this.attributeReasons)
    }
    let key = 'reasons'
    for (const reason of reasons) {
      if (reason.trigger === 'identity') return reasons.slice()
      key +=
        reason.trigger === 'attribute'
          ? `|attribute:${reason.path}`
          : reason.trigger === 'segment'
            ? `|segment:${reason.audienceId}:${reason.from}:${reason.to}`
            : `|backfill:${reason.audienceId}`
    }
    return this.sharedList(key, reasons, this.reasonLists)
  }

  /**
   * The audiences a record concerns, for the Exports tab's audience filter: those whose status
   * changed or that were backfilled; else (an identity or attribute export) the mapped audiences
   * the profile is realized in. Records share the arrays.
   */
  private audiencesOf(
    reasons: readonly ExportReason[],
    prepared: PreparedActivation,
    profile: Profile,
  ): string[] {
    const changed = changedAudiences(reasons)
    return changed.length > 0
      ? this.sharedList(changed.join('|'), changed, this.audienceLists)
      : realizedMappedAudiences(prepared, profile)
  }

  private sharedList<T>(key: string, list: T[], lists: Map<string, T[]>): T[] {
    const found = lists.get(key)
    if (found) return found
    if (lists.size >= MAX_SHARED_LISTS) lists.clear()
    const copy = list.slice()
    lists.set(key, copy)
    return copy
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

  private flowDeleted(flowId: string): void {
    const runtime = this.flows.get(flowId)
    if (!runtime) return
    runtime.disposed = true
    this.deliverer.forget(runtime)
    this.live.close(runtime)
    runtime.exports.drop()
    this.flows.delete(flowId)
  }

  private createRuntime(flowId: string, segments: SegmentDoc<ExportDoc>[]): FlowRuntime {
    const runtime = new FlowRuntime(
      new FlowExports(this.sandbox, flowId, segments, (docs) =>
        this.keepReceiverBodies(flowId, docs),
      ),
      (cached) => this.resolveConfig(flowId, cached),
      (profileId) => {
        const profile = this.sandbox.collection('profiles').get(profileId)
        return profile ? displayIdentity(profile.identityMap) : ''
      },
      () => this.configSourcesVersion(),
    )
    this.flows.set(flowId, runtime)
    return runtime
  }

  /**
   * A number that grows whenever a flow, target connection, account or audience changes: the
   * sum of their collections' versions, which only ever grow.
   */
  private configSourcesVersion(): number {
    const { flows, targetConnections, connections } = this.configSources
    return flows.version + targetConnections.version + connections.version + this.audiences.version
  }

  private resolveConfig(flowId: string, cached: FlowConfig | null): FlowConfig | null {
    const { flows, targetConnections, connections } = this.configSources
    const flow = flows.get(flowId)
    if (!flow) return null
    const target = targetConnections.get(flow.targetConnectionIds[0] ?? '')
    const account = target && connections.get(target.baseConnectionId)
    const sources = {
      flow,
      target,
      account,
      audiences: this.audiences.summaries,
      audiencesVersion: this.audiences.version,
    }
    if (cached && cached.key === configKey(sources)) return cached
    return compileFlowConfig(sources)
  }

  /** Loads the export logs and queues every message not yet delivered or failed. */
  private resume(): void {
    const { sandbox } = this
    const flows = sandbox.collection('flows')
    const now = this.deps.clock.now()
    for (const [flowId, segments] of SegmentedLog.loadAll(sandbox.collection('exportSegments'))) {
      if (!flows.has(flowId)) {
        for (const segment of segments) sandbox.collection('exportSegments').delete(segment.id)
        continue
      }
      const runtime = this.createRuntime(flowId, segments)
      for (const doc of runtime.exports.unsettled()) {
        if (doc.nextAttemptAt === null) this.deliverer.enqueue(runtime, doc)
        else this.deliverer.later(runtime, doc, Math.max(0, doc.nextAttemptAt - now))
      }
    }
    this.receiver.resolveBodies(
      ({ flowId, seq }) => this.flows.get(flowId)?.exports.log.get(seq)?.payload,
    )
    for (const stats of sandbox.collection('flowStats').all()) {
      if (!flows.has(stats.id)) sandbox.collection('flowStats').delete(stats.id)
    }
    for (const backfill of sandbox.collection('backfills').all()) {
      const runtime = this.flow(backfill.flowId)
      if (!runtime) {
        sandbox.collection('backfills').delete(backfill.id)
        continue
      }
      const done = new Set<string>()
      for (const record of runtime.exports.all()) {
        if (madeBy(backfill, record)) done.add(record.profileId)
      }
      this.startBackfill(runtime, backfill, done)
    }
  }
}
