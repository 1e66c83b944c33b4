/** An endpoint that does not answer within 2 seconds has failed (HTTP API doc prerequisites). */
export const TIMEOUT_MS = 2000

/** "Experience Platform stores the failed requests and retries twice" (HTTP API doc). */
export const MAX_RETRIES = 2

/** Base delays before the first and the second retry; each gets ±20% jitter. */
export const BACKOFF_MS: readonly number[] = [1000, 3000]

/** Jitter applied to the backoff, as a fraction of the delay. */
export const JITTER = 0.2

/** Longest wait a 429's `Retry-After` can impose. */
export const RETRY_AFTER_CAP_MS = 60_000

/** What one delivery attempt produced. */
export type AttemptResult =
  | { kind: 'response'; status: number; headers: Record<string, string> }
  | { kind: 'network-error'; message: string }
  | { kind: 'timeout'; afterMs: number }

/** How one attempt ended, with the reason in plain words. */
export interface AttemptClassification {
  outcome: 'delivered' | 'retryable' | 'final'
  reason: string
}

/** A message's delivery so far: `attempts` counts every request sent, including the last one. */
export interface DeliveryState {
  attempts: number
  oauth: boolean
  tokenRefreshed: boolean
  lastResult: AttemptResult
}

/** Time and randomness, injected so the policy stays pure and tests deterministic. */
export interface RetryEnvironment {
  /** UNIX milliseconds, to read a `Retry-After` HTTP date. */
  now: number
  /** Uniform in [0, 1), for the jitter. */
  random: () => number
}

/** The outcome of every delivered attempt (one object: nothing changes it). */
const DONE: NextAttempt = Object.freeze({ action: 'done' })

export type NextAttempt =
  | { action: 'retry'; delayMs: number }
  | { action: 'refresh-token' }
  | { action: 'fail'; reason: string }
  | { action: 'done' }

/**
 * Classifies one attempt (DESIGN.md section 6, "Delivery"): 2xx is delivered; a network error, a
 * timeout, 429 and 5xx are retryable; any other status is final: other 4xx (including 401, whose
 * token refresh `nextAttempt` decides), and 1xx or 3xx, which a JSON POST should never get.
 */
export function classifyAttempt(result: AttemptResult): AttemptClassification {
  if (result.kind !== 'response') return classifyFailure(result)
  return BY_STATUS[result.status] ?? classifyStatus(result.status)
}

/** Whether an answer with this HTTP status is worth trying again: 429 and 5xx. */
export const isRetryableStatus = (status: number): boolean =>
  status === 429 || (status >= 500 && status < 600)

function classifyFailure(
  result: Exclude<AttemptResult, { kind: 'response' }>,
): AttemptClassification {
  if (result.kind === 'network-error') {
    return { outcome: 'retryable', reason: `Network error: ${result.message}` }
  }
  return {
    outcome: 'retryable',
    reason: `No response within ${TIMEOUT_MS / 1000} s (stopped after ${result.afterMs} ms)`,
  }
}

function classifyStatus(status: number): AttemptClassification {
  if (status >= 200 && status < 300) {
    return { outcome: 'delivered', reason: `The endpoint accepted it (HTTP ${status})` }
  }
  if (isRetryableStatus(status)) {
    const reason =
      status === 429
        ? 'The endpoint is rate limiting (HTTP 429)'
        : `The endpoint failed (HTTP ${status})`
    return { outcome: 'retryable', reason }
  }
  if (status === 401) {
    return { outcome: 'final', reason: 'The endpoint rejected the credentials (HTTP 401)' }
  }
  if (status >= 400 && status < 500) {
    return { outcome: 'final', reason: `The endpoint rejected the request (HTTP ${status})` }
  }
  return { outcome: 'final', reason: `The endpoint answered HTTP ${status}, not a success` }
}

/**
 * The classification of every HTTP status, made once: the same frozen object, and the same reason
 * string, for every attempt answered with it (records share their reasons).
 */
const BY_STATUS: readonly AttemptClassification[] = Object.freeze(
  Array.from({ length: 600 }, (_, status) => Object.freeze(classifyStatus(status))),
)

const headerValue = (headers: Record<string, string>, name: string): string | undefined => {
  for (const key in headers) if (key.toLowerCase() === name) return headers[key]
  return undefined
}

/**
 * The wait a `Retry-After` header asks for (RFC 9110: delay-seconds or an HTTP date), capped at
 * `RETRY_AFTER_CAP_MS`; undefined when the header is absent or unreadable.
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, RETRY_AFTER_CAP_MS)
  if (!/^[A-Za-z]{3}/.test(text)) return undefined
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.min(Math.max(date - now, 0), RETRY_AFTER_CAP_MS)
}

/**
 * What to do after an attempt (DESIGN.md section 6, "Delivery"; HTTP API doc, "Limits and retry
 * policy"): a retryable failure is retried twice, 1 s then 3 s later (±20% jitter) or after a
 * 429's `Retry-After` when it asks for a wait, and the third failure is final. A 401 on OAuth
 * auth asks the caller to refetch the token once; the request sent with the new token is an extra
 * attempt, not one of the two retries. Any other final outcome fails at once.
 */
export function nextAttempt(state: DeliveryState, environment: RetryEnvironment): NextAttempt {
  const { lastResult } = state
  const { outcome, reason } = classifyAttempt(lastResult)
  if (outcome === 'delivered') return DONE
  if (lastResult.kind === 'response' && lastResult.status === 401) {
    if (state.oauth && !state.tokenRefreshed) return { action: 'refresh-token' }
  }
  if (outcome === 'final') return { action: 'fail', reason }
  const failures = state.attempts - (state.tokenRefreshed ? 1 : 0)
  if (failures > MAX_RETRIES) {
    return { action: 'fail', reason: `${reason}; gave up after ${state.attempts} attempts` }
  }
  const retryAfter =
    lastResult.kind === 'response' && lastResult.status === 429
      ? retryAfterMs(headerValue(lastResult.headers, 'retry-after'), environment.now)
      : undefined
  // A Retry-After of no wait (0, or a date gone by) would resend at once: the backoff applies.
  if (retryAfter) return { action: 'retry', delayMs: retryAfter }
  const base = BACKOFF_MS[failures - 1]
  const jitter = 1 + (environment.random() * 2 - 1) * JITTER
  return { action: 'retry', delayMs: Math.round(base * jitter) }
}
