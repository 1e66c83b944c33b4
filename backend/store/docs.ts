import type {
  AttemptAction,
  ExclusionReason,
  ExportCounters,
  ExportReason,
  ExportState,
  ReceivedResponse,
  ReceiverEntry,
  SentHeader,
  StreamPlacement,
  TokenExchange,
} from '../../contracts/engine/exports'
import type { ReceiverScenario } from '../../contracts/engine/receiver'
import type { RunWindow } from '../../contracts/engine/runs'
import type { StreamRecord } from '../../contracts/engine/streams'
import type { LogEntry } from './segmented-log'

/**
 * The documents the engine persists (docs/engine.md, "Persistence"). Records are kept compact:
 * the payload is one JSON string, request bodies are not stored again (an export request's body
 * is its payload), and headers that are the same for many records are the same array in memory,
 * which a segment stores once.
 */

/** One delivery attempt of an exported message. */
export interface AttemptDoc {
  number: number
  startedAt: number
  durationMs: number
  /** The request as sent, secrets masked, without its body (the record's payload). */
  request: { method: string; url: string; headers: SentHeader[] } | null
  response: ReceivedResponse | null
  error: string | null
  tokenExchange: TokenExchange | null
  action: AttemptAction
  retryInMs: number | null
  reason: string
  /** The number of the demo receiver's log entry for this request, when it answered it. */
  receipt: number | null
}

/** One exported profile message of a dataflow: an entry of the flow's export log. */
export interface ExportDoc extends LogEntry {
  rev: number
  profileId: string
  createdAt: number
  updatedAt: number
  reasons: ExportReason[]
  audienceIds: string[]
  payload: string
  state: ExportState
  statusCode: number | null
  nextAttemptAt: number | null
  failureReason: string | null
  failureCode: string | null
  /** Whether the one token refetch after a 401 was used. */
  tokenRefreshed: boolean
  attempts: AttemptDoc[]
  stream: StreamPlacement | null
}

/** A dataflow's exact counters and run windows (one document per flow). */
export interface FlowStatsDoc {
  id: string
  /** The prefix of the flow's export ids (`seqId`). */
  idPrefix: string
  /** Grows with every change of any of the flow's records (the summaries' `rev`). */
  rev: number
  counters: ExportCounters
  excludedBy: Partial<Record<ExclusionReason, number>>
  /** By window start (UNIX ms, as a string). */
  windows: Record<string, RunWindow>
}

/**
 * A request the demo receiver or token server got: an entry of the endpoint's log. When its body
 * is an export record's payload, `bodyOf` names the record, and the entry is stored without the
 * body (the record has it); the body is filled in again when the sandbox is loaded.
 */
export type ReceiverEntryDoc = Omit<ReceiverEntry, 'id' | 'endpoint'> & {
  bodyOf: BodySource | null
}

/** An endpoint's fault scenario and what is left of it, and the prefix of its entries' ids. */
export interface ReceiverEndpointDoc {
  id: string
  idPrefix: string
  scenario: ReceiverScenario
  remaining: number | null
  updatedAt: number | null
}

/** A record of an in-app Kinesis stream or event hub. */
export type StreamRecordDoc = StreamRecord

/** The last sequence number of each shard (partition) of an in-app stream. */
export interface StreamStateDoc {
  id: string
  shardSequences: number[]
}

/** The export record a request's body is the payload of: its dataflow and number. */
export interface BodySource {
  flowId: string
  seq: number
}

/**
 * A backfill under way, persisted so that a reload or a closed tab resumes it: the export records
 * it made are committed with the writes of the slice that made them, and on resume the profiles
 * that already have one are skipped.
 */
export interface BackfillDoc {
  id: string
  flowId: string
  audienceIds: string[]
  createdAt: number
}

/** An alert the user marked read (the bell's list): by the alert's id. */
export interface AlertReadDoc {
  id: string
  readAt: number
}
