import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import {
  createdSchema,
  flowSchema,
  listSchema,
  type CreateFlow,
  type JsonPatchOperation,
} from '../../contracts/flow-service'
import { FLOW_SERVICE, request, resourceKeys } from './client'

/** The query keys of flows. */
export const flowKeys = resourceKeys('flows')

const list = listSchema(flowSchema)

/** Destination dataflows (every page), optionally of one target connection spec. */
export const flowsQuery = (sandbox: string) =>
  queryOptions({
    queryKey: flowKeys.of({ sandbox }),
    queryFn: async ({ signal }) => {
      const filter = encodeURIComponent('inheritedAttributes.properties.isDestinationFlow==true')
      let next: string | undefined = `${FLOW_SERVICE}/flows?property=${filter}&limit=100`
      const items: z.infer<typeof flowSchema>[] = []
      while (next) {
        const page: z.infer<typeof list> = await request(next, { sandbox, schema: list, signal })
        items.push(...page.items)
        next = page._links?.next.href
      }
      return items
    },
  })

export const flowQuery = (sandbox: string, id: string) =>
  queryOptions({
    queryKey: flowKeys.of({ sandbox, id }),
    queryFn: ({ signal }) =>
      request(`${FLOW_SERVICE}/flows/${id}`, { sandbox, schema: list, signal }),
    select: (data) => data.items[0],
  })

export const createFlow = (sandbox: string, body: CreateFlow) =>
  request(`${FLOW_SERVICE}/flows`, { sandbox, method: 'POST', body, schema: createdSchema })

/** JSON Patch on a dataflow; `etag` is the version the change is based on (412 if stale). */
export const patchFlow = (
  sandbox: string,
  id: string,
  etag: string,
  operations: JsonPatchOperation[],
) =>
  request(`${FLOW_SERVICE}/flows/${id}`, {
    sandbox,
    method: 'PATCH',
    body: operations,
    headers: { 'if-match': etag },
    schema: createdSchema,
  })

export const setFlowEnabled = (sandbox: string, id: string, enabled: boolean) =>
  request(`${FLOW_SERVICE}/flows/${id}/action?op=${enabled ? 'enable' : 'disable'}`, {
    sandbox,
    method: 'POST',
    body: {},
    schema: createdSchema,
  })

export const deleteFlow = (sandbox: string, id: string) =>
  request(`${FLOW_SERVICE}/flows/${id}`, { sandbox, method: 'DELETE', schema: z.null() })
