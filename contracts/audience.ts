import { z } from 'zod'

/** The two merge policies of the demo organization. */
export const MERGE_POLICIES = {
  default: { id: '0bf16e61-90e9-4204-b8fa-ad250360957b', name: 'Default Time-based' },
  loyalty: { id: '7a2f8ee4-96b1-4f5e-b1f2-9c3a8d2c5e10', name: 'Loyalty program (ID stitching)' },
} as const

export const audienceOriginSchema = z.enum([
  'Segmentation Service',
  'Custom upload',
  'Audience Manager',
])
export const lifecycleStatusSchema = z.enum(['draft', 'published', 'inactive'])

/** An audience (segment definition) as the backend stores it. Times are UNIX milliseconds. */
export const audienceSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  description: z.string(),
  expression: z.object({
    type: z.literal('PQL'),
    format: z.literal('pql/text'),
    value: z.string().min(1),
  }),
  mergePolicyId: z.string(),
  origin: audienceOriginSchema,
  lifecycleStatus: lifecycleStatusSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
})

export type Audience = z.infer<typeof audienceSchema>
