import { z } from 'zod'
import { membershipStatusSchema } from '../profile'

/**
 * The export log of a dataflow: one record per exported profile message, its delivery attempts,
 * and the live stream of changes (docs/engine.md). Paths are relative to the app's origin.
 */
export const exportsPath = (flowId: string) =>
  `/data/foundation/flowservice/flows/${flowId}/exports`
export const exportPath = (flowId: string, exportId: string) => `${exportsPath(flowId)}/${exportId}`
export const exportStreamPath = (flowId: string) => `${exportsPath(flowId)}/stream`
export const exportCurlPath = (flowId: string, exportId: string) =>
  `${exportPath(flowId, exportId)}/curl`

/**
 * Where a message is in its delivery: `pending` until its first attempt ends, `retrying` after a
 * failed attempt with a retry to come, then `delivered` or `failed` for good.
 */
export const exportStateSchema = z.enum(['pending', 'retrying', 'delivered', 'failed'])

/** What triggered an export (DESIGN.md section 6), or `backfill` when its audience was added. */
export const exportTriggerSchema = z.enum(['segment', 'identity', 'attribute', 'backfill'])

/** A profile's status in one audience before an update; `none` when it had no membership. */
export const segmentStatusSchema = z.enum(['none', 'realized', 'exited'])

/**
 * Why a profile was exported: a mapped audience's status changed, its identityMap changed
 * (identities as `namespace:id`), a mapped attribute was written (the mapped path), or the
 * audience was added to the dataflow (backfill).
 */
export const exportReasonSchema = z.discriminatedUnion('trigger', [
  z.object({
    trigger: z.literal('segment'),
    audienceId: z.string(),
    from: segmentStatusSchema,
    to: membershipStatusSchema,
  }),
  z.object({
    trigger: z.literal('identity'),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
  z.object({ trigger: z.literal('attribute'), path: z.string() }),
  z.object({ trigger: z.literal('backfill'), audienceId: z.string() }),
])

/**
 * Why an evaluated, in-scope profile was not sent: no trigger applied (exports are incremental),
 * or it has neither a mapped attribute nor an identity to send (AEP's "missing attributes").
 */
export const exclusionReasonSchema = z.enum(['no-relevant-change', 'no-mapped-data'])

/** What a dataflow sends to. */
export const destinationKindSchema = z.enum(['http', 'kinesis', 'event-hubs'])

/** Exact counts over the dataflow's whole life, retained records or not. */
export const exportCountersSchema = z.object({
  delivered: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  excluded: z.number().int(),
})

/** One row of the Exports tab. */
export const exportSummarySchema = z.object({
  id: z.string(),
  /** Order of creation in the dataflow: lists are newest (highest) first. */
  seq: z.number().int(),
  /** Grows with every change of any record of the dataflow: keep the row with the highest. */
  rev: z.number().int(),
  flowId: z.string(),
  profileId: z.string(),
  /** The profile's primary identity as `namespace:id` (the first one without a primary), or ''. */
  identity: z.string(),
  destination: destinationKindSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The first reason's trigger. */
  trigger: exportTriggerSchema,
  /** The mapped audiences the message concerns: changed or backfilled ones, else those it is in. */
  audienceIds: z.array(z.string()),
  state: exportStateSchema,
  /** The status code of the last answer (HTTP, or the stream's), null before any answer. */
  statusCode: z.number().int().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.number().nullable(),
  failureReason: z.string().nullable(),
})

/** A header as sent, secrets masked (`••••••` and the last 4 characters of long values). */
export const sentHeaderSchema = z.object({ name: z.string(), value: z.string() })

/** A request as the engine sent it, secrets masked. */
export const sentRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(sentHeaderSchema),
  body: z.string(),
})

/** An answer as the engine received it. */
export const receivedResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
})

/**
 * A token request made before an attempt: the first one, after the token expired, or the one
 * refetch after the endpoint answered 401. Secrets in the request and the token in the answer
 * are masked.
 */
export const tokenExchangeSchema = z.object({
  cause: z.enum(['no-token', 'expired', 'unauthorized']),
  request: sentRequestSchema,
  response: receivedResponseSchema.nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
})

/**
 * What the engine does after an attempt: nothing more (`done`), retry after `retryInMs`, refetch
 * the token and resend (`refresh-token`), or give up (`fail`).
 */
export const attemptActionSchema = z.enum(['done', 'retry', 'refresh-token', 'fail'])

/** One delivery attempt: request as sent, the answer or the error, and what followed. */
export const exportAttemptSchema = z.object({
  number: z.number().int(),
  startedAt: z.number(),
  durationMs: z.number(),
  /** Null when no request went out (a token request failed) and for stream destinations. */
  request: sentRequestSchema.nullable(),
  /** Null after a network error or a timeout. */
  response: receivedResponseSchema.nullable(),
  /** The network error or timeout, in plain words. */
  error: z.string().nullable(),
  tokenExchange: tokenExchangeSchema.nullable(),
  action: attemptActionSchema,
  retryInMs: z.number().nullable(),
  /** Why the attempt counts as it does, in plain words. */
  reason: z.string(),
})

