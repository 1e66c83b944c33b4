import { describe, expect, it } from 'vitest'
import {
  MAX_RETRIES,
  TIMEOUT_MS,
  classifyAttempt,
  nextAttempt,
  retryAfterMs,
  type AttemptResult,
  type DeliveryState,
} from './retry'

const NOW = Date.UTC(2024, 4, 14, 9, 30, 0)
/** Jitter at its midpoint: the base delay exactly. */
const middle = { now: NOW, random: () => 0.5 }

const response = (status: number, headers: Record<string, string> = {}): AttemptResult => ({
  kind: 'response',
  status,
  headers,
})

const state = (lastResult: AttemptResult, overrides: Partial<DeliveryState> = {}) => ({
  attempts: 1,
  oauth: false,
  tokenRefreshed: false,
  lastResult,
  ...overrides,
})

describe('classifyAttempt', () => {
  it('counts a 2xx as delivered', () => {
    expect(classifyAttempt(response(200)).outcome).toBe('delivered')
    expect(classifyAttempt(response(204)).outcome).toBe('delivered')
  })

  it('retries network errors, 429 and 5xx', () => {
    expect(classifyAttempt({ kind: 'network-error', message: 'Failed to fetch' })).toEqual({
      outcome: 'retryable',
      reason: 'Network error: Failed to fetch',
    })
    expect(classifyAttempt(response(429)).outcome).toBe('retryable')
    expect(classifyAttempt(response(500)).outcome).toBe('retryable')
    expect(classifyAttempt(response(503)).outcome).toBe('retryable')
  })

  it('retries a request that got no answer within 2 seconds', () => {
    expect(TIMEOUT_MS).toBe(2000)
    expect(classifyAttempt({ kind: 'timeout', afterMs: 2000 })).toEqual({
      outcome: 'retryable',
      reason: 'No response within 2 s (stopped after 2000 ms)',
    })
  })

  it('makes other 4xx final, 401 included', () => {
    expect(classifyAttempt(response(400))).toEqual({
      outcome: 'final',
      reason: 'The endpoint rejected the request (HTTP 400)',
    })
    expect(classifyAttempt(response(404)).outcome).toBe('final')
    expect(classifyAttempt(response(401))).toEqual({
      outcome: 'final',
      reason: 'The endpoint rejected the credentials (HTTP 401)',
    })
  })
})

describe('nextAttempt: retries', () => {
  it('is done once delivered', () => {
    expect(nextAttempt(state(response(200)), middle)).toEqual({ action: 'done' })
  })

  it('retries twice, 1 s then 3 s later, and fails on the third failure', () => {
    const failure = response(503)
    expect(MAX_RETRIES).toBe(2)

    expect(nextAttempt(state(failure, { attempts: 1 }), middle)).toEqual({
      action: 'retry',
      delayMs: 1000,
    })
    expect(nextAttempt(state(failure, { attempts: 2 }), middle)).toEqual({
      action: 'retry',
      delayMs: 3000,
    })
    expect(nextAttempt(state(failure, { attempts: 3 }), middle)).toEqual({
      action: 'fail',
      reason: 'The endpoint failed (HTTP 503); gave up after 3 attempts',
    })
  })

  it('sends a message at most three times when every attempt fails', () => {
    const sent: number[] = []
    let next = nextAttempt(state({ kind: 'timeout', afterMs: 2000 }), middle)
    sent.push(1)
    while (next.action === 'retry') {
      sent.push(sent.length + 1)
      next = nextAttempt(
        state({ kind: 'timeout', afterMs: 2000 }, { attempts: sent.length }),
        middle,
      )
    }

    expect(sent).toEqual([1, 2, 3])
    expect(next).toEqual({
      action: 'fail',
      reason: 'No response within 2 s (stopped after 2000 ms); gave up after 3 attempts',
    })
  })

  it('applies ±20% jitter from the injected random source', () => {
    const failure = { kind: 'network-error', message: 'ECONNRESET' } as const

    expect(nextAttempt(state(failure), { now: NOW, random: () => 0 })).toEqual({
      action: 'retry',
      delayMs: 800,
    })
    expect(nextAttempt(state(failure, { attempts: 2 }), { now: NOW, random: () => 0.75 })).toEqual({
      action: 'retry',
      delayMs: 3300,
    })
  })

  it('fails a 4xx at once', () => {
    expect(nextAttempt(state(response(400)), middle)).toEqual({
      action: 'fail',
      reason: 'The endpoint rejected the request (HTTP 400)',
    })
  })
})

