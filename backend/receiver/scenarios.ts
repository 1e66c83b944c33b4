import type { ReceiverScenario } from '../../contracts/engine/receiver'

/** How the demo receiver answers one request. */
export interface ReceiverAnswer {
  status: number
  headers: Record<string, string>
  body: string
  delayMs: number
}

/** A fault scenario with what is left of it (failures or 401s still to answer). */
export interface ScenarioState {
  scenario: ReceiverScenario
  remaining: number | null
}

/** Requests counted in the current second, for `rate-limit`. */
export interface RateWindow {
  second: number
  count: number
}

const JSON_HEADERS = { 'content-type': 'application/json' }

const answer = (
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = JSON_HEADERS,
): ReceiverAnswer => ({ status, headers, body: JSON.stringify(body), delayMs: 0 })

/** The answers are shared objects: the receiver answers many requests alike. */
export const ANSWERS = {
  accepted: answer(200, { status: 'accepted' }),
  failing: answer(500, {
    error: 'internal_error',
    message: 'The demo receiver fails on purpose (fault scenario).',
  }),
  invalidToken: answer(
    401,
    { error: 'invalid_token', error_description: 'The access token is invalid or has expired.' },
    { ...JSON_HEADERS, 'www-authenticate': 'Bearer error="invalid_token"' },
  ),
  unauthorizedOnce: answer(
    401,
    {
      error: 'invalid_token',
      error_description: 'The demo receiver rejects the token once (fault scenario: 401 once).',
    },
    { ...JSON_HEADERS, 'www-authenticate': 'Bearer error="invalid_token"' },
  ),
}

const rateLimitAnswer = (retryAfterSeconds: number): ReceiverAnswer =>
  answer(
    429,
    { error: 'rate_limited', message: `Too many requests: retry after ${retryAfterSeconds} s.` },
    { ...JSON_HEADERS, 'retry-after': String(retryAfterSeconds) },
  )

/** What is left of a scenario when it is set: failures to answer, or the one 401. */
export function initialRemaining(scenario: ReceiverScenario): number | null {
  if (scenario.kind === 'fail-then-succeed') return scenario.failures
  if (scenario.kind === 'unauthorized-once') return 1
  return null
}

/**
 * How the receiver answers a request that passed its token check, by fault scenario
 * (contracts/engine/receiver.ts), and the scenario's state after it.
 */
export function answerByScenario(
  state: ScenarioState,
  rate: RateWindow | null,
  now: number,
): { answer: ReceiverAnswer; remaining: number | null; rate: RateWindow | null } {
  const { scenario, remaining } = state
  switch (scenario.kind) {
    case 'ok':
      return { answer: ANSWERS.accepted, remaining, rate }
    case 'always-500':
      return { answer: ANSWERS.failing, remaining, rate }
    case 'fail-then-succeed':
    case 'unauthorized-once': {
      const left = remaining ?? 0
      if (left <= 0) return { answer: ANSWERS.accepted, remaining: 0, rate }
      const failure =
        scenario.kind === 'fail-then-succeed' ? ANSWERS.failing : ANSWERS.unauthorizedOnce
      return { answer: failure, remaining: left - 1, rate }
    }
    case 'slow':
      return { answer: { ...ANSWERS.accepted, delayMs: scenario.delayMs }, remaining, rate }
    default: {
      const second = Math.floor(now / 1000)
      const count = (rate?.second === second ? rate.count : 0) + 1
      const limited = count > scenario.requestsPerSecond
      return {
        answer: limited ? rateLimitAnswer(scenario.retryAfterSeconds) : ANSWERS.accepted,
        remaining,
        rate: { second, count },
      }
    }
  }
}
