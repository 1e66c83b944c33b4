import { queryOptions } from '@tanstack/react-query'
import { connectionSpecSchema } from '../../contracts/connection-spec'
import { listSchema } from '../../contracts/flow-service'
import { FLOW_SERVICE, request, resourceKeys } from './client'

/** The query keys of connectionSpecs. */
export const connectionSpecKeys = resourceKeys('connectionSpecs')

const connectionSpecList = listSchema(connectionSpecSchema)

/** Every connection spec; the catalog shows the destinations among them. */
export const connectionSpecsQuery = (sandbox: string) =>
  queryOptions({
    queryKey: connectionSpecKeys.of({ sandbox }),
    queryFn: ({ signal }) =>
      request(`${FLOW_SERVICE}/connectionSpecs`, { sandbox, schema: connectionSpecList, signal }),
    staleTime: Infinity,
    select: (data) => data.items,
  })
