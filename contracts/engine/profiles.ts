import { z } from 'zod'
import { jsonPatchOperationSchema } from '../flow-service'
import { membershipStatusSchema, profileSchema } from '../profile'
import { exclusionReasonSchema, exportReasonSchema, segmentStatusSchema } from './exports'

/** The Profile Access API paths of the demo (docs/api.md). */
export const PROFILES_PATH = '/data/core/ups/profiles'
export const ACCESS_ENTITIES_PATH = '/data/core/ups/access/entities'
export const profilePath = (id: string) => `${PROFILES_PATH}/${id}`

/** Query of the profile list: `search` matches identity values, the name and the email. */
export const profileListQuerySchema = z.strictObject({
  search: z.string().trim().default(''),
  start: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** One row of the Profiles screen. */
export const profileSummarySchema = z.object({
  id: z.string(),
  /** `person.name.firstName` and `lastName`, or null. */
  name: z.string().nullable(),
  /** `personalEmail.address`, or null. */
  email: z.string().nullable(),
  primaryIdentity: z.object({ namespace: z.string(), id: z.string() }).nullable(),
  identityCount: z.number().int(),
  /** The audiences the profile is realized in. */
  audienceIds: z.array(z.string()),
  updatedAt: z.number(),
})

export const profileListSchema = z.object({
  profiles: z.array(profileSummarySchema),
  page: z.object({
    totalCount: z.number().int(),
    start: z.number().int(),
    limit: z.number().int(),
  }),
})

const EDITABLE = /^\/(attributes|identityMap)(\/|$)/

/**
 * A profile update: JSON Patch (RFC 6902) on `/attributes/...` (XDM attributes, nested) and
 * `/identityMap/...`. Every operation's path (and `from`) must be under one of the two. An
 * `add`, `replace`, `remove`, `move` or `copy` writes its path, even with the same value.
 */
export const profilePatchSchema = z
  .array(jsonPatchOperationSchema)
  .min(1, 'Send at least one operation.')
  .superRefine((operations, ctx) => {
    operations.forEach((operation, index) => {
      const pointers = 'from' in operation ? [operation.path, operation.from] : [operation.path]
      for (const pointer of pointers) {
        if (!EDITABLE.test(pointer)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, pointer === operation.path ? 'path' : 'from'],
            message: `'${pointer}' cannot be changed: edit /attributes/... or /identityMap/...`,
          })
        }
      }
    })
  })

/** A membership whose status the update changed (streaming segmentation). */
export const membershipChangeSchema = z.object({
  audienceId: z.string(),
  from: segmentStatusSchema,
  to: membershipStatusSchema,
})

/**
 * What the update meant for one enabled dataflow whose scope includes the profile: exported
 * (with the record's id and the reasons) or excluded (with the reason). Dataflows the profile is
 * out of scope for are not listed.
 */
export const flowDecisionSchema = z.discriminatedUnion('decision', [
  z.object({
    flowId: z.string(),
    decision: z.literal('export'),
    exportId: z.string(),
    reasons: z.array(exportReasonSchema),
  }),
  z.object({
    flowId: z.string(),
    decision: z.literal('excluded'),
    reason: exclusionReasonSchema,
  }),
])

/** The answer of `PATCH /data/core/ups/profiles/{id}`: the profile and what the update caused. */
export const profileUpdateResultSchema = z.object({
  profile: profileSchema,
  evaluation: z.object({
    /** XDM dot paths the patch wrote (`person.name.firstName`), identity writes excluded. */
    writtenPaths: z.array(z.string()),
    identityChanged: z.boolean(),
    memberships: z.array(membershipChangeSchema),
    exports: z.array(flowDecisionSchema),
  }),
})

/** `GET /data/core/ups/access/entities`: a profile by one of its identities, as in AEP. */
export const accessEntitiesQuerySchema = z.strictObject({
  entityId: z.string().trim().min(1, 'Send the identity value in entityId.'),
  /** The identity namespace code (`email`, `ecid`, `phone`, ...); without it, entityId is a profile id. */
  entityIdNS: z.string().trim().min(1).optional(),
})

/** One entity of the Profile Access API answer, keyed by its id. */
export const accessEntitySchema = z.object({
  entityId: z.string(),
  sources: z.array(z.string()),
  /** The XDM attributes with `identityMap` and `segmentMembership`. */
  entity: z.record(z.string(), z.unknown()),
  lastModifiedAt: z.string(),
})

export const accessEntitiesSchema = z.record(z.string(), accessEntitySchema)

export type ProfileListQuery = z.input<typeof profileListQuerySchema>
export type ProfileSummary = z.infer<typeof profileSummarySchema>
export type ProfileList = z.infer<typeof profileListSchema>
export type ProfilePatch = z.infer<typeof profilePatchSchema>
export type MembershipChange = z.infer<typeof membershipChangeSchema>
export type FlowDecision = z.infer<typeof flowDecisionSchema>
export type ProfileUpdateResult = z.infer<typeof profileUpdateResultSchema>
export type AccessEntities = z.infer<typeof accessEntitiesSchema>
