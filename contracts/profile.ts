import { z } from 'zod'

/** One identity value in a namespace of the identity map, as in XDM. */
export const identitySchema = z.object({
  id: z.string().min(1),
  primary: z.boolean().optional(),
})

/** XDM identityMap: namespace code (ecid, email_lc_sha256, phone, ...) → identities. */
export const identityMapSchema = z.record(z.string().min(1), z.array(identitySchema))

export const membershipStatusSchema = z.enum(['realized', 'exited'])

export const membershipSchema = z.object({
  status: membershipStatusSchema,
  lastQualificationTime: z.string(),
})

/** A profile attribute tree in XDM shape: nested objects, leaves are strings, numbers or booleans. */
export type XdmValue = string | number | boolean | null | XdmValue[] | { [key: string]: XdmValue }
export type XdmObject = { [key: string]: XdmValue }

export const xdmObjectSchema: z.ZodType<XdmObject> = z.record(
  z.string(),
  z.lazy(() => xdmValueSchema),
)
/** One XDM attribute value: a string, number, boolean, null, array or nested object. */
export const xdmValueSchema: z.ZodType<XdmValue> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.lazy(() => xdmValueSchema)),
  z.lazy(() => xdmObjectSchema),
])

/** A unified profile as the backend stores it and the profiles API returns it. */
export const profileSchema = z.object({
  id: z.string(),
  attributes: xdmObjectSchema,
  identityMap: identityMapSchema,
  segmentMembership: z.object({ ups: z.record(z.string(), membershipSchema) }),
  createdAt: z.number(),
  updatedAt: z.number(),
})

export type Identity = z.infer<typeof identitySchema>
export type IdentityMap = z.infer<typeof identityMapSchema>
export type MembershipStatus = z.infer<typeof membershipStatusSchema>
export type Membership = z.infer<typeof membershipSchema>
export type Profile = z.infer<typeof profileSchema>