describe('nextAttempt: 429 Retry-After', () => {
  it('waits the seconds a 429 asks for', () => {
    expect(nextAttempt(state(response(429, { 'Retry-After': '7' })), middle)).toEqual({
      action: 'retry',
      delayMs: 7000,
    })
  })

  it('waits until the HTTP date a 429 gives, read against the injected now', () => {
    const headers = { 'retry-after': 'Tue, 14 May 2024 09:30:12 GMT' }

    expect(nextAttempt(state(response(429, headers)), middle)).toEqual({
      action: 'retry',
      delayMs: 12_000,
    })
  })

  it('caps the wait at 60 seconds', () => {
    expect(nextAttempt(state(response(429, { 'retry-after': '3600' })), middle)).toEqual({
      action: 'retry',
      delayMs: 60_000,
    })
  })

  it('falls back to the backoff when Retry-After is missing or unreadable', () => {
    expect(nextAttempt(state(response(429)), middle)).toEqual({ action: 'retry', delayMs: 1000 })
    expect(nextAttempt(state(response(429, { 'retry-after': 'soon' })), middle)).toEqual({
      action: 'retry',
      delayMs: 1000,
    })
  })

  it('backs off as usual when Retry-After asks for no wait at all', () => {
    expect(nextAttempt(state(response(429, { 'retry-after': '0' })), middle)).toEqual({
      action: 'retry',
      delayMs: 1000,
    })
    const past = new Date(NOW - 5000).toUTCString()
    expect(nextAttempt(state(response(429, { 'retry-after': past })), middle)).toEqual({
      action: 'retry',
      delayMs: 1000,
    })
  })

  it('still fails a 429 on the third failure', () => {
    expect(
      nextAttempt(state(response(429, { 'retry-after': '1' }), { attempts: 3 }), middle).action,
    ).toBe('fail')
  })

  it('reads a past date as no wait', () => {
    expect(retryAfterMs('Tue, 14 May 2024 09:29:00 GMT', NOW)).toBe(0)
    expect(retryAfterMs(' 2 ', NOW)).toBe(2000)
    expect(retryAfterMs(undefined, NOW)).toBeUndefined()
  })
})

describe('nextAttempt: 401 and the OAuth token', () => {
  it('asks for one token refresh on a 401 with OAuth', () => {
    expect(nextAttempt(state(response(401), { oauth: true }), middle)).toEqual({
      action: 'refresh-token',
    })
  })

  it('fails a second 401 after the refresh', () => {
    expect(
      nextAttempt(state(response(401), { oauth: true, tokenRefreshed: true, attempts: 2 }), middle),
    ).toEqual({ action: 'fail', reason: 'The endpoint rejected the credentials (HTTP 401)' })
  })

  it('fails a 401 at once without OAuth (a bearer token cannot be refetched)', () => {
    expect(nextAttempt(state(response(401)), middle)).toEqual({
      action: 'fail',
      reason: 'The endpoint rejected the credentials (HTTP 401)',
    })
  })

  it('does not count the request sent with the new token as one of the two retries', () => {
    const failure = response(500)
    const refreshed = { oauth: true, tokenRefreshed: true }

    expect(nextAttempt(state(failure, { ...refreshed, attempts: 2 }), middle)).toEqual({
      action: 'retry',
      delayMs: 1000,
    })
    expect(nextAttempt(state(failure, { ...refreshed, attempts: 3 }), middle)).toEqual({
      action: 'retry',
      delayMs: 3000,
    })
    expect(nextAttempt(state(failure, { ...refreshed, attempts: 4 }), middle).action).toBe('fail')
  })
})
