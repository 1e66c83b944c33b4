import type { SandboxEngine } from '../engine/runtime/sandbox-engine'
import type { Scheduler } from '../lib/clock'
import type { ServiceContext } from './entity'
import type { ProfilePatchChecker } from './profile-writes'

/**
 * A service call that reads the execution engine of its sandbox (records, the receiver, the
 * compiled audiences) and sets timers. It tells the engine of changes only through `events`.
 */
export interface EngineContext extends ServiceContext {
  clock: Scheduler
  engine: SandboxEngine
  /** The backend's check of profile patches (it keeps the pointers it worked out). */
  patches: ProfilePatchChecker
}
