import { z } from 'zod'

/** Generated profile updates (the Profiles screen's Generate traffic). */
export const TRAFFIC_PATH = '/data/core/ups/profiles/traffic'
export const trafficJobPath = (id: string) => `${TRAFFIC_PATH}/${id}`

/** Starts a traffic job: `updatesPerSecond` updates a second for `durationSeconds`, seeded. */
export const trafficRequestSchema = z.strictObject({
  updatesPerSecond: z
    .number({ error: 'Enter the updates per second.' })
    .int('Enter a whole number.')
    .min(1, 'Send at least 1 update a second.')
    .max(2000, 'Send at most 2,000 updates a second.'),
  durationSeconds: z
    .number({ error: 'Enter the duration in seconds.' })
    .int('Enter a whole number.')
    .min(1, 'Run for at least 1 second.')
    .max(3600, 'Run for at most 3,600 seconds.'),
  /** The same seed gives the same updates on the same data. */
  seed: z.number({ error: 'Enter a seed.' }).int('Enter a whole number.').default(1),
})

/**
 * The kinds of generated updates: a write of an attribute a dataflow maps (half of them with the
 * value it already has), of one no dataflow maps, a write that moves the profile into or out of
 * an audience, and an identity added to the identityMap.
 */
export const trafficKindSchema = z.enum([
  'mapped-attribute',
  'unmapped-attribute',
  'audience-change',
  'identity-added',
])

/** `interrupted`: the page was reloaded or closed while the job ran (jobs run in the page). */
export const trafficJobStateSchema = z.enum(['running', 'completed', 'stopped', 'interrupted'])

export const trafficJobSchema = z.object({
  id: z.string(),
  state: trafficJobStateSchema,
  updatesPerSecond: z.number().int(),
  durationSeconds: z.number().int(),
  seed: z.number().int(),
  startedAt: z.number(),
  endsAt: z.number(),
  /** When it completed or was stopped. */
  finishedAt: z.number().nullable(),
  /** Updates sent so far, of `planned`. */
  sent: z.number().int(),
  planned: z.number().int(),
  byKind: z.record(trafficKindSchema, z.number().int()),
  /** Dataflow decisions the updates caused: messages exported, profiles excluded. */
  exported: z.number().int(),
  excluded: z.number().int(),
  /** Updates the profile API refused (none, unless the generator writes what it should not). */
  refused: z.number().int(),
})

export const trafficJobListSchema = z.object({ items: z.array(trafficJobSchema) })

export type TrafficRequest = z.input<typeof trafficRequestSchema>
export type TrafficKind = z.infer<typeof trafficKindSchema>
export type TrafficJob = z.infer<typeof trafficJobSchema>
