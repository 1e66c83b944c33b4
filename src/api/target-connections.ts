import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import {
  createdSchema,
  listSchema,
  targetConnectionSchema,
  type CreateTargetConnection,
  type JsonPatchOperation,
} from '../../contracts/flow-service'
import { FLOW_SERVICE, request, resourceKeys } from './client'

/** The query keys of targetConnections. */
export const targetConnectionKeys = resourceKeys('targetConnections')

const list = listSchema(targetConnectionSchema)

export const targetConnectionsQuery = (sandbox: string) =>
  queryOptions({
    queryKey: targetConnectionKeys.of({ sandbox }),
    queryFn: ({ signal }) =>
      request(`${FLOW_SERVICE}/targetConnections`, { sandbox, schema: list, signal }),
    select: (data) => data.items,
  })

export const targetConnectionQuery = (sandbox: string, id: string) =>
  queryOptions({
    queryKey: targetConnectionKeys.of({ sandbox, id }),
    queryFn: ({ signal }) =>
      request(`${FLOW_SERVICE}/targetConnections/${id}`, { sandbox, schema: list, signal }),
    select: (data) => data.items[0],
  })

export const createTargetConnection = (sandbox: string, body: CreateTargetConnection) =>
  request(`${FLOW_SERVICE}/targetConnections`, {
    sandbox,
    method: 'POST',
    body,
    schema: createdSchema,
  })

export const patchTargetConnection = (
  sandbox: string,
  id: string,
  etag: string,
  operations: JsonPatchOperation[],
) =>
  request(`${FLOW_SERVICE}/targetConnections/${id}`, {
    sandbox,
    method: 'PATCH',
    body: operations,
    headers: { 'if-match': etag },
    schema: createdSchema,
  })

export const deleteTargetConnection = (sandbox: string, id: string) =>
  request(`${FLOW_SERVICE}/targetConnections/${id}`, {
    sandbox,
    method: 'DELETE',
    schema: z.null(),
  })
