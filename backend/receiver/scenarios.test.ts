import { describe, expect, it } from 'vitest'
import type { ReceiverScenario } from '../../contracts/engine/receiver'
import { answerByScenario, ANSWERS, initialRemaining, type RateWindow } from './scenarios'

/** Answers `count` requests at `now` and says which statuses they got. */
function statuses(scenario: ReceiverScenario, count: number, now = 0) {
  let remaining = initialRemaining(scenario)
  let rate: RateWindow | null = null
  const seen: number[] = []
  for (let i = 0; i < count; i++) {
    const result = answerByScenario({ scenario, remaining }, rate, now)
    remaining = result.remaining
    rate = result.rate
    seen.push(result.answer.status)
  }
  return { seen, remaining }
}

describe('answerByScenario', () => {
  it('answers 200 with ok, 500 with always-500', () => {
    expect(statuses({ kind: 'ok' }, 3).seen).toEqual([200, 200, 200])
    expect(statuses({ kind: 'always-500' }, 3).seen).toEqual([500, 500, 500])
  })

  it('fails N times, then succeeds', () => {
    expect(statuses({ kind: 'fail-then-succeed', failures: 2 }, 4)).toEqual({
      seen: [500, 500, 200, 200],
      remaining: 0,
    })
  })

  it('answers 401 with an invalid_token challenge once', () => {
    const first = answerByScenario(
      { scenario: { kind: 'unauthorized-once' }, remaining: 1 },
      null,
      0,
    )
    expect(first.answer).toBe(ANSWERS.unauthorizedOnce)
    expect(first.answer.headers['www-authenticate']).toBe('Bearer error="invalid_token"')
    expect(statuses({ kind: 'unauthorized-once' }, 3).seen).toEqual([401, 200, 200])
  })

  it('rate limits past the allowed requests of each second, with Retry-After', () => {
    const scenario: ReceiverScenario = {
      kind: 'rate-limit',
      retryAfterSeconds: 3,
      requestsPerSecond: 2,
    }
    expect(statuses(scenario, 4).seen).toEqual([200, 200, 429, 429])
    const limited = answerByScenario({ scenario, remaining: null }, { second: 0, count: 2 }, 999)
    expect(limited.answer.headers['retry-after']).toBe('3')
    const nextSecond = answerByScenario(
      { scenario, remaining: null },
      { second: 0, count: 9 },
      1000,
    )
    expect(nextSecond.answer.status).toBe(200)
    expect(nextSecond.rate).toEqual({ second: 1, count: 1 })
  })

  it('answers slowly with slow', () => {
    const { answer } = answerByScenario(
      { scenario: { kind: 'slow', delayMs: 2500 }, remaining: null },
      null,
      0,
    )
    expect(answer).toMatchObject({ status: 200, delayMs: 2500 })
  })
})
