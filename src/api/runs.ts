import { queryOptions } from '@tanstack/react-query'
import { flowRunsPath, runListSchema } from '../../contracts/engine/runs'
import { request, resourceKeys } from './client'

/** The query keys of runs. */
export const runKeys = resourceKeys('runs')

/** The hourly runs of a dataflow, newest first. */
export const runsQuery = (sandbox: string, flowId: string) =>
  queryOptions({
    queryKey: runKeys.of({ sandbox, flowId }),
    queryFn: ({ signal }) =>
      request(flowRunsPath(flowId), { sandbox, schema: runListSchema, signal }),
    select: (data) => data.items,
  })
