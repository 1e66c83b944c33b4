import type { LastRunDetails } from '../../../contracts/flow-service'
import type {
  CountByCode,
  Run,
  RunInfo,
  RunWindow,
  RunWindows,
} from '../../../contracts/engine/runs'
import { HOUR_MS, hourOf } from '../../lib/clock'
import { stableId } from '../../lib/ids'

/** How far back runs are listed: 30 days of hourly windows. */
export const MAX_RUN_WINDOWS = 30 * 24

/** What a run needs of its flow and sandbox. */
export interface RunSource {
  flowId: string
  flowSpec: { id: string; version: string }
  createdAt: number
  sandboxName: string
  imsOrgId: string
}

const infos = (counts: CountByCode): RunInfo[] =>
  Object.entries(counts).map(([code, { message, count }]) => ({ code, message, count }))

/** The counts of an hour in which nothing was decided yet. */
export const emptyWindow = (start: number): RunWindow => ({
  start,
  received: 0,
  activated: 0,
  excluded: 0,
  failed: 0,
  inFlight: 0,
  skipped: {},
  failures: {},
  updatedAt: start,
})

/** (activated + excluded) / received, or null when nothing was received. */
export const activationRate = (window: RunWindow): number | null =>
  window.received === 0 ? null : (window.activated + window.excluded) / window.received

const statusOf = (window: RunWindow, now: number) =>
  window.start + HOUR_MS > now || window.inFlight > 0
    ? ('inProgress' as const)
    : window.failed > 0
      ? ('failed' as const)
      : ('success' as const)

/** One hourly window as a Flow Service run (aep-ui.md section 7). */
export function toRun(source: RunSource, window: RunWindow, now: number): Run {
  const status = statusOf(window, now)
  const failures = infos(window.failures)
  return {
    id: stableId(source.flowId, window.start),
    flowId: source.flowId,
    flowSpec: source.flowSpec,
    createdAt: window.start,
    updatedAt: Math.max(window.start, Math.min(window.updatedAt, now)),
    sandboxName: source.sandboxName,
    imsOrgId: source.imsOrgId,
    metrics: {
      durationSummary: {
        startedAtUTC: window.start,
        ...(status === 'inProgress' ? {} : { completedAtUTC: window.start + HOUR_MS }),
      },
      recordSummary: {
        inputRecordCount: window.received,
        outputRecordCount: window.activated,
        skippedRecordCount: window.excluded,
        failedRecordCount: window.failed,
        skippedInfo: infos(window.skipped),
        failedInfo: failures,
      },
      statusSummary: { status, errors: failures },
    },
    activationRate: activationRate(window),
  }
}

/**
 * The hourly streaming runs of a dataflow, newest first: one per hour from the hour it was created
 * to the current one (at most `MAX_RUN_WINDOWS`), empty hours included, computed when read. The
 * current hour, and an hour whose messages still wait for a retry, is in progress.
 */
export function runsOf(source: RunSource, stats: RunWindows | undefined, now: number): Run[] {
  const current = hourOf(now)
  const first = Math.max(hourOf(source.createdAt), current - (MAX_RUN_WINDOWS - 1) * HOUR_MS)
  const runs: Run[] = []
  for (let start = current; start >= first; start -= HOUR_MS) {
    runs.push(toRun(source, stats?.windows[String(start)] ?? emptyWindow(start), now))
  }
  return runs
}

/** The latest run, as `lastRunDetails` of a flow. */
export function lastRunOf(
  source: RunSource,
  stats: RunWindows | undefined,
  now: number,
): LastRunDetails {
  const start = hourOf(now)
  const run = toRun(source, stats?.windows[String(start)] ?? emptyWindow(start), now)
  return {
    id: run.id,
    state: run.metrics.statusSummary.status,
    startedAtUTC: run.metrics.durationSummary.startedAtUTC,
    ...(run.metrics.durationSummary.completedAtUTC === undefined
      ? {}
      : { completedAtUTC: run.metrics.durationSummary.completedAtUTC }),
    activationRate: run.activationRate,
  }
}
