import { describe, expect, it } from 'vitest'
import { HOUR_MS } from '../../lib/clock'
import type { RunWindow, RunWindows } from '../../../contracts/engine/runs'
import { activationRate, lastRunOf, MAX_RUN_WINDOWS, runsOf, toRun } from './runs'

const START = Date.UTC(2026, 10, 26, 9)
const source = {
  flowId: 'flow-1',
  flowSpec: { id: 'spec', version: '1.0' },
  createdAt: START + 25 * 60_000,
  sandboxName: 'prod',
  imsOrgId: 'org',
}

const window = (overrides: Partial<RunWindow> = {}): RunWindow => ({
  start: START,
  received: 10,
  activated: 6,
  excluded: 2,
  failed: 2,
  inFlight: 0,
  skipped: { 'ACTIVATION-0001-SKIP': { message: 'No change', count: 2 } },
  failures: { 'EXPORT-HTTP-500': { message: 'HTTP 500', count: 2 } },
  updatedAt: START + 1000,
  ...overrides,
})

const stats = (windows: RunWindow[]): RunWindows => ({
  windows: Object.fromEntries(windows.map((w) => [String(w.start), w])),
})

describe('runs', () => {
  it('computes the activation rate as (activated + excluded) / received', () => {
    expect(activationRate(window())).toBe(0.8)
    expect(activationRate(window({ received: 0 }))).toBeNull()
  })

  it('shows an ended hour as completed after one hour, failed when a message failed', () => {
    const run = toRun(source, window(), START + 2 * HOUR_MS)
    expect(run.metrics.durationSummary).toEqual({
      startedAtUTC: START,
      completedAtUTC: START + HOUR_MS,
    })
    expect(run.metrics.statusSummary).toEqual({
      status: 'failed',
      errors: [{ code: 'EXPORT-HTTP-500', message: 'HTTP 500', count: 2 }],
    })
    expect(run.metrics.recordSummary).toMatchObject({
      inputRecordCount: 10,
      outputRecordCount: 6,
      skippedRecordCount: 2,
      failedRecordCount: 2,
      skippedInfo: [{ code: 'ACTIVATION-0001-SKIP', message: 'No change', count: 2 }],
    })
    expect(
      toRun(source, window({ failed: 0, failures: {} }), START + 2 * HOUR_MS).metrics.statusSummary
        .status,
    ).toBe('success')
  })

  it('keeps the current hour, and an hour with retries to come, in progress', () => {
    expect(toRun(source, window(), START + 10).metrics.statusSummary.status).toBe('inProgress')
    const waiting = toRun(source, window({ inFlight: 1 }), START + 5 * HOUR_MS)
    expect(waiting.metrics.statusSummary.status).toBe('inProgress')
    expect(waiting.metrics.durationSummary.completedAtUTC).toBeUndefined()
  })

  it('lists one run per hour since the flow was created, newest first, with stable ids', () => {
    const now = START + 3 * HOUR_MS + 5
    const runs = runsOf(source, stats([window()]), now)
    expect(runs.map((r) => r.createdAt)).toEqual([3, 2, 1, 0].map((h) => START + h * HOUR_MS))
    expect(runs[3].metrics.recordSummary.inputRecordCount).toBe(10)
    expect(runs[0].metrics.recordSummary.inputRecordCount).toBe(0)
    expect(runsOf(source, undefined, now).map((r) => r.id)).toEqual(runs.map((r) => r.id))
    expect(new Set(runs.map((r) => r.id)).size).toBe(4)
    expect(runsOf(source, undefined, START + 1000 * HOUR_MS)).toHaveLength(MAX_RUN_WINDOWS)
  })

  it('gives the latest run as lastRunDetails', () => {
    expect(lastRunOf(source, stats([window()]), START + 20)).toEqual({
      id: runsOf(source, undefined, START + 20)[0].id,
      state: 'inProgress',
      startedAtUTC: START,
      activationRate: 0.8,
    })
  })
})
