import type { OAuth2Auth } from '../../../contracts/destinations/auth'
import {
  buildTokenRequest,
  describeTokenError,
  parseTokenResponse,
  TOKEN_TIMEOUT_MS,
} from '../rules/token-request'
import type { SentRequest, TokenExchange } from '../../../contracts/engine/exports'
import type { Scheduler } from '../../lib/clock'
import { maskAuthorization, maskForm, maskJsonSecrets } from '../../lib/masking'
import type { SandboxStore } from '../../store/collections'
import type { Outbound, OutboundResult } from '../../receiver/outbound'
import { isRetryableStatus, type AttemptResult } from '../rules/export/retry'
import type { WorkLoop } from './work-loop'

/** A token, or why there is none: `retryable` is the failure to retry on, null when final. */
export type TokenOutcome =
  | { ok: true; token: string; exchange: TokenExchange }
  | { ok: false; exchange: TokenExchange; retryable: AttemptResult | null; reason: string }

interface CachedToken {
  token: string
  /** UNIX ms; null when the token server gave no `expires_in`. */
  expiresAt: number | null
}

/** The result of a request as the retry policy reads it. */
export const toAttemptResult = (result: OutboundResult): AttemptResult =>
  result.kind === 'response'
    ? { kind: 'response', status: result.status, headers: result.headers }
    : result.kind === 'timeout'
      ? { kind: 'timeout', afterMs: result.afterMs }
      : { kind: 'network-error', message: result.message }

function sentTokenRequest(request: ReturnType<typeof buildTokenRequest>): SentRequest {
  return {
    method: request.method,
    url: request.url,
    headers: Object.entries(request.headers).map(([name, value]) => ({
      name,
      value: name.toLowerCase() === 'authorization' ? maskAuthorization(value) : value,
    })),
    body: maskForm(request.body),
  }
}

/**
 * OAuth 2 access tokens of one sandbox's accounts (DESIGN.md section 6): a token is fetched from
 * the Access Token URL when first needed, cached until `expires_in` runs out, and fetched again
 * after the endpoint answers 401. Requests for the same account while one is under way wait for
 * it instead of asking again.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>()
  private readonly waiting = new Map<string, ((outcome: TokenOutcome) => void)[]>()

  constructor(
    private readonly deps: {
      sandbox: SandboxStore
      clock: Scheduler
      outbound: Outbound
      loop: WorkLoop
    },
  ) {}

  /** The cached token of an account while it has not expired. */
  valid(key: string): string | null {
    const cached = this.tokens.get(key)
    if (!cached) return null
    if (cached.expiresAt !== null && cached.expiresAt <= this.deps.clock.now()) return null
    return cached.token
  }

  /** Whether a token was ever cached for the account (an expired one counts). */
  known(key: string): boolean {
    return this.tokens.has(key)
  }

  /** Forgets the account's token if it is still `token` (a 401 rejected it). */
  invalidate(key: string, token: string | null): void {
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key)
  }

  fetch(
    key: string,
    auth: OAuth2Auth,
    cause: TokenExchange['cause'],
    done: (outcome: TokenOutcome) => void,
  ): void {
    const waiters = this.waiting.get(key)
    if (waiters) {
      waiters.push(done)
      return
    }
    this.waiting.set(key, [done])
    const { clock, outbound, sandbox, loop } = this.deps
    const request = buildTokenRequest(auth)
    const sent = sentTokenRequest(request)
    let end: (() => void) | null = null
    const progress = outbound.send(request, { timeoutMs: TOKEN_TIMEOUT_MS, sandbox }, (result) => {
      end?.()
      const outcome = this.read(key, cause, sent, result, clock.now())
      const list = this.waiting.get(key) ?? []
      this.waiting.delete(key)
      for (const waiter of list) waiter(outcome)
    })
    if (progress === 'in-flight') end = loop.begin()
  }

  private read(
    key: string,
    cause: TokenExchange['cause'],
    request: SentRequest,
    result: OutboundResult,
    now: number,
  ): TokenOutcome {
    if (result.kind !== 'response') {
      const error =
        result.kind === 'timeout'
          ? `The token server did not answer within ${TOKEN_TIMEOUT_MS / 1000} s.`
          : `The token request failed: ${result.message}`
      return {
        ok: false,
        exchange: { cause, request, response: null, error, durationMs: result.durationMs },
        retryable: toAttemptResult(result),
        reason: error,
      }
    }
    const parsed = parseTokenResponse(result.status, result.body)
    const exchange: TokenExchange = {
      cause,
      request,
      response: {
        status: result.status,
        headers: result.headers,
        body: maskJsonSecrets(result.body),
      },
      error: parsed.ok ? null : describeTokenError(parsed),
      durationMs: result.durationMs,
    }
    if (parsed.ok) {
      const expiresAt = parsed.expiresIn === null ? null : now + parsed.expiresIn * 1000
      this.tokens.set(key, { token: parsed.accessToken, expiresAt })
      return { ok: true, token: parsed.accessToken, exchange }
    }
    const retryable = isRetryableStatus(result.status)
    return {
      ok: false,
      exchange,
      retryable: retryable ? toAttemptResult(result) : null,
      reason: `The token request failed: ${describeTokenError(parsed)}`,
    }
  }
}
