import type { ReceiverEntry } from '../../contracts/engine/exports'
import {
  receiverEndpoint,
  type ReceiverRequests,
  type ReceiverScenario,
  type ReceiverScenarioStatus,
} from '../../contracts/engine/receiver'
import type { ReceiverEndpointDoc, ReceiverEntryDoc } from '../store/docs'
import type { Clock } from '../lib/clock'
import { newIdPrefix, seqId } from '../lib/ids'
import { maskForm, maskHeaderRecord } from '../lib/masking'
import type { SandboxStore } from '../store/collections'
import { SEGMENT_SIZE, SegmentedLog, type SegmentDoc } from '../store/segmented-log'
import type { BodySource } from '../store/docs'
import type { InAppRequest } from './outbound'
import {
  ANSWERS,
  answerByScenario,
  initialRemaining,
  type RateWindow,
  type ReceiverAnswer,
} from './scenarios'

/** The newest requests kept per endpoint (docs/engine.md, "Memory"). */
export const RECEIVER_RETAIN = 25_000

const DEFAULT_SCENARIO: ReceiverScenario = { kind: 'ok' }

const present = (prefix: string, endpoint: string, entry: ReceiverEntryDoc): ReceiverEntry => ({
  id: seqId(prefix, entry.seq),
  endpoint,
  seq: entry.seq,
  at: entry.at,
  method: entry.method,
  url: entry.url,
  headers: entry.headers,
  body: entry.body,
  status: entry.status,
  answeredAfterMs: entry.answeredAfterMs,
})

/**
 * What the demo receiver and token server of one sandbox got, per endpoint (host and path), and
 * each endpoint's fault scenario. Entries are persisted with the records of the deliveries that
 * sent them, in the same commit.
 */
export class ReceiverLog {
  private readonly logs = new Map<string, SegmentedLog<ReceiverEntryDoc>>()
  private readonly rates = new Map<string, RateWindow>()
  private readonly maskedHeaders = new WeakMap<object, Record<string, string>>()

  constructor(
    private readonly sandbox: SandboxStore,
    private readonly clock: Clock,
  ) {
    const loaded = SegmentedLog.loadAll(sandbox.collection('receiverSegments'))
    for (const [name, segments] of loaded) this.logs.set(name, this.open(name, segments))
  }

  status(endpointOrUrl: string): ReceiverScenarioStatus {
    const endpoint = receiverEndpoint(endpointOrUrl)
    const doc = this.sandbox.collection('receiverEndpoints').get(endpoint)
    return {
      endpoint,
      scenario: doc?.scenario ?? DEFAULT_SCENARIO,
      remaining: doc?.remaining ?? null,
      updatedAt: doc?.updatedAt ?? null,
    }
  }

  setScenario(endpointOrUrl: string, scenario: ReceiverScenario): ReceiverScenarioStatus {
    const endpoint = receiverEndpoint(endpointOrUrl)
    this.rates.delete(endpoint)
    this.sandbox.collection('receiverEndpoints').put({
      ...this.endpointDoc(endpoint),
      scenario,
      remaining: initialRemaining(scenario),
      updatedAt: this.clock.now(),
    })
    return this.status(endpoint)
  }

  /** Applies the endpoint's scenario to one request that passed the token check. */
  answer(endpoint: string): ReceiverAnswer {
    const endpoints = this.sandbox.collection('receiverEndpoints')
    const doc: ReceiverEndpointDoc | undefined = endpoints.get(endpoint)
    if (!doc || doc.scenario.kind === 'ok') return ANSWERS.accepted
    const result = answerByScenario(doc, this.rates.get(endpoint) ?? null, this.clock.now())
    if (result.rate) this.rates.set(endpoint, result.rate)
    if (result.remaining !== doc.remaining) endpoints.put({ ...doc, remaining: result.remaining })
    return result.answer
  }

  /** Records a request as answered, credentials masked; returns the entry's number. */
  record(endpoint: string, request: InAppRequest, status: number, answeredAfterMs: number): number {
    const log = this.logOf(endpoint)
    const seq = log.nextSeq
    const form = (request.headers['content-type'] ?? '').startsWith(
      'application/x-www-form-urlencoded',
    )
    log.append({
      seq,
      at: this.clock.now() - answeredAfterMs,
      method: request.method,
      url: request.url,
      headers: this.masked(request.headers),
      body: form ? maskForm(request.body) : request.body,
      status,
      answeredAfterMs,
      bodyOf: form ? null : request.bodyOf,
    })
    return seq
  }

  /**
   * Fills in the bodies stored as references to export records (`bodyOf`), once the records are
   * loaded; a body whose record is gone reads as empty.
   */
  resolveBodies(payloadOf: (source: BodySource) => string | undefined): void {
    for (const log of this.logs.values()) {
      for (const entry of log.all()) {
        if (entry.bodyOf) entry.body = payloadOf(entry.bodyOf) ?? ''
      }
    }
  }

  /**
   * Stores entry `seq` of an endpoint with its body again, instead of a reference to `source`:
   * the export record is about to be dropped.
   */
  keepBody(endpoint: string, seq: number, source: BodySource): void {
    const log = this.logs.get(endpoint)
    const entry = log?.get(seq)
    if (!log || entry?.bodyOf?.flowId !== source.flowId || entry.bodyOf.seq !== source.seq) return
    entry.bodyOf = null
    log.touch(seq)
  }

  /** The newest requests of an endpoint, newest first. */
  requests(endpointOrUrl: string, limit: number): ReceiverRequests {
    const endpoint = receiverEndpoint(endpointOrUrl)
    const log = this.logs.get(endpoint)
    const items: ReceiverEntry[] = []
    if (log) {
      const prefix = this.endpointDoc(endpoint).idPrefix
      for (const entry of log.newestFirst()) {
        if (items.length >= limit) break
        items.push(present(prefix, endpoint, entry))
      }
    }
    return { endpoint, items, total: log?.total ?? 0 }
  }

  /** Entry `seq` of an endpoint's log, while it is retained. */
  entry(endpoint: string, seq: number): ReceiverEntry | undefined {
    const found = this.logs.get(endpoint)?.get(seq)
    return found && present(this.endpointDoc(endpoint).idPrefix, endpoint, found)
  }

  /** The endpoint's document; one is made (scenario `ok`) the first time an endpoint is used. */
  private endpointDoc(endpoint: string): ReceiverEndpointDoc {
    const endpoints = this.sandbox.collection('receiverEndpoints')
    return (
      endpoints.get(endpoint) ??
      endpoints.put({
        id: endpoint,
        idPrefix: newIdPrefix(),
        scenario: DEFAULT_SCENARIO,
        remaining: null,
        updatedAt: null,
      })
    )
  }

  private logOf(endpoint: string): SegmentedLog<ReceiverEntryDoc> {
    let log = this.logs.get(endpoint)
    if (!log) {
      this.endpointDoc(endpoint)
      log = this.open(endpoint, [])
      this.logs.set(endpoint, log)
    }
    return log
  }

  private open(name: string, segments: SegmentDoc<ReceiverEntryDoc>[]) {
    return new SegmentedLog(
      this.sandbox.collection('receiverSegments'),
      name,
      { segmentSize: SEGMENT_SIZE, retain: RECEIVER_RETAIN },
      segments,
    )
  }

  private masked(headers: Readonly<Record<string, string>>): Record<string, string> {
    let masked = this.maskedHeaders.get(headers)
    if (!masked) {
      masked = maskHeaderRecord(headers)
      this.maskedHeaders.set(headers, masked)
    }
    return masked
  }
}
