import { z } from 'zod'
import { ACTIVATION_SKIPPED_RATE_EXCEEDED } from '../destination-alerts'
import { LIMITS, tooLong, tooMany } from '../limits'
import { runStatusSchema } from './runs'

/**
 * The alerts of the sandbox's dataflows, as the header's bell lists them (`GET`), and marking
 * some of them read (`POST .../read`). AEP serves its alerts through Experience Cloud
 * notifications, which have no public API: these are the console's own.
 */
export const ALERTS_PATH = '/demo/alerts'
export const ALERTS_READ_PATH = '/demo/alerts/read'

/**
 * One Activation Skipped Rate Exceeded alert: a run of a subscribed dataflow whose skipped rate
 * (identities excluded ÷ profiles received) is over the threshold. Alerts are computed from the
 * runs when read, so a run in progress has its alert from its counts so far.
 */
export const alertSchema = z.object({
  /** The same for the same run, read after read. */
  id: z.string(),
  /** The alert the dataflow subscribed to, by its id in the flow's `alerts`. */
  type: z.literal(ACTIVATION_SKIPPED_RATE_EXCEEDED),
  name: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  runId: z.string(),
  runStatus: runStatusSchema,
  /** The run's start (UNIX ms). */
  runStartedAt: z.number(),
  /** When the run's counts last changed (UNIX ms). */
  updatedAt: z.number(),
  receivedCount: z.number().int(),
  skippedCount: z.number().int(),
  /** skippedCount ÷ receivedCount, from 0 to 1. */
  skippedRate: z.number(),
  read: z.boolean(),
})

/** Every alert, newest run first, and how many are unread. */
export const alertListSchema = z.object({
  items: z.array(alertSchema),
  unread: z.number().int(),
})

/**
 * The body of `POST /demo/alerts/read`: the alerts to mark read, by id (each one an alert of the
 * sandbox), or `all: true` for every alert there is.
 */
export const markAlertsReadSchema = z
  .object({
    ids: z
      .array(z.string().max(LIMITS.label, tooLong(LIMITS.label)))
      .min(1, 'List the alert ids.')
      .max(LIMITS.listItems, tooMany(LIMITS.listItems))
      .optional(),
    all: z.literal(true).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'Send either ids or all: true.',
  })

export type Alert = z.infer<typeof alertSchema>
export type AlertList = z.infer<typeof alertListSchema>
export type MarkAlertsRead = z.infer<typeof markAlertsReadSchema>
