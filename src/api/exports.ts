import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import {
  exportCurlPath,
  exportCurlSchema,
  exportListSchema,
  exportPath,
  exportRecordSchema,
  exportsPath,
  exportStreamPath,
  type ExportListQuery,
} from '../../contracts/engine/exports'
import { request, resourceKeys } from './client'

/** The query keys of exports. */
export const exportKeys = resourceKeys('exports')

export type ExportFilters = Pick<ExportListQuery, 'state' | 'audienceId' | 'search'>

const filterParams = (filters: ExportFilters) => {
  const query = new URLSearchParams()
  if (filters.state) query.set('state', filters.state)
  if (filters.audienceId) query.set('audienceId', filters.audienceId)
  if (filters.search) query.set('search', filters.search)
  return query
}

/**
 * A dataflow's exported messages, newest first, page by page (`nextCursor`); the live stream
 * merges into the cached pages.
 */
export const exportsQuery = (sandbox: string, flowId: string, filters: ExportFilters) =>
  infiniteQueryOptions({
    queryKey: exportKeys.of({ sandbox, flowId, ...filters }),
    queryFn: ({ signal, pageParam }) => {
      const query = filterParams(filters)
      query.set('limit', '200')
      if (pageParam) query.set('cursor', pageParam)
      return request(`${exportsPath(flowId)}?${query}`, {
        sandbox,
        schema: exportListSchema,
        signal,
      })
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  })

/** One exported message: payload, attempts, requests and responses, what the receiver saw. */
export const exportQuery = (sandbox: string, flowId: string, exportId: string, rev: number) =>
  queryOptions({
    queryKey: exportKeys.of({ sandbox, flowId, exportId, rev }),
    queryFn: ({ signal }) =>
      request(exportPath(flowId, exportId), { sandbox, schema: exportRecordSchema, signal }),
    staleTime: Infinity,
  })

/**
 * A message's last request as a cURL command: masked, or with the account's secrets when asked
 * for explicitly (fetched when copied, never cached).
 */
export const fetchExportCurl = (
  sandbox: string,
  flowId: string,
  exportId: string,
  secrets: boolean,
) =>
  request(`${exportCurlPath(flowId, exportId)}?secrets=${String(secrets)}`, {
    sandbox,
    schema: exportCurlSchema,
  })

/** Opens the live stream of a dataflow's export changes (server-sent events, read with fetch). */
export async function openExportStream(
  sandbox: string,
  flowId: string,
  filters: ExportFilters,
  signal: AbortSignal,
): Promise<Response> {
  const query = filterParams(filters).toString()
  const url = new URL(`${exportStreamPath(flowId)}${query ? `?${query}` : ''}`, location.origin)
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', 'x-sandbox-name': sandbox },
    signal,
  })
  if (!response.ok) throw new Error(`The live stream answered ${response.status}.`)
  return response
}
