import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { request } from './client'

export const SEGMENT_DEFINITIONS = '/data/core/ups/segment/definitions'

export const segmentDefinitionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  expression: z.object({ type: z.string(), format: z.string(), value: z.string() }),
  mergePolicyId: z.string(),
  origin: z.string(),
  lifecycleState: z.string(),
  creationTime: z.number(),
  updateTime: z.number(),
  metrics: z.object({ data: z.object({ totalProfiles: z.number() }) }),
})

const listSchema = z.object({
  segments: z.array(segmentDefinitionSchema),
  page: z.object({ totalCount: z.number() }),
})

export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>

/** Every audience of the sandbox with its PQL and current profile count. */
export const audiencesQuery = (sandbox: string) =>
  queryOptions({
    queryKey: ['audiences', { sandbox }],
    queryFn: ({ signal }) =>
      request(`${SEGMENT_DEFINITIONS}?limit=100`, { sandbox, schema: listSchema, signal }),
    select: (data) => data.segments,
  })

export const audienceQuery = (sandbox: string, id: string) =>
  queryOptions({
    queryKey: ['audiences', { sandbox, id }],
    queryFn: ({ signal }) =>
      request(`${SEGMENT_DEFINITIONS}/${id}`, { sandbox, schema: segmentDefinitionSchema, signal }),
  })
