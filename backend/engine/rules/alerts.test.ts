import { describe, expect, it } from 'vitest'
import {
  ACTIVATION_SKIPPED_RATE_EXCEEDED,
  SKIPPED_RATE_THRESHOLD_PERCENT,
} from '../../../contracts/destination-alerts'
import type { RunWindow } from '../../../contracts/engine/runs'
import { HOUR_MS } from '../../lib/clock'
import { exceedsSkippedRate, skippedRateAlerts, type AlertFlow } from './alerts'
import { emptyWindow, toRun } from './runs'

const START = Date.UTC(2026, 10, 26, 9)
const NOW = START + 3 * HOUR_MS + 60_000

const flow: AlertFlow = {
  id: 'flow-1',
  name: 'Acme webhook',
  alerts: [ACTIVATION_SKIPPED_RATE_EXCEEDED],
}

const source = {
  flowId: flow.id,
  flowSpec: { id: 'spec', version: '1.0' },
  createdAt: START,
  sandboxName: 'prod',
  imsOrgId: 'org',
}

/** A run of `hour` hours after START that received `received` profiles and excluded `excluded`. */
const run = (received: number, excluded: number, hour = 0, overrides: Partial<RunWindow> = {}) =>
  toRun(
    source,
    {
      ...emptyWindow(START + hour * HOUR_MS),
      received,
      activated: received - excluded,
      excluded,
      updatedAt: START + hour * HOUR_MS + 120_000,
      ...overrides,
    },
    NOW,
  )

describe('skipped rate (identities excluded ÷ profiles received)', () => {
  it(`is exceeded above ${SKIPPED_RATE_THRESHOLD_PERCENT}%, not at it`, () => {
    expect(exceedsSkippedRate(run(100, 1))).toBe(false)
    expect(exceedsSkippedRate(run(700, 7))).toBe(false)
    expect(exceedsSkippedRate(run(10_000, 100))).toBe(false)
    expect(exceedsSkippedRate(run(10_000, 101))).toBe(true)
    expect(exceedsSkippedRate(run(199, 2))).toBe(true)
    expect(exceedsSkippedRate(run(1, 1))).toBe(true)
  })

  it('is not exceeded by a run that received nothing', () => {
    expect(exceedsSkippedRate(run(0, 0))).toBe(false)
  })

  it('counts failed identities as received, not skipped', () => {
    expect(exceedsSkippedRate(run(100, 0, 0, { activated: 50, failed: 50 }))).toBe(false)
  })
})

describe('Activation Skipped Rate Exceeded', () => {
  it('raises one alert per run over the threshold, with the flow, the run and the rate', () => {
    const runs = [run(0, 0, 3), run(50, 1, 2), run(100, 1, 1), run(40, 2, 0)]
    const alerts = skippedRateAlerts(flow, runs)
    expect(alerts).toEqual([
      {
        id: expect.any(String),
        type: ACTIVATION_SKIPPED_RATE_EXCEEDED,
        name: 'Activation Skipped Rate Exceeded',
        flowId: 'flow-1',
        flowName: 'Acme webhook',
        runId: runs[1].id,
        runStatus: 'success',
        runStartedAt: START + 2 * HOUR_MS,
        updatedAt: START + 2 * HOUR_MS + 120_000,
        receivedCount: 50,
        skippedCount: 1,
        skippedRate: 0.02,
      },
      expect.objectContaining({ runId: runs[3].id, skippedRate: 0.05, runStartedAt: START }),
    ])
    expect(alerts[0].id).not.toBe(alerts[1].id)
    expect(skippedRateAlerts(flow, runs).map((a) => a.id)).toEqual(alerts.map((a) => a.id))
  })

  it('raises it for the run in progress too, with its counts so far', () => {
    const current = toRun(
      source,
      { ...emptyWindow(START), received: 10, activated: 8, excluded: 2, updatedAt: START + 5 },
      START + 10,
    )
    expect(skippedRateAlerts(flow, [current])).toEqual([
      expect.objectContaining({ runStatus: 'inProgress', skippedRate: 0.2 }),
    ])
  })

  it('raises nothing for a dataflow that did not subscribe to it', () => {
    const runs = [run(40, 2)]
    expect(skippedRateAlerts({ ...flow, alerts: [] }, runs)).toEqual([])
    expect(skippedRateAlerts({ ...flow, alerts: ['destination-flow-run-failure'] }, runs)).toEqual(
      [],
    )
  })

  it('raises nothing at exactly the threshold, or for runs that received nothing', () => {
    expect(skippedRateAlerts(flow, [run(100, 1), run(0, 0, 1)])).toEqual([])
  })
})
