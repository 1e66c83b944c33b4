import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { exportsQuery, openExportStream, type ExportFilters } from '../../api/exports'
import { EXPORT_STREAM_EVENTS, exportStreamBatchSchema } from '../../../contracts/engine/exports'
import { readEventStream } from '../../lib/event-stream'
import { mergeBatch } from './export-feed'

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'closed'

const RECONNECT_MS = 2000

/**
 * The exported messages of a dataflow, kept live: the first page comes from the list endpoint,
 * then the server-sent event stream's batches are merged into the same cache entry. The stream
 * opens first and the list is refetched once it is live, so nothing falls between the two.
 */
export function useLiveExports(sandbox: string, flowId: string, filters: ExportFilters) {
  const queryClient = useQueryClient()
  const options = exportsQuery(sandbox, flowId, filters)
  const query = useInfiniteQuery(options)
  const [status, setStatus] = useState<StreamStatus>('connecting')
  const { state, audienceId, search } = filters

  useEffect(() => {
    const key = exportsQuery(sandbox, flowId, { state, audienceId, search }).queryKey
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const connect = async () => {
      try {
        const response = await openExportStream(
          sandbox,
          flowId,
          { state, audienceId, search },
          controller.signal,
        )
        setStatus('live')
        void queryClient.invalidateQueries({ queryKey: key, exact: true })
        await readEventStream(
          response,
          (event) => {
            if (event.event === EXPORT_STREAM_EVENTS.closed) {
              setStatus('closed')
              controller.abort()
              return
            }
            if (event.event !== EXPORT_STREAM_EVENTS.exports) return
            const batch = exportStreamBatchSchema.parse(JSON.parse(event.data))
            if (batch.overflow) {
              void queryClient.invalidateQueries({ queryKey: key, exact: true })
              return
            }
            queryClient.setQueryData(key, (data) =>
              data ? mergeBatch(data, batch.items, batch.counters) : data,
            )
          },
          controller.signal,
        )
      } catch {
        if (controller.signal.aborted) return
      }
      if (controller.signal.aborted) return
      setStatus('reconnecting')
      timer = setTimeout(() => void connect(), RECONNECT_MS)
    }
    void connect()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [sandbox, flowId, state, audienceId, search, queryClient])

  return { query, status }
}
