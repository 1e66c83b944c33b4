import { z } from 'zod'

/** The in-app Amazon Kinesis streams and Azure event hubs that dataflows write to. */
export const streamKindSchema = z.enum(['kinesis', 'event-hubs'])

export const streamRecordsPath = (kind: StreamKind, name: string) =>
  `/demo/streams/${kind}/${encodeURIComponent(name)}/records`

/** One record of a stream, as a consumer reads it. */
export const streamRecordSchema = z.object({
  seq: z.number().int(),
  /** When it was written (Kinesis ApproximateArrivalTimestamp, Event Hubs enqueuedTime). */
  at: z.number(),
  kind: streamKindSchema,
  name: z.string(),
  partitionKey: z.string(),
  /** `shardId-000000000002` (Kinesis) or the partition id `2` (Event Hubs). */
  shardId: z.string(),
  sequenceNumber: z.string(),
  /** The exported JSON. */
  data: z.string(),
})

export const streamRecordsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
})

/** The newest records of a stream, newest first. */
export const streamRecordsSchema = z.object({
  kind: streamKindSchema,
  name: z.string(),
  items: z.array(streamRecordSchema),
  /** Records written since the sandbox was seeded, retained or not. */
  total: z.number().int(),
})

export type StreamKind = z.infer<typeof streamKindSchema>
export type StreamRecord = z.infer<typeof streamRecordSchema>
export type StreamRecords = z.infer<typeof streamRecordsSchema>
