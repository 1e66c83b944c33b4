import { z } from 'zod'
import { LIMITS, tooLong } from '../limits'
import { audienceOriginSchema, lifecycleStatusSchema, MERGE_POLICIES } from '../audience'

/** The Segmentation Service's segment definitions (audiences). */
export const SEGMENT_DEFINITIONS_PATH = '/data/core/ups/segment/definitions'
export const segmentDefinitionPath = (id: string) => `${SEGMENT_DEFINITIONS_PATH}/${id}`

const mergePolicyIds = [MERGE_POLICIES.default.id, MERGE_POLICIES.loyalty.id] as const

const nameSchema = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(LIMITS.name, tooLong(LIMITS.name))
const descriptionSchema = z.string().max(LIMITS.description, tooLong(LIMITS.description))
const expressionFields = {
  type: z.literal('PQL').default('PQL'),
  format: z.literal('pql/text').default('pql/text'),
  value: z
    .string({ error: 'Enter a PQL expression.' })
    .trim()
    .min(1, 'Enter a PQL expression.')
    .max(LIMITS.pql, tooLong(LIMITS.pql)),
}
const mergePolicyIdSchema = z.enum(mergePolicyIds, { error: 'Select a merge policy.' })
const schemaClassFields = { name: z.literal('_xdm.context.profile') }

/**
 * Creates an audience (`POST /data/core/ups/segment/definitions`). The PQL is parsed on create: a
 * syntax error answers 400 with `errorDetails[0].path` `expression.value`, its message naming the
 * position, and `position` (0-based). Every profile is evaluated against the new audience.
 */
export const createSegmentDefinitionSchema = z.strictObject({
  name: nameSchema,
  description: descriptionSchema.default(''),
  expression: z.strictObject(expressionFields),
  mergePolicyId: mergePolicyIdSchema.default(MERGE_POLICIES.default.id),
  schema: z.strictObject(schemaClassFields).optional(),
})

/**
 * Overwrites an audience (`PATCH /data/core/ups/segment/definitions/{id}`): `name` and
 * `expression` are required, as in segmentation.yaml's SegmentDefinition (which requires `schema`
 * too; as on creation it may be left out, being the profile class or nothing). A description or
 * merge policy left out keeps the stored one. The fields follow creation's rules; a property the
 * request does not take is refused by its path. A new PQL is evaluated on every profile.
 */
export const updateSegmentDefinitionSchema = z.strictObject({
  name: nameSchema,
  description: descriptionSchema.optional(),
  expression: z.strictObject(expressionFields),
  mergePolicyId: mergePolicyIdSchema.optional(),
  schema: z.strictObject(schemaClassFields).optional(),
})

/** Paging of `GET /data/core/ups/segment/definitions`: `start` is the 0-based offset. */
export const segmentDefinitionsQuerySchema = z.strictObject({
  start: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(100),
})

/** A segment definition as the Segmentation Service returns it, with the demo's extras. */
export const segmentDefinitionSchema = z.object({
  id: z.string(),
  schema: z.object({ name: z.string() }),
  ttlInDays: z.number(),
  profileInstanceId: z.string(),
  imsOrgId: z.string(),
  sandbox: z.object({
    sandboxId: z.string(),
    sandboxName: z.string(),
    type: z.string(),
    default: z.boolean(),
  }),
  name: z.string(),
  description: z.string(),
  expression: z.object({ type: z.string(), format: z.string(), value: z.string() }),
  mergePolicyId: z.string(),
  evaluationInfo: z.object({
    batch: z.object({ enabled: z.boolean() }),
    continuous: z.object({ enabled: z.boolean() }),
    synchronous: z.object({ enabled: z.boolean() }),
  }),
  origin: audienceOriginSchema,
  lifecycleState: lifecycleStatusSchema,
  creationTime: z.number(),
  updateEpoch: z.number(),
  updateTime: z.number(),
  /** The number of profiles realized in the audience now. */
  metrics: z.object({ data: z.object({ totalProfiles: z.number().int() }) }),
})

export const segmentDefinitionListSchema = z.object({
  segments: z.array(segmentDefinitionSchema),
  page: z.object({
    totalCount: z.number().int(),
    totalPages: z.number().int(),
    sortField: z.string(),
    sort: z.string(),
    pageSize: z.number().int(),
    limit: z.number().int(),
  }),
  link: z.object({}).loose(),
})

/** The answer of `DELETE /data/core/ups/segment/definitions/{id}` (segmentation.yaml's MessageResponse). */
export const segmentDefinitionDeletedSchema = z.object({ status: z.boolean(), message: z.string() })

export type CreateSegmentDefinition = z.input<typeof createSegmentDefinitionSchema>
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>
export type SegmentDefinitionList = z.infer<typeof segmentDefinitionListSchema>
export type SegmentDefinitionDeleted = z.infer<typeof segmentDefinitionDeletedSchema>
