import { displayIdentity } from '../rules/export/record-fields'
import type { FlowDoc, SandboxStore } from '../../store/collections'
import type { ExportDoc } from '../../store/docs'
import type { SegmentDoc } from '../../store/segmented-log'
import type { AudienceCatalog } from './audience-catalog'
import { compileFlowConfig, configKey, type FlowConfig } from './flow-config'
import { FlowExports } from './flow-exports'
import { FlowRuntime } from './flow-runtime'

/**
 * The runtimes of a sandbox's dataflows, by flow id, and how each one's configuration is
 * compiled from the flow, its target connection, its account and the audiences.
 */
export class FlowRegistry {
  private readonly runtimes = new Map<string, FlowRuntime>()

  constructor(
    private readonly sandbox: SandboxStore,
    private readonly audiences: AudienceCatalog,
    /** Called with the records a flow's log drops (the receiver keeps their bodies). */
    private readonly dropped: (flowId: string, docs: readonly ExportDoc[]) => void,
  ) {}

  /** The runtime of a dataflow that exists, created on first use. */
  get(flowId: string): FlowRuntime | null {
    const found = this.runtimes.get(flowId)
    if (found) return found
    if (!this.sandbox.collection('flows').has(flowId)) return null
    return this.create(flowId, [])
  }

  /** The runtime already made for a flow, without making one. */
  made(flowId: string): FlowRuntime | undefined {
    return this.runtimes.get(flowId)
  }

  values(): IterableIterator<FlowRuntime> {
    return this.runtimes.values()
  }

  /** Builds a flow's runtime from its stored log segments. */
  create(flowId: string, segments: SegmentDoc<ExportDoc>[]): FlowRuntime {
    const runtime = new FlowRuntime(
      new FlowExports(this.sandbox, flowId, segments, (docs) => this.dropped(flowId, docs)),
      (cached) => this.resolve(flowId, cached),
      (profileId) => {
        const profile = this.sandbox.collection('profiles').get(profileId)
        return profile ? displayIdentity(profile.identityMap) : ''
      },
    )
    this.runtimes.set(flowId, runtime)
    return runtime
  }

  /** Every flow's configuration is compiled again on its next read. */
  invalidateAll(): void {
    for (const runtime of this.runtimes.values()) runtime.invalidate()
  }

  /** Forgets a deleted flow's runtime, which is disposed. */
  remove(flowId: string): FlowRuntime | undefined {
    const runtime = this.runtimes.get(flowId)
    if (!runtime) return undefined
    runtime.disposed = true
    this.runtimes.delete(flowId)
    return runtime
  }

  private resolve(flowId: string, cached: FlowConfig | null): FlowConfig | null {
    const flow: FlowDoc | undefined = this.sandbox.collection('flows').get(flowId)
    if (!flow) return null
    const target = this.sandbox
      .collection('targetConnections')
      .get(flow.targetConnectionIds[0] ?? '')
    const account = target && this.sandbox.collection('connections').get(target.baseConnectionId)
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
}
