import type { Profile } from '../../../contracts/profile'
import type { BackfillDoc, ExportDoc } from '../../store/docs'
import type { ExportDecision } from '../rules/export/decide'
import { decideBackfill } from '../rules/export/backfill'
import type { FlowConfig } from './flow-config'
import type { LoopTask } from './work-loop'

/** Applies one decision for one profile on one flow (the sandbox engine does). */
export type ApplyDecision = (config: FlowConfig, decision: ExportDecision, profile: Profile) => void

/** Whether a record was made by this backfill (its reasons name one of the backfill's audiences). */
export const madeBy = (backfill: BackfillDoc, record: ExportDoc): boolean =>
  record.createdAt >= backfill.createdAt &&
  record.reasons.some(
    (r) => r.trigger === 'backfill' && backfill.audienceIds.includes(r.audienceId),
  )

/**
 * Historical backfill (DESIGN.md section 6): when audiences are added to a dataflow, every profile
 * already realized in one of them is exported. Runs in slices of the work loop over a snapshot of
 * the sandbox's profiles, skipping those already exported by this backfill before a reload; it
 * stops when the dataflow is disabled or deleted, and calls `finished` either way.
 */
export class BackfillTask implements LoopTask {
  private index = 0

  constructor(
    private readonly profiles: readonly Profile[],
    private readonly audienceIds: readonly string[],
    private readonly config: () => FlowConfig | null,
    private readonly apply: ApplyDecision,
    private readonly finished: () => void,
    private readonly done: ReadonlySet<string> = new Set(),
  ) {}

  run(deadline: number): boolean {
    const config = this.config()
    if (!config?.enabled) {
      this.finished()
      return false
    }
    const { profiles, done } = this
    while (this.index < profiles.length) {
      if ((this.index & 15) === 0 && performance.now() >= deadline) return true
      const profile = profiles[this.index++]
      if (done.has(profile.id)) continue
      const decision = decideBackfill(profile, config.prepared, this.audienceIds)
      if (decision.kind !== 'out-of-scope') this.apply(config, decision, profile)
    }
    this.finished()
    return false
  }
}
