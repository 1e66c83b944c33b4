import type { ReceivedResponse, TokenExchange } from '../../../contracts/engine/exports'
import type { Cancel, Scheduler } from '../../lib/clock'
import type { SandboxStore } from '../../store/collections'
import type { Outbound, OutboundResult, SendOptions } from '../../receiver/outbound'
import type { AttemptDoc, ExportDoc } from '../../store/docs'
import {
  classifyAttempt,
  nextAttempt,
  TIMEOUT_MS,
  type AttemptResult,
  type NextAttempt,
} from '../rules/export/retry'
import type { DeliveryTarget, ExportHeaders, FlowConfig } from './flow-config'
import type { FlowExports } from './flow-exports'
import type { StreamStore } from './streams'
import { TokenCache, type TokenOutcome } from './token-cache'
import type { LoopTask, WorkLoop } from './work-loop'

/** Longest response body an attempt keeps (a real endpoint may answer with anything). */
const MAX_BODY = 16_384

/** A dataflow as the deliverer sees it: its records and its current configuration. */
export interface DeliveryFlow {
  readonly exports: FlowExports
  readonly disposed: boolean
  config(): FlowConfig | null
}

interface Job {
  flow: DeliveryFlow
  doc: ExportDoc
  /** Set for the resend after a 401: the token that was rejected. */
  rejectedToken: string | null
}

export interface DeliveryDeps {
  sandbox: SandboxStore
  clock: Scheduler
  outbound: Outbound
  loop: WorkLoop
  streams: StreamStore
  /** Uniform in [0, 1), for the retry jitter. */
  random: () => number
}

type HttpTarget = Extract<DeliveryTarget, { kind: 'http' }>
type StreamTarget = Extract<DeliveryTarget, { kind: 'kinesis' | 'event-hubs' }>

const failureCode = (result: AttemptResult): string =>
  result.kind === 'response'
    ? `EXPORT-HTTP-${result.status}`
    : result.kind === 'timeout'
      ? 'EXPORT-TIMEOUT'
      : 'EXPORT-NETWORK'

const JSON_HEADERS = { 'content-type': 'application/json' }

const STREAM_REJECTIONS = {
  kinesis: {
    response: {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({
        __type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      }),
    },
    reason: 'Amazon Kinesis rejected the access key (UnrecognizedClientException)',
  },
  'event-hubs': {
    response: {
      status: 401,
      headers: { 'content-type': 'application/xml' },
      body: '<Error><Code>401</Code><Detail>InvalidSignature: The token has an invalid signature.</Detail></Error>',
    },
    reason: 'Azure Event Hubs rejected the shared access key (401 InvalidSignature)',
  },
}

/**
 * Delivers exported messages (DESIGN.md section 6, "Delivery"): one attempt per queued message,
 * run in slices of the work loop. HTTP API messages are POSTed with the account's authentication
 * (OAuth tokens from the token cache) and retried by the retry policy (`export/retry.ts`) on
 * scheduler timers; Kinesis and Event Hubs messages are written to the in-app streams. Every
 * attempt is recorded on the message, with its request as sent (secrets masked) and its answer.
 */
export class Deliverer implements LoopTask {
  private queue: (Job | undefined)[] = []
  private head = 0
  private readonly timers = new Map<ExportDoc, { flow: DeliveryFlow; cancel: Cancel }>()
  private readonly tokens: TokenCache
  private disposed = false
  private lastResponse: ReceivedResponse | null = null
  private readonly sendOptions: SendOptions

  constructor(private readonly deps: DeliveryDeps) {
    this.tokens = new TokenCache(deps)
    this.sendOptions = { timeoutMs: TIMEOUT_MS, sandbox: deps.sandbox }
  }

  /**
   * The headers an attempt to `target` would send now, secrets included: for an OAuth account,
   * with the access token the cache holds, or null while it holds no valid one.
   */
  headersNow(target: HttpTarget): ExportHeaders | null {
    if (target.oauth === null) return target.headers(null)
    const token = this.tokens.valid(target.oauth.key)
    return token === null ? null : target.headers(token)
  }

  /** Queues a message for an attempt as soon as the loop gets to it. */
  enqueue(flow: DeliveryFlow, doc: ExportDoc, rejectedToken: string | null = null): void {
    if (this.disposed) return
    this.queue.push({ flow, doc, rejectedToken })
    this.deps.loop.add(this)
  }

