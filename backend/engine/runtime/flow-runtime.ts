import type { FlowConfig } from './flow-config'
import type { DeliveryFlow } from './delivery'
import type { FlowExports, SummaryContext } from './flow-exports'
import type { WatchedFlow } from './live-stream'

/**
 * One dataflow at run time: its records, and its configuration, compiled on first use after a
 * change of what it is built from (the flow, its target connection, its account, the audiences).
 * The sandbox engine marks it stale when an event says one of those changed.
 */
export class FlowRuntime implements DeliveryFlow, WatchedFlow {
  disposed = false
  private cached: FlowConfig | null = null
  private stale = true

  constructor(
    readonly exports: FlowExports,
    /** Compiles the configuration again; may return `cached` when nothing it reads changed. */
    private readonly resolve: (cached: FlowConfig | null) => FlowConfig | null,
    private readonly identityOf: (profileId: string) => string,
  ) {}

  config(): FlowConfig | null {
    if (this.disposed) return null
    if (this.stale) {
      this.cached = this.resolve(this.cached)
      this.stale = false
    }
    return this.cached
  }

  /** Something the configuration is built from changed: the next read compiles it again. */
  invalidate(): void {
    this.stale = true
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
