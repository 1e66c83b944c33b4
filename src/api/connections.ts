import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { credentialCheckSchema } from '../../contracts/demo-credentials'
import {
  connectionSchema,
  createdSchema,
  listSchema,
  type CreateConnection,
  type JsonPatchOperation,
} from '../../contracts/flow-service'
import { FLOW_SERVICE, request, resourceKeys } from './client'

/** The query keys of connections. */
export const connectionKeys = resourceKeys('connections')

const connectionList = listSchema(connectionSchema)
const single = listSchema(connectionSchema)

/** Base connections (accounts), optionally of one connection spec. */
export const connectionsQuery = (sandbox: string, specId?: string) =>
  queryOptions({
    queryKey: connectionKeys.of({ sandbox, specId }),
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

/** One account; secrets come back masked. */
export const connectionQuery = (sandbox: string, id: string) =>
  queryOptions({
    queryKey: connectionKeys.of({ sandbox, id }),
    queryFn: ({ signal }) =>
      request(`${FLOW_SERVICE}/connections/${id}`, { sandbox, schema: single, signal }),
    select: (data) => data.items[0],
  })

export const createConnection = (sandbox: string, body: CreateConnection) =>
  request(`${FLOW_SERVICE}/connections`, { sandbox, method: 'POST', body, schema: createdSchema })

export const patchConnection = (
  sandbox: string,
  id: string,
  etag: string,
  operations: JsonPatchOperation[],
) =>
  request(`${FLOW_SERVICE}/connections/${id}`, {
    sandbox,
    method: 'PATCH',
    body: operations,
    headers: { 'if-match': etag },
    schema: createdSchema,
  })

export const deleteConnection = (sandbox: string, id: string) =>
  request(`${FLOW_SERVICE}/connections/${id}`, { sandbox, method: 'DELETE', schema: z.null() })

/** "Connect to destination": checks credentials (OAuth accounts really request a token). */
export const testCredentials = (
  sandbox: string,
  specId: string,
  auth: { specName: string; params: Record<string, unknown> },
) =>
  request(`${FLOW_SERVICE}/connectionSpecs/${specId}/test`, {
    sandbox,
    method: 'POST',
    body: { auth },
    schema: credentialCheckSchema,
  })
