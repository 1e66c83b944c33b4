import type { SandboxEngine } from '../engine/runtime/sandbox-engine'
import type { Scheduler } from '../lib/clock'
import type { ServiceContext } from './entity'

/** A service call that reaches the execution engine of its sandbox, and timers. */
export interface EngineContext extends ServiceContext {
  clock: Scheduler
  engine: SandboxEngine
}
