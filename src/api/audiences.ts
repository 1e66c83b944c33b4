import { queryOptions } from '@tanstack/react-query'
import {
  segmentDefinitionListSchema,
  segmentDefinitionPath,
  segmentDefinitionSchema,
  SEGMENT_DEFINITIONS_PATH,
  type CreateSegmentDefinition,
} from '../../contracts/engine/segment-definitions'
import { request, resourceKeys } from './client'

/** The query keys of audiences. */
export const audienceKeys = resourceKeys('audiences')

export type { SegmentDefinition } from '../../contracts/engine/segment-definitions'

/** Every audience of the sandbox with its PQL and current profile count. */
export const audiencesQuery = (sandbox: string) =>
  queryOptions({
    queryKey: audienceKeys.of({ sandbox }),
    queryFn: ({ signal }) =>
      request(`${SEGMENT_DEFINITIONS_PATH}?limit=100`, {
        sandbox,
        schema: segmentDefinitionListSchema,
        signal,
      }),
    select: (data) => data.segments,
  })

export const audienceQuery = (sandbox: string, id: string) =>
  queryOptions({
    queryKey: audienceKeys.of({ sandbox, id }),
    queryFn: ({ signal }) =>
      request(segmentDefinitionPath(id), { sandbox, schema: segmentDefinitionSchema, signal }),
  })

/** Creates an audience from a PQL expression; the backend evaluates every profile at once. */
export const createAudience = (sandbox: string, body: CreateSegmentDefinition) =>
  request(SEGMENT_DEFINITIONS_PATH, {
    sandbox,
    method: 'POST',
    schema: segmentDefinitionSchema,
    body,
  })
