import { StatusLight } from '@adobe/react-spectrum'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { ExportState, ExportSummary, ExportTrigger } from '../../../contracts/engine/exports'
import './exports.css'

const ROW_HEIGHT = 40

export const TRIGGER_LABELS: Record<ExportTrigger, string> = {
  segment: 'Audience status',
  identity: 'Identity change',
  attribute: 'Mapped attribute',
  backfill: 'Backfill',
}

export const STATE_LIGHTS: Record<ExportState, 'positive' | 'notice' | 'negative' | 'info'> = {
  delivered: 'positive',
  retrying: 'notice',
  failed: 'negative',
  pending: 'info',
}

const time = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

const formatTime = (ms: number) => `${time.format(ms)}.${String(ms % 1000).padStart(3, '0')}`

interface ExportsTableProps {
  rows: readonly ExportSummary[]
  selectedId: string | null
  onSelect: (row: ExportSummary) => void
  onEndReached: () => void
}

/**
 * The live table of exported messages: only the rows in view are rendered, so it stays fast with
 * thousands of rows streaming in. Rows are focusable; Enter or a click opens the detail.
 */
export function ExportsTable({ rows, selectedId, onSelect, onEndReached }: ExportsTableProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  })
  const items = virtualizer.getVirtualItems()
  const last = items.at(-1)
  if (last && last.index >= rows.length - 20) queueMicrotask(onEndReached)

  return (
    <div
      className="exports-table"
      role="table"
      aria-label="Exported messages"
      aria-rowcount={rows.length + 1}
    >
      <div role="rowgroup">
        <div role="row" className="exports-row exports-head" aria-rowindex={1}>
          <span role="columnheader">Time</span>
          <span role="columnheader">Profile</span>
          <span role="columnheader">Trigger</span>
          <span role="columnheader">Status code</span>
          <span role="columnheader">Attempts</span>
          <span role="columnheader">State</span>
        </div>
      </div>
      <div ref={scroller} className="exports-scroller">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row.id === selectedId}
                tabIndex={0}
                className="exports-row"
                data-created-at={row.createdAt}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSelect(row)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault()
                    onSelect(row)
                  }
                }}
              >
                <span role="cell">{formatTime(row.createdAt)}</span>
                <span role="cell" className="exports-identity">
                  {row.identity || row.profileId}
                </span>
                <span role="cell">{TRIGGER_LABELS[row.trigger]}</span>
                <span role="cell">{row.statusCode ?? '—'}</span>
                <span role="cell">{row.attempts}</span>
                <span role="cell">
                  <StatusLight variant={STATE_LIGHTS[row.state]} UNSAFE_style={{ padding: 0 }}>
                    {row.state}
                  </StatusLight>
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