/** Where a Kinesis or Event Hubs message landed in the in-app stream. */
export const streamPlacementSchema = z.object({
  kind: z.enum(['kinesis', 'event-hubs']),
  /** The Kinesis stream or the event hub. */
  name: z.string(),
  partitionKey: z.string(),
  /** The Kinesis shard id, or the Event Hubs partition id. */
  shardId: z.string(),
  sequenceNumber: z.string(),
})

/** A request the demo receiver (or token server) got, and how it answered. */
export const receiverEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.number(),
  /** Host and path, the key of the receiver's fault scenario and log. */
  endpoint: z.string(),
  method: z.string(),
  url: z.string(),
  /** As received (names in lower case), credentials masked. */
  headers: z.record(z.string(), z.string()),
  /** As received; credentials in token request forms masked. */
  body: z.string(),
  status: z.number().int(),
  answeredAfterMs: z.number(),
})

/** The detail of one exported message. */
export const exportRecordSchema = exportSummarySchema.extend({
  reasons: z.array(exportReasonSchema),
  /** The exported JSON. */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.array(exportAttemptSchema),
  stream: streamPlacementSchema.nullable(),
  /** What the demo receiver recorded for this message's requests, when retained. */
  receiver: z.array(receiverEntrySchema),
  /** The last request as a cURL command (secrets masked); null for stream destinations. */
  curl: z.string().nullable(),
})

/**
 * Query of a message's cURL command: masked by default; `secrets=true` asks, explicitly, for the
 * command with the account's secrets as the next attempt would send them.
 */
export const exportCurlQuerySchema = z.strictObject({
  secrets: z.enum(['true', 'false']).default('false'),
})

/** A message's request as a cURL command. */
export const exportCurlSchema = z.object({
  curl: z.string(),
  /** Whether the command carries the secrets (replayable) or shows them masked. */
  secrets: z.boolean(),
})

/** Query of the export list. `cursor` comes from `nextCursor`. */
export const exportListQuerySchema = z.strictObject({
  state: exportStateSchema.optional(),
  audienceId: z.string().min(1).optional(),
  /** Matches the export id, the profile id, or an identity value of the profile (contains). */
  search: z.string().trim().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().optional(),
})

/** Query of the live stream of export changes: the list's filters. */
export const exportStreamQuerySchema = exportListQuerySchema.pick({
  state: true,
  audienceId: true,
  search: true,
})

/** A page of the export list, newest first. */
export const exportListSchema = z.object({
  items: z.array(exportSummarySchema),
  counters: exportCountersSchema,
  /** How many records the dataflow keeps now (the newest; see docs/engine.md). */
  retained: z.number().int(),
  nextCursor: z.string().nullable(),
})

/** Names of the server-sent events of the export stream. */
export const EXPORT_STREAM_EVENTS = {
  /** Every record created or changed since the last event, and the counters. */
  exports: 'exports',
  /** Sent when nothing changed for a while, so clients know the stream is alive. */
  heartbeat: 'heartbeat',
  /** The dataflow is gone (deleted, or its sandbox reset); the stream ends. */
  closed: 'closed',
} as const

/**
 * The data of an `exports` event: summaries of the records created or changed since the last one
 * (matching the stream's filters), newest first. `overflow` means more changed than one event
 * carries: refetch the list.
 */
export const exportStreamBatchSchema = z.object({
  at: z.number(),
  items: z.array(exportSummarySchema),
  counters: exportCountersSchema,
  overflow: z.boolean(),
})

export const exportHeartbeatSchema = z.object({ at: z.number() })

export type ExportState = z.infer<typeof exportStateSchema>
export type ExportTrigger = z.infer<typeof exportTriggerSchema>
export type SegmentStatus = z.infer<typeof segmentStatusSchema>
export type ExportReason = z.infer<typeof exportReasonSchema>
export type ExclusionReason = z.infer<typeof exclusionReasonSchema>
export type DestinationKind = z.infer<typeof destinationKindSchema>
export type ExportCounters = z.infer<typeof exportCountersSchema>
export type ExportSummary = z.infer<typeof exportSummarySchema>
export type SentHeader = z.infer<typeof sentHeaderSchema>
export type SentRequest = z.infer<typeof sentRequestSchema>
export type ReceivedResponse = z.infer<typeof receivedResponseSchema>
export type TokenExchange = z.infer<typeof tokenExchangeSchema>
export type AttemptAction = z.infer<typeof attemptActionSchema>
export type ExportAttempt = z.infer<typeof exportAttemptSchema>
export type StreamPlacement = z.infer<typeof streamPlacementSchema>
export type ReceiverEntry = z.infer<typeof receiverEntrySchema>
export type ExportRecord = z.infer<typeof exportRecordSchema>
export type ExportListQuery = z.input<typeof exportListQuerySchema>
export type ExportList = z.infer<typeof exportListSchema>
export type ExportCurl = z.infer<typeof exportCurlSchema>
export type ExportStreamBatch = z.infer<typeof exportStreamBatchSchema>
