import {
  Flex,
  Item,
  Picker,
  ProgressCircle,
  SearchField,
  StatusLight,
  Text,
} from '@adobe/react-spectrum'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ExportFilters } from '../../api/exports'
import type { ExportCounters, ExportState } from '../../../contracts/engine/exports'
import { feedRows } from './export-feed'
import { ExportDetail } from './export-detail'
import { ExportsTable } from './exports-table'
import { ReceiverScenarioControl } from './receiver-scenario'
import { useLiveExports, type StreamStatus } from './use-live-exports'
import { LoadError } from '../../components/load-error'

const STATES: { key: 'all' | ExportState; label: string }[] = [
  { key: 'all', label: 'All states' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'retrying', label: 'Retrying' },
  { key: 'failed', label: 'Failed' },
  { key: 'pending', label: 'Pending' },
]

const STREAM_LABELS: Record<StreamStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Stream closed',
}

function Counters({ counters }: { counters: ExportCounters | undefined }) {
  const entries = [
    ['Delivered', counters?.delivered],
    ['Retrying', counters?.retrying],
    ['Failed', counters?.failed],
    ['Excluded', counters?.excluded],
    ['Pending', counters?.pending],
  ] as const
  return (
    <dl className="exports-counters" aria-label="Export counters">
      {entries.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd aria-label={`${label}: ${value ?? 0}`}>{(value ?? 0).toLocaleString('en-US')}</dd>
        </div>
      ))}
    </dl>
  )
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

interface ExportsTabProps {
  sandbox: string
  flowId: string
  /** The demo receiver endpoint (host and path) when the destination sends to a .example host. */
  receiverEndpoint: string | null
  audiences: { id: string; name: string }[]
}

/**
 * Exports: every message the dataflow exported, live; filters, counters, the detail of a message,
 * and the demo receiver's fault scenario.
 */
export function ExportsTab({ sandbox, flowId, receiverEndpoint, audiences }: ExportsTabProps) {
  const [state, setState] = useState<'all' | ExportState>('all')
  const [audienceId, setAudienceId] = useState('all')
  const [search, setSearch] = useState('')
  const debouncedSearch = useDebounced(search.trim(), 250)
  const filters: ExportFilters = {
    state: state === 'all' ? undefined : state,
    audienceId: audienceId === 'all' ? undefined : audienceId,
    search: debouncedSearch || undefined,
  }
  // Of the filters sent (the search debounced), as the rows shown are: says why none is.
  const filtered = Boolean(filters.state ?? filters.audienceId ?? filters.search)
  const { query, status } = useLiveExports(sandbox, flowId, filters)
  const rows = useMemo(() => feedRows(query.data), [query.data])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = rows.find((row) => row.id === selectedId) ?? null
  const list = useRef<HTMLDivElement>(null)
  const closeDetail = () => {
    setSelectedId(null)
    list.current?.scrollIntoView({ block: 'nearest' })
  }
  const names = useMemo(() => new Map(audiences.map((a) => [a.id, a.name])), [audiences])
  const audienceName = (id: string) => names.get(id) ?? id
  const counters = query.data?.pages[0]?.counters

  return (
    <Flex direction="column" gap="size-200">
      <Flex justifyContent="space-between" alignItems="center" wrap gap="size-200">
        <Counters counters={counters} />
        <StatusLight
          variant={status === 'live' ? 'positive' : status === 'closed' ? 'neutral' : 'notice'}
        >
          {STREAM_LABELS[status]}
        </StatusLight>
      </Flex>
      {receiverEndpoint && (
        <ReceiverScenarioControl sandbox={sandbox} endpoint={receiverEndpoint} />
      )}
      <Flex gap="size-200" alignItems="end" wrap>
        <Picker
          label="State"
          items={STATES}
          selectedKey={state}
          onSelectionChange={(key) => setState(key as 'all' | ExportState)}
          width="size-2000"
        >
          {(item) => <Item key={item.key}>{item.label}</Item>}
        </Picker>
        <Picker
          label="Audience"
          items={[{ id: 'all', name: 'All audiences' }, ...audiences]}
          selectedKey={audienceId}
          onSelectionChange={(key) => setAudienceId(String(key))}
          width="size-3600"
        >
          {(item) => <Item key={item.id}>{item.name}</Item>}
        </Picker>
        <SearchField
          label="Search by identity"
          value={search}
          onChange={setSearch}
          width="size-3600"
        />
      </Flex>
      {query.isError && <LoadError title="The exports could not be loaded" error={query.error} />}
      {query.isPending ? (
        <ProgressCircle aria-label="Loading exports" isIndeterminate />
      ) : (
        <div className="exports-layout">
          <div ref={list}>
            <ExportsTable
              rows={rows}
              selectedId={selectedId}
              onSelect={(row) => setSelectedId(row.id)}
              onEndReached={() => {
                if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage()
              }}
            />
            <Text UNSAFE_style={{ display: 'block', marginTop: 8 }}>
              {rows.length === 0
                ? filtered
                  ? 'No message matches these filters.'
                  : 'No exported message yet. Update a profile in a mapped audience, or generate traffic on the Profiles screen.'
                : `${rows.length.toLocaleString('en-US')} messages shown, newest first.`}
            </Text>
          </div>
          {selected ? (
            <div className="export-detail-host">
              <ExportDetail
                key={selected.id}
                sandbox={sandbox}
                flowId={flowId}
                exportId={selected.id}
                rev={selected.rev}
                audienceName={audienceName}
                onClose={closeDetail}
              />
            </div>
          ) : (
            <Text>Select a message to see its payload, the requests sent and the answers.</Text>
          )}
        </div>
      )}
    </Flex>
  )
}
