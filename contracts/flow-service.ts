import { z } from 'zod'
import { LIMITS, tooLong, tooMany } from './limits'

/** Request and response shapes of the Flow Service API, shared by the UI and the backend. */

export const specRefSchema = z.strictObject({
  id: z.string().trim().min(1, 'Enter the spec id.').max(LIMITS.label, tooLong(LIMITS.label)),
  version: z.string().max(LIMITS.label, tooLong(LIMITS.label)).default('1.0'),
})

const nameSchema = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(LIMITS.name, tooLong(LIMITS.name))
const descriptionSchema = z
  .string()
  .max(LIMITS.description, tooLong(LIMITS.description))
  .default('')
const labelSchema = z.string().max(LIMITS.label, tooLong(LIMITS.label))
const labelsSchema = z.array(labelSchema).max(LIMITS.listItems, tooMany(LIMITS.listItems))

/** Common metadata of every stored Flow Service entity. */
export const entityMetaSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  createdBy: z.string(),
  updatedBy: z.string(),
  createdClient: z.string(),
  updatedClient: z.string(),
  sandboxId: z.string(),
  sandboxName: z.string(),
  imsOrgId: z.string(),
  etag: z.string(),
  version: z.string(),
})

// Base connections (accounts) -----------------------------------------------------------------

export const authSchema = z.strictObject({
  specName: z
    .string({ error: 'Enter the auth spec name.' })
    .min(1, 'Enter the auth spec name.')
    .max(LIMITS.name, tooLong(LIMITS.name)),
  params: z.record(z.string(), z.unknown()).default({}),
})

/** The param the API stamps on an account's credentials when they are saved (an ISO date). */
export const AUTHORIZED_DATE = 'authorizedDate'

/** An account's auth params as entered: without the date the API stamped on them. */
export function enteredParams(params: Record<string, unknown>): Record<string, unknown> {
  const { [AUTHORIZED_DATE]: _stamped, ...entered } = params
  return entered
}

export const createConnectionSchema = z.strictObject({
  name: nameSchema,
  description: descriptionSchema,
  connectionSpec: specRefSchema,
  auth: authSchema.optional(),
})

export const connectionSchema = entityMetaSchema.extend({
  name: z.string(),
  description: z.string(),
  connectionSpec: specRefSchema,
  state: z.enum(['enabled', 'disabled']),
  auth: authSchema.optional(),
})

// Target and source connections ---------------------------------------------------------------

/** `schema` names the XDM schema of the data, as AEP's streaming destination tutorials send it. */
export const dataFormatSchema = z.strictObject({
  format: z.string().default('json'),
  schema: z.strictObject({ id: labelSchema, version: labelSchema }).optional(),
})

export const createTargetConnectionSchema = z.strictObject({
  name: nameSchema,
  description: descriptionSchema,
  baseConnectionId: z.string({ error: 'Enter the base connection id.' }).min(1),
  connectionSpec: specRefSchema,
  data: dataFormatSchema.default({ format: 'json' }),
  params: z.record(z.string(), z.unknown()).default({}),
})

export const targetConnectionSchema = entityMetaSchema.extend({
  name: z.string(),
  description: z.string(),
  baseConnectionId: z.string(),
  connectionSpec: specRefSchema,
  state: z.enum(['enabled', 'disabled']),
  data: dataFormatSchema,
  params: z.record(z.string(), z.unknown()),
})

export const createSourceConnectionSchema = z.strictObject({
  name: nameSchema,
  description: descriptionSchema,
  baseConnectionId: z.string().min(1).optional(),
  connectionSpec: specRefSchema,
  data: dataFormatSchema.default({ format: 'json' }),
  params: z.record(z.string(), z.unknown()).default({}),
})

export const sourceConnectionSchema = entityMetaSchema.extend({
  name: z.string(),
  description: z.string(),
  baseConnectionId: z.string().optional(),
  connectionSpec: specRefSchema,
  state: z.enum(['enabled', 'disabled']),
  data: dataFormatSchema,
  params: z.record(z.string(), z.unknown()),
})

// Dataflows -----------------------------------------------------------------------------------

export const profileSelectorSchema = z.strictObject({
  type: z.literal('JSON_PATH'),
  value: z.strictObject({
    path: z
      .string()
      .trim()
      .min(1, 'Enter the attribute path.')
      .max(LIMITS.label, tooLong(LIMITS.label)),
    operator: z.literal('EXISTS'),
  }),
})

export const segmentSelectorSchema = z.strictObject({
  type: z.literal('PLATFORM_SEGMENT'),
  value: z.strictObject({
    id: labelSchema.min(1, 'Enter the audience id.'),
    name: z.string().max(LIMITS.name, tooLong(LIMITS.name)).optional(),
    description: z.string().max(LIMITS.description, tooLong(LIMITS.description)).optional(),
    mappingCreatedAt: z.number().optional(),
    mappingUpdatedAt: z.number().optional(),
  }),
})

export const generalTransformSchema = z.strictObject({
  name: z.literal('GeneralTransform'),
  params: z.strictObject({
    profileSelectors: z.strictObject({ selectors: z.array(profileSelectorSchema) }),
    segmentSelectors: z.strictObject({ selectors: z.array(segmentSelectorSchema) }),
  }),
})

