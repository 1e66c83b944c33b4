import {
  ACTIVATION_SKIPPED_RATE_EXCEEDED,
  DESTINATION_ALERTS,
  SKIPPED_RATE_THRESHOLD_PERCENT,
} from '../../../contracts/destination-alerts'
import type { Alert } from '../../../contracts/engine/alerts'
import type { Run } from '../../../contracts/engine/runs'
import { stableId } from '../../lib/ids'

/** What an alert needs of its dataflow: who it is and which alerts it subscribed to. */
export interface AlertFlow {
  id: string
  name: string
  alerts: readonly string[]
}

/** An alert as the rule raises it; whether it was read is the sandbox's to say. */
export type RaisedAlert = Omit<Alert, 'read'>

const NAME = DESTINATION_ALERTS.find((a) => a.id === ACTIVATION_SKIPPED_RATE_EXCEEDED)!.label

/**
 * Whether a run's skipped rate (identities excluded ÷ profiles received) is over
 * `SKIPPED_RATE_THRESHOLD_PERCENT`, compared in whole numbers so that exactly the threshold is not
 * over it. A run that received nothing skipped nothing.
 */
export function exceedsSkippedRate(run: Run): boolean {
  const { inputRecordCount, skippedRecordCount } = run.metrics.recordSummary
  return skippedRecordCount * 100 > inputRecordCount * SKIPPED_RATE_THRESHOLD_PERCENT
}

/**
 * Activation Skipped Rate Exceeded: one alert per run of `runs` over the threshold, in their
 * order, when the dataflow subscribed to it; none otherwise.
 */
export function skippedRateAlerts(flow: AlertFlow, runs: readonly Run[]): RaisedAlert[] {
  if (!flow.alerts.includes(ACTIVATION_SKIPPED_RATE_EXCEEDED)) return []
  return runs.filter(exceedsSkippedRate).map((run) => {
    const { inputRecordCount, skippedRecordCount } = run.metrics.recordSummary
    return {
      id: stableId(ACTIVATION_SKIPPED_RATE_EXCEEDED, run.id),
      type: ACTIVATION_SKIPPED_RATE_EXCEEDED,
      name: NAME,
      flowId: flow.id,
      flowName: flow.name,
      runId: run.id,
      runStatus: run.metrics.statusSummary.status,
      runStartedAt: run.metrics.durationSummary.startedAtUTC,
      updatedAt: run.updatedAt,
      receivedCount: inputRecordCount,
      skippedCount: skippedRecordCount,
      skippedRate: skippedRecordCount / inputRecordCount,
    }
  })
}
