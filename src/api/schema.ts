import { queryOptions } from '@tanstack/react-query'
import { unionSchemaResponseSchema } from '../../contracts/schema'
import { request } from './client'

/** The profile union schema as a field tree (the mapping step's Select field). */
export const unionSchemaQuery = (sandbox: string) =>
  queryOptions({
    queryKey: ['unionSchema', { sandbox }],
    queryFn: ({ signal }) =>
      request('/data/foundation/schemaregistry/tenant/schemas/_xdm.context.profile__union', {
        sandbox,
        schema: unionSchemaResponseSchema,
        signal,
      }),
    staleTime: Infinity,
  })