export const emptyGeneralTransform = (): z.infer<typeof generalTransformSchema> => ({
  name: 'GeneralTransform',
  params: { profileSelectors: { selectors: [] }, segmentSelectors: { selectors: [] } },
})

export const flowStateSchema = z.enum(['enabled', 'disabled'])

export const createFlowSchema = z.strictObject({
  name: nameSchema,
  description: descriptionSchema,
  flowSpec: specRefSchema,
  sourceConnectionIds: z.array(z.string().min(1)).min(1, 'Add a source connection id.'),
  targetConnectionIds: z.array(z.string().min(1)).min(1, 'Add a target connection id.'),
  transformations: z.array(generalTransformSchema).length(1).default([emptyGeneralTransform()]),
  state: flowStateSchema.default('enabled'),
  marketingActions: labelsSchema.default([]),
  alerts: labelsSchema.default([]),
})

/**
 * The parts of a flow that JSON Patch may change; everything else is read-only. It checks the
 * patched flow, which carries its metadata too, so only its nested objects are strict.
 */
export const mutableFlowSchema = z.object(
  createFlowSchema.pick({
    name: true,
    description: true,
    transformations: true,
    state: true,
    marketingActions: true,
    alerts: true,
  }).shape,
)

/**
 * The latest hourly run of a destination dataflow, as AEP lists it on flows (`GET /flows`):
 * `inProgress` for the current hour or while messages wait for a retry (docs/engine.md).
 */
export const lastRunDetailsSchema = z.object({
  id: z.string(),
  state: z.enum(['inProgress', 'success', 'failed']),
  startedAtUTC: z.number(),
  completedAtUTC: z.number().optional(),
  /** (activated + excluded) / received in that run; null when it received nothing. */
  activationRate: z.number().nullable(),
})

/** A connection as other entities name it in their `inheritedAttributes`. */
export const connectionMetaSchema = z.object({ id: z.string(), connectionSpec: specRefSchema })

/** What a source or target connection, and each connection of a flow, inherits from its account. */
export const inheritedBaseSchema = z.object({ baseConnection: connectionMetaSchema.nullable() })

export const flowSchema = entityMetaSchema.extend({
  name: z.string(),
  description: z.string(),
  flowSpec: specRefSchema,
  state: flowStateSchema,
  sourceConnectionIds: z.array(z.string()),
  targetConnectionIds: z.array(z.string()),
  transformations: z.array(generalTransformSchema),
  marketingActions: z.array(z.string()),
  alerts: z.array(z.string()),
  inheritedAttributes: z.object({
    properties: z.object({ isDestinationFlow: z.boolean() }),
    sourceConnections: z.array(connectionMetaSchema.extend(inheritedBaseSchema.shape)),
    targetConnections: z.array(connectionMetaSchema.extend(inheritedBaseSchema.shape)),
  }),
  runs: z.string(),
  /** Destination dataflows only. */
  lastRunDetails: lastRunDetailsSchema.optional(),
  lastOperation: z.object({
    started: z.number(),
    updated: z.number(),
    operation: z.enum(['create', 'update']),
    status: z.object({ value: z.enum(['completed', 'failed']) }),
  }),
})

export const jsonPatchOperationSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('replace'), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: z.string() }),
  z.object({ op: z.literal('move'), from: z.string(), path: z.string() }),
  z.object({ op: z.literal('copy'), from: z.string(), path: z.string() }),
  z.object({ op: z.literal('test'), path: z.string(), value: z.unknown() }),
])
export const jsonPatchSchema = z
  .array(jsonPatchOperationSchema)
  .min(1, 'Send at least one operation.')

export const createdSchema = z.object({ id: z.string(), etag: z.string() })

export const listSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    _links: z.object({ next: z.object({ href: z.string() }) }).optional(),
  })

export type SpecRef = z.infer<typeof specRefSchema>
export type EntityMeta = z.infer<typeof entityMetaSchema>
export type CreateConnection = z.input<typeof createConnectionSchema>
export type Connection = z.infer<typeof connectionSchema>
export type CreateTargetConnection = z.input<typeof createTargetConnectionSchema>
export type TargetConnection = z.infer<typeof targetConnectionSchema>
export type CreateSourceConnection = z.input<typeof createSourceConnectionSchema>
export type SourceConnection = z.infer<typeof sourceConnectionSchema>
export type InheritedBase = z.infer<typeof inheritedBaseSchema>
export type ProfileSelector = z.infer<typeof profileSelectorSchema>
export type SegmentSelector = z.infer<typeof segmentSelectorSchema>
export type GeneralTransform = z.infer<typeof generalTransformSchema>
export type CreateFlow = z.input<typeof createFlowSchema>
export type Flow = z.infer<typeof flowSchema>
export type LastRunDetails = z.infer<typeof lastRunDetailsSchema>
export type JsonPatchOperation = z.infer<typeof jsonPatchOperationSchema>
export type Created = z.infer<typeof createdSchema>
