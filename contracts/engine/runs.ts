import { z } from 'zod'
import { lastRunDetailsSchema, specRefSchema } from '../flow-service'

/** Dataflow runs (`GET /data/foundation/flowservice/runs?property=flowId==...`). */
export const RUNS_PATH = '/data/foundation/flowservice/runs'
export const flowRunsPath = (flowId: string, limit = 100) =>
  `${RUNS_PATH}?property=${encodeURIComponent(`flowId==${flowId}`)}&orderby=-createdAt&limit=${limit}`

/** A count of records skipped or failed for one reason. */
export const runInfoSchema = z.object({ code: z.string(), message: z.string(), count: z.number() })

/** `inProgress` for the current hour or while messages wait for a retry. */
export const runStatusSchema = lastRunDetailsSchema.shape.state

/**
 * One hourly streaming run, in the Flow Service's shape. Counts cover the messages the dataflow
 * decided in the hour, wherever their delivery ended: `inputRecordCount` is Profiles received,
 * `outputRecordCount` Identities activated, `skippedRecordCount` Identities excluded and
 * `failedRecordCount` Identities failed (one identity per profile message: estimated, as AEP does
 * for streaming profile destinations).
 */
export const runSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowSpec: specRefSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  sandboxName: z.string(),
  imsOrgId: z.string(),
  metrics: z.object({
    durationSummary: z.object({
      startedAtUTC: z.number(),
      /** The end of the hour; absent while the run is in progress. */
      completedAtUTC: z.number().optional(),
    }),
    recordSummary: z.object({
      inputRecordCount: z.number().int(),
      outputRecordCount: z.number().int(),
      skippedRecordCount: z.number().int(),
      failedRecordCount: z.number().int(),
      skippedInfo: z.array(runInfoSchema),
      failedInfo: z.array(runInfoSchema),
    }),
    statusSummary: z.object({
      status: runStatusSchema,
      /** The failures of the run, by reason. */
      errors: z.array(runInfoSchema),
    }),
  }),
  /** (activated + excluded) / received; null when nothing was received. */
  activationRate: z.number().nullable(),
})

export const runListSchema = z.object({
  items: z.array(runSchema),
  _links: z.object({ next: z.object({ href: z.string() }) }).optional(),
})

export type RunInfo = z.infer<typeof runInfoSchema>
export type RunStatus = z.infer<typeof runStatusSchema>
export type Run = z.infer<typeof runSchema>
export type RunList = z.infer<typeof runListSchema>

/** A count by reason, with the reason's message (a run's skippedInfo and failedInfo). */
export type CountByCode = Record<string, { message: string; count: number }>

/** The counts of one hourly run window: messages decided in that hour, wherever they ended. */
export interface RunWindow {
  start: number
  received: number
  activated: number
  excluded: number
  failed: number
  /** Messages of this window still pending or retrying. */
  inFlight: number
  skipped: CountByCode
  failures: CountByCode
  updatedAt: number
}

/** The run windows of a dataflow, by window start (UNIX ms, as a string). */
export interface RunWindows {
  windows: Readonly<Record<string, RunWindow>>
}
