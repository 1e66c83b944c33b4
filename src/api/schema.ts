import { queryOptions } from '@tanstack/react-query'
import { unionSchemaResponseSchema } from '../../contracts/schema'
import { request, resourceKeys } from './client'

/** The query keys of unionSchema. */
export const unionSchemaKeys = resourceKeys('unionSchema')

/** The profile union schema as a field tree (the mapping step's Select field). */
export const unionSchemaQuery = (sandbox: string) =>
  queryOptions({
    queryKey: unionSchemaKeys.of({ sandbox }),
    queryFn: ({ signal }) =>
      request('/data/foundation/schemaregistry/tenant/schemas/_xdm.context.profile__union', {
        sandbox,
        schema: unionSchemaResponseSchema,
        signal,
      }),
    staleTime: Infinity,
  })
