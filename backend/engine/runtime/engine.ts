import type { DomainEvents } from '../../events/domain-events'
import type { Scheduler } from '../../lib/clock'
import type { SandboxStore } from '../../store/collections'
import type { Outbound } from '../../receiver/outbound'
import { SandboxEngine } from './sandbox-engine'
import { WorkLoop } from './work-loop'

export interface EngineOptions {
  clock: Scheduler
  /** The bus the services publish their changes on: the engine's only way to hear of them. */
  events: DomainEvents
  outbound: Outbound
  /** Uniform in [0, 1), for the retry jitter. */
  random?: () => number
  /** Length of one slice of work on the main thread. */
  sliceMs?: number
}

/**
 * The backend's execution engine: one `SandboxEngine` per loaded sandbox, sharing one work loop
 * (docs/engine.md). The database tells it when a sandbox is loaded or reset; the domain events
 * tell it what changed in one.
 */
export class Engine {
  readonly loop: WorkLoop
  private readonly sandboxes = new Map<string, SandboxEngine>()

  constructor(private readonly options: EngineOptions) {
    this.loop = new WorkLoop(options.sliceMs)
    options.events.subscribe({
      'flow.created': ({ sandbox, flow }) => this.forSandbox(sandbox).flowChanged(null, flow),
      'flow.changed': ({ sandbox, before, after }) =>
        this.forSandbox(sandbox).flowChanged(before, after),
      'flow.deleted': ({ sandbox, flow }) => this.forSandbox(sandbox).flowDeleted(flow.id),
      'profile.written': (update) =>
        this.forSandbox(update.sandbox).profileUpdated(update, update.after),
      'audience.changed': ({ sandbox }) => this.forSandbox(sandbox).audiencesChanged(),
      'connection.changed': ({ sandbox }) => this.forSandbox(sandbox).connectionChanged(),
    })
  }

  /** (Re)builds the engine of a sandbox whose documents were just loaded or reset. */
  load(sandbox: SandboxStore): SandboxEngine {
    this.sandboxes.get(sandbox.name)?.dispose()
    const engine = new SandboxEngine(sandbox, {
      clock: this.options.clock,
      outbound: this.options.outbound,
      loop: this.loop,
      random: this.options.random ?? Math.random,
    })
    this.sandboxes.set(sandbox.name, engine)
    return engine
  }

  forSandbox(sandbox: SandboxStore): SandboxEngine {
    const found = this.sandboxes.get(sandbox.name)
    return found?.sandbox === sandbox ? found : this.load(sandbox)
  }

  /** Resolves when no delivery, backfill or request is under way (timers may still wait). */
  whenIdle(): Promise<void> {
    return this.loop.whenIdle()
  }

  stop(): void {
    for (const engine of this.sandboxes.values()) engine.dispose()
    this.sandboxes.clear()
    this.loop.stop()
  }
}
