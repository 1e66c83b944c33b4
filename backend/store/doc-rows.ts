import type {
  AttemptAction,
  ExportReason,
  ExportState,
  ReceivedResponse,
  SentHeader,
  StreamPlacement,
  TokenExchange,
} from '../../contracts/engine/exports'
import type { StreamKind } from '../../contracts/engine/streams'
import { createInterner } from '../lib/intern'
import type { EntryCodec } from './segmented-log'
import type { AttemptDoc, ExportDoc, ReceiverEntryDoc, StreamRecordDoc } from './docs'

/**
 * How the engine's log entries are stored (docs/engine.md, "Persistence"): each as one flat row
 * of values in a fixed order instead of objects. IndexedDB serializes on the main thread, and
 * pays for every object (and every property name) it meets; a row is one array, which makes a
 * segment about twice as fast to commit. Objects that many entries share (headers, answers,
 * reasons) stay shared. Storage gives back a copy of every string: the repeated ones (states,
 * reasons, profile ids...) are shared again when read.
 */

type AttemptRow = [
  number: number,
  startedAt: number,
  durationMs: number,
  request: { method: string; url: string; headers: SentHeader[] } | null,
  response: ReceivedResponse | null,
  error: string | null,
  tokenExchange: TokenExchange | null,
  action: AttemptAction,
  retryInMs: number | null,
  reason: string,
  receipt: number | null,
]

type ExportFields = [
  seq: number,
  rev: number,
  profileId: string,
  reasons: ExportReason[],
  audienceIds: string[],
  payload: string,
  createdAt: number,
  updatedAt: number,
  state: ExportState,
  statusCode: number | null,
  nextAttemptAt: number | null,
  failureReason: string | null,
  failureCode: string | null,
  tokenRefreshed: boolean,
  stream: StreamPlacement | null,
]

/** A record's fields, then the values of each of its attempts, one after the other. */
export type ExportRow = [...ExportFields, ...AttemptRow[number][]]

const EXPORT_FIELDS = 15
const ATTEMPT_FIELDS = 11

const shared = createInterner()
const sharedOrNull = (value: string | null) => (value === null ? null : shared(value))

type ReceiverFields = [
  seq: number,
  at: number,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | null,
  status: number,
  answeredAfterMs: number,
]

/**
 * An entry's values; one whose body is an export record's payload ends with the record's flow and
 * number instead of a copy of the body (null in its place).
 */
export type ReceiverRow = ReceiverFields | ReceiverRowWithSource
type ReceiverRowWithSource = [...ReceiverFields, flowId: string, exportSeq: number]

const hasBodySource = (row: ReceiverRow): row is ReceiverRowWithSource => row.length > 8

export type StreamRow = [
  seq: number,
  at: number,
  kind: StreamKind,
  name: string,
  partitionKey: string,
  shardId: string,
  sequenceNumber: string,
  data: string,
]

const decodeAttempt = (row: AttemptRow): AttemptDoc => ({
  number: row[0],
  startedAt: row[1],
  durationMs: row[2],
  request: row[3],
  response: row[4],
  error: sharedOrNull(row[5]),
  tokenExchange: row[6],
  action: shared(row[7]),
  retryInMs: row[8],
  reason: shared(row[9]),
  receipt: row[10],
})

export const exportRows: EntryCodec<ExportDoc, ExportRow> = {
  isFinal: (d) => d.state === 'delivered' || d.state === 'failed',
  encode: (d) => {
    const row: ExportRow = [
      d.seq,
      d.rev,
      d.profileId,
      d.reasons,
      d.audienceIds,
      d.payload,
      d.createdAt,
      d.updatedAt,
      d.state,
      d.statusCode,
      d.nextAttemptAt,
      d.failureReason,
      d.failureCode,
      d.tokenRefreshed,
      d.stream,
    ]
    for (const a of d.attempts) {
      row.push(
        a.number,
        a.startedAt,
        a.durationMs,
        a.request,
        a.response,
        a.error,
        a.tokenExchange,
        a.action,
        a.retryInMs,
        a.reason,
        a.receipt,
      )
    }
    return row
  },
  decode: (row) => {
    const attempts: AttemptDoc[] = []
    for (let start = EXPORT_FIELDS; start < row.length; start += ATTEMPT_FIELDS) {
      attempts.push(decodeAttempt(row.slice(start, start + ATTEMPT_FIELDS) as AttemptRow))
    }
    return {
      seq: row[0],
      rev: row[1],
      profileId: shared(row[2]),
      reasons: row[3],
      audienceIds: row[4],
      payload: row[5],
      createdAt: row[6],
      updatedAt: row[7],
      state: shared(row[8]),
      statusCode: row[9],
      nextAttemptAt: row[10],
      failureReason: sharedOrNull(row[11]),
      failureCode: sharedOrNull(row[12]),
      tokenRefreshed: row[13],
      attempts,
      stream: row[14],
    }
  },
}

export const receiverRows: EntryCodec<ReceiverEntryDoc, ReceiverRow> = {
  isFinal: () => true,
  encode: (e) =>
    e.bodyOf
      ? [
          e.seq,
          e.at,
          e.method,
          e.url,
          e.headers,
          null,
          e.status,
          e.answeredAfterMs,
          e.bodyOf.flowId,
          e.bodyOf.seq,
        ]
      : [e.seq, e.at, e.method, e.url, e.headers, e.body, e.status, e.answeredAfterMs],
  decode: (row) => ({
    seq: row[0],
    at: row[1],
    method: shared(row[2]),
    url: shared(row[3]),
    headers: row[4],
    body: row[5] ?? '',
    status: row[6],
    answeredAfterMs: row[7],
    bodyOf: hasBodySource(row) ? { flowId: shared(row[8]), seq: row[9] } : null,
  }),
}

export const streamRows: EntryCodec<StreamRecordDoc, StreamRow> = {
  isFinal: () => true,
  encode: (r) => [r.seq, r.at, r.kind, r.name, r.partitionKey, r.shardId, r.sequenceNumber, r.data],
  decode: (row) => ({
    seq: row[0],
    at: row[1],
    kind: row[2],
    name: row[3],
    partitionKey: row[4],
    shardId: row[5],
    sequenceNumber: row[6],
    data: row[7],
  }),
}
