import { queryOptions } from '@tanstack/react-query'
import { connectionSchema, listSchema } from '../contracts/flow-service'
import { FLOW_SERVICE, request } from './client'

const connectionList = listSchema(connectionSchema)

/** Base connections (accounts), optionally of one connection spec. */
export const connectionsQuery = (sandbox: string, specId?: string) =>
  queryOptions({
    queryKey: ['connections', { sandbox, specId }],
    queryFn: ({ signal }) => {
      const filter = specId ? `?property=${encodeURIComponent(`connectionSpec.id==${specId}`)}` : ''
      return request(`${FLOW_SERVICE}/connections${filter}`, {
        sandbox,
        schema: connectionList,
        signal,
      })
    },
    select: (data) => data.items,
  })
