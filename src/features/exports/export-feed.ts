import type { InfiniteData } from '@tanstack/react-query'
import type { ExportCounters, ExportList, ExportSummary } from '../../../contracts/engine/exports'

/** How many rows the live table keeps in memory; older ones are fetched again on demand. */
export const MAX_LIVE_ROWS = 5000

/**
 * Merges a batch of changed summaries into the cached pages: a known record is replaced when the
 * batch has a newer revision, a new one goes to the top (newest first), and the first page is
 * trimmed so the table holds at most `MAX_LIVE_ROWS`.
 */
export function mergeBatch<P>(
  data: InfiniteData<ExportList, P>,
  items: readonly ExportSummary[],
  counters: ExportCounters,
  maxRows = MAX_LIVE_ROWS,
): InfiniteData<ExportList, P> {
  const incoming = new Map(items.map((item) => [item.id, item]))
  const pages = data.pages.map((page) => ({
    ...page,
    counters,
    items: page.items.map((row) => {
      const update = incoming.get(row.id)
      if (!update) return row
      incoming.delete(row.id)
      return update.rev > row.rev ? update : row
    }),
  }))
  const fresh = [...incoming.values()].sort((a, b) => b.seq - a.seq)
  if (pages.length === 0) return data
  const first = pages[0]
  const merged = [...fresh, ...first.items].slice(0, maxRows)
  pages[0] = { ...first, items: merged }
  return { ...data, pages }
}

/** Every row of the cached pages, newest first. */
export const feedRows = <P>(data: InfiniteData<ExportList, P> | undefined) =>
  data?.pages.flatMap((page) => page.items) ?? []