  /** Queues a message once `delayMs` has passed on the scheduler. */
  later(flow: DeliveryFlow, doc: ExportDoc, delayMs: number): void {
    if (this.disposed) return
    const cancel = this.deps.clock.schedule(() => {
      this.timers.delete(doc)
      this.enqueue(flow, doc)
    }, delayMs)
    this.timers.set(doc, { flow, cancel })
  }

  /** Drops the timers of a deleted flow; its queued messages are skipped. */
  forget(flow: DeliveryFlow): void {
    for (const [doc, timer] of this.timers) {
      if (timer.flow !== flow) continue
      timer.cancel()
      this.timers.delete(doc)
    }
  }

  dispose(): void {
    this.disposed = true
    for (const timer of this.timers.values()) timer.cancel()
    this.timers.clear()
    this.queue = []
    this.head = 0
  }

  run(deadline: number): boolean {
    let count = 0
    while (this.head < this.queue.length) {
      if ((count++ & 7) === 0 && performance.now() >= deadline) return true
      const job = this.queue[this.head]
      this.queue[this.head++] = undefined
      if (job) this.attempt(job)
    }
    this.queue = []
    this.head = 0
    return false
  }

  private attempt(job: Job): void {
    const config = job.flow.disposed ? null : job.flow.config()
    if (!config || this.disposed) return
    const { target } = config
    switch (target.kind) {
      case 'http':
        this.attemptHttp(job, target)
        return
      case 'kinesis':
      case 'event-hubs':
        this.attemptStream(job, target)
        return
      case 'invalid':
        this.finish(
          job,
          this.emptyAttempt(job, target.reason, null),
          {
            action: 'fail',
            reason: target.reason,
          },
          'EXPORT-CONFIG',
          this.deps.clock.now(),
        )
    }
  }

  private attemptHttp(job: Job, target: HttpTarget): void {
    const { oauth } = target
    if (oauth === null) {
      this.send(job, target, null, null)
      return
    }
    const cached = this.tokens.valid(oauth.key)
    if (cached !== null && cached !== job.rejectedToken) {
      this.send(job, target, cached, null)
      return
    }
    const cause: TokenExchange['cause'] =
      job.rejectedToken !== null
        ? 'unauthorized'
        : this.tokens.known(oauth.key)
          ? 'expired'
          : 'no-token'
    const startedAt = this.deps.clock.now()
    this.tokens.fetch(oauth.key, oauth.auth, cause, (outcome) => {
      if (job.flow.disposed || this.disposed) return
      if (outcome.ok) this.send(job, target, outcome.token, outcome.exchange)
      else this.tokenFailed(job, outcome, startedAt)
    })
  }

  private send(
    job: Job,
    target: HttpTarget,
    token: string | null,
    exchange: TokenExchange | null,
  ): void {
    const { clock, outbound, loop } = this.deps
    const headers = target.headers(token)
    const startedAt = clock.now()
    let end: (() => void) | null = null
    const progress = outbound.send(
      {
        method: 'POST',
        url: target.url,
        headers: headers.actual,
        body: job.doc.payload,
        bodyOf: { flowId: job.flow.exports.flowId, seq: job.doc.seq },
      },
      this.sendOptions,
      (result) => {
        end?.()
        if (job.flow.disposed || this.disposed) return
        this.answered(job, target, token, exchange, startedAt, headers.request, result)
      },
    )
    if (progress === 'in-flight') end = loop.begin()
  }

  /** Records the answer to a request sent at `startedAt` with `token` (and its `exchange`). */
  private answered(
    job: Job,
    target: HttpTarget,
    token: string | null,
    exchange: TokenExchange | null,
    startedAt: number,
    request: AttemptDoc['request'],
    result: OutboundResult,
  ): void {
    const { doc } = job
    const lastResult: AttemptResult = result
    const number = doc.attempts.length + 1
    const answeredAt = startedAt + result.durationMs
    const next = nextAttempt(
      {
        attempts: number,
        oauth: target.oauth !== null,
        tokenRefreshed: doc.tokenRefreshed,
        lastResult,
      },
      { now: answeredAt, random: this.deps.random },
    )
    const { reason } = classifyAttempt(lastResult)
    const attempt: AttemptDoc = {
      number,
      startedAt,
      durationMs: result.durationMs,
      request,
      response: result.kind === 'response' ? this.responseOf(result) : null,
      error: result.kind === 'response' ? null : reason,
      tokenExchange: exchange,
      action: next.action,
      retryInMs: null,
      reason,
      receipt: result.kind === 'response' ? result.receipt : null,
    }
    const refreshing = next.action === 'refresh-token' ? target.oauth : null
    if (refreshing) {
      this.tokens.invalidate(refreshing.key, token)
      doc.tokenRefreshed = true
    }
    this.finish(job, attempt, next, failureCode(lastResult), answeredAt)
    if (refreshing) this.enqueue(job.flow, doc, token ?? '')
  }

