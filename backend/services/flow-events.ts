import type { FlowDoc, SandboxStore } from '../store/collections'

/** A dataflow was created, changed or deleted: the engine listens to start backfills. */
export interface FlowChanged {
  type: 'flow-changed'
  sandbox: SandboxStore
  before: FlowDoc | null
  after: FlowDoc | null
}

export type BackendEvent = FlowChanged

/** A minimal synchronous event bus between the API layer and the engine. */
export class FlowEvents {
  private readonly listeners = new Set<(event: BackendEvent) => void>()

  on(listener: (event: BackendEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: BackendEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}
