import type { Profile } from '../../src/contracts/profile'
import type { ExportDecision } from './export/decide'
import { decideBackfill } from './export/backfill'
import type { FlowConfig } from './flow-config'
import type { LoopTask } from './work-loop'

/** Applies one decision for one profile on one flow (the sandbox engine does). */
export type ApplyDecision = (config: FlowConfig, decision: ExportDecision, profile: Profile) => void

/**
 * Historical backfill (DESIGN.md section 6): when audiences are added to a dataflow, every profile
 * already realized in one of them is exported. Runs in slices of the work loop over a snapshot of
 * the sandbox's profiles; it stops when the dataflow is disabled or deleted.
 */
export class BackfillTask implements LoopTask {
  private index = 0

  constructor(
    private readonly profiles: readonly Profile[],
    private readonly audienceIds: readonly string[],
    private readonly config: () => FlowConfig | null,
    private readonly apply: ApplyDecision,
  ) {}

  run(deadline: number): boolean {
    const config = this.config()
    if (!config?.enabled) return false
    const { profiles } = this
    while (this.index < profiles.length) {
      if ((this.index & 15) === 0 && performance.now() >= deadline) return true
      const profile = profiles[this.index++]
      const decision = decideBackfill(profile, config.prepared, this.audienceIds)
      if (decision.kind !== 'out-of-scope') this.apply(config, decision, profile)
    }
    return false
  }
}