  private tokenFailed(job: Job, outcome: Extract<TokenOutcome, { ok: false }>, startedAt: number) {
    const { doc } = job
    const number = doc.attempts.length + 1
    let next: NextAttempt = { action: 'fail', reason: outcome.reason }
    if (outcome.retryable) {
      const policy = nextAttempt(
        {
          attempts: number,
          oauth: true,
          tokenRefreshed: doc.tokenRefreshed,
          lastResult: outcome.retryable,
        },
        { now: this.deps.clock.now(), random: this.deps.random },
      )
      next =
        policy.action === 'fail'
          ? { action: 'fail', reason: `${outcome.reason} ${policy.reason}` }
          : policy
    }
    const attempt: AttemptDoc = {
      ...this.emptyAttempt(job, outcome.reason, outcome.exchange),
      startedAt,
      durationMs: outcome.exchange.durationMs,
    }
    this.finish(job, attempt, next, 'EXPORT-TOKEN', this.deps.clock.now())
  }

  private attemptStream(job: Job, target: StreamTarget): void {
    const { doc } = job
    const now = this.deps.clock.now()
    const base = {
      number: doc.attempts.length + 1,
      startedAt: now,
      durationMs: 0,
      request: null,
      error: null,
      tokenExchange: null,
      retryInMs: null,
      receipt: null,
    }
    if (!target.accepted) {
      const { response, reason } = STREAM_REJECTIONS[target.kind]
      this.finish(
        job,
        { ...base, response, action: 'fail', reason },
        { action: 'fail', reason },
        'EXPORT-CREDENTIALS',
        now,
      )
      return
    }
    const placement = this.deps.streams.put(target.kind, target.name, doc.profileId, doc.payload)
    doc.stream = placement
    const response =
      target.kind === 'kinesis'
        ? {
            status: 200,
            headers: JSON_HEADERS,
            body: JSON.stringify({
              ShardId: placement.shardId,
              SequenceNumber: placement.sequenceNumber,
            }),
          }
        : { status: 201, headers: {}, body: '' }
    const reason =
      target.kind === 'kinesis'
        ? `Written to stream ${target.name}, ${placement.shardId}`
        : `Sent to event hub ${target.name}, partition ${placement.shardId}`
    this.finish(job, { ...base, response, action: 'done', reason }, { action: 'done' }, '', now)
  }

  /** An answer as recorded; the demo receiver's alike answers share one object. */
  private responseOf(result: Extract<OutboundResult, { kind: 'response' }>): ReceivedResponse {
    const last = this.lastResponse
    if (
      last?.status === result.status &&
      last.headers === result.headers &&
      last.body === result.body
    ) {
      return last
    }
    const body = result.body.length > MAX_BODY ? result.body.slice(0, MAX_BODY) : result.body
    const response = { status: result.status, headers: result.headers, body }
    this.lastResponse = response
    return response
  }

  private emptyAttempt(job: Job, error: string, exchange: TokenExchange | null): AttemptDoc {
    return {
      number: job.doc.attempts.length + 1,
      startedAt: this.deps.clock.now(),
      durationMs: 0,
      request: null,
      response: null,
      error,
      tokenExchange: exchange,
      action: 'fail',
      retryInMs: null,
      reason: error,
      receipt: null,
    }
  }

  /**
   * Records the attempt and moves the message on at `now`: delivered, retried later, resent, or
   * failed.
   */
  private finish(
    job: Job,
    attempt: AttemptDoc,
    next: NextAttempt,
    code: string,
    now: number,
  ): void {
    const { flow, doc } = job
    attempt.action = next.action
    attempt.retryInMs = next.action === 'retry' ? next.delayMs : null
    if (next.action === 'fail') attempt.reason = next.reason
    switch (next.action) {
      case 'done':
        flow.exports.settle(doc, attempt, { state: 'delivered' }, now)
        return
      case 'retry':
        flow.exports.settle(
          doc,
          attempt,
          { state: 'retrying', nextAttemptAt: now + next.delayMs },
          now,
        )
        this.later(flow, doc, next.delayMs)
        return
      case 'refresh-token':
        flow.exports.settle(doc, attempt, { state: 'resend' }, now)
        return
      case 'fail':
        flow.exports.settle(doc, attempt, { state: 'failed', reason: next.reason, code }, now)
    }
  }
}
