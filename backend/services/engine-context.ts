import type { SandboxEngine } from '../engine/runtime/sandbox-engine'
import type { Scheduler } from '../lib/clock'
import type { ServiceContext } from './entity'
import type { ProfilePatches } from './profile-writes'

/**
 * A service call that reads the execution engine of its sandbox (records, the receiver, the
 * compiled audiences) and sets timers. It tells the engine of changes only through `events`.
 */
export interface EngineContext extends ServiceContext {
  clock: Scheduler
  engine: SandboxEngine
  /** What profile updates work out from their patches, kept by the backend for the next ones. */
  patches: ProfilePatches
}
