import type { ConnectionSpec } from '../../../contracts/connection-spec'
import type { Flow, LastRunDetails } from '../../../contracts/flow-service'

/** One dataflow as the Browse table shows it. */
export interface BrowseRow {
  id: string
  name: string
  destination: string
  logo: string | null
  enabled: boolean
  audiences: number
  /** The latest dataflow run, once the dataflow has run. */
  lastRun: { state: LastRunDetails['state']; startedAt: number } | null
  createdAt: number
  updatedAt: number
}

export const SORT_COLUMNS = [
  'name',
  'destination',
  'status',
  'activation',
  'lastRun',
  'created',
  'modified',
] as const
export type SortColumn = (typeof SORT_COLUMNS)[number]
export type SortDirection = 'ascending' | 'descending'
export type StatusFilter = 'all' | 'enabled' | 'disabled'

export interface BrowseView {
  search: string
  status: StatusFilter
  sort: { column: SortColumn; direction: SortDirection }
}

export const DEFAULT_SORT = { column: 'created', direction: 'descending' } as const

/** How Browse names the state of a dataflow's last run. */
export const RUN_STATE_LABELS: Record<LastRunDetails['state'], string> = {
  inProgress: 'Processing',
  success: 'Success',
  failed: 'Failed',
}

/** AEP's label of a dataflow's state. */
export const statusLabel = (enabled: boolean) => (enabled ? 'Enabled' : 'Disabled')

export function toRow(flow: Flow, specs: ReadonlyMap<string, ConnectionSpec>): BrowseRow {
  const spec = specs.get(flow.inheritedAttributes.targetConnections[0]?.connectionSpec.id ?? '')
  return {
    id: flow.id,
    name: flow.name,
    destination: spec?.name ?? 'Unknown destination',
    logo: spec?.logo ?? null,
    enabled: flow.state === 'enabled',
    audiences: flow.transformations[0]?.params.segmentSelectors.selectors.length ?? 0,
    lastRun: flow.lastRunDetails
      ? { state: flow.lastRunDetails.state, startedAt: flow.lastRunDetails.startedAtUTC }
      : null,
    createdAt: flow.createdAt,
    updatedAt: flow.updatedAt,
  }
}

const compareBy: Record<SortColumn, (a: BrowseRow, b: BrowseRow) => number> = {
  name: (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  destination: (a, b) => a.destination.localeCompare(b.destination, 'en'),
  status: (a, b) => statusLabel(a.enabled).localeCompare(statusLabel(b.enabled), 'en'),
  activation: (a, b) => a.audiences - b.audiences,
  lastRun: (a, b) => (a.lastRun?.startedAt ?? 0) - (b.lastRun?.startedAt ?? 0),
  created: (a, b) => a.createdAt - b.createdAt,
  modified: (a, b) => a.updatedAt - b.updatedAt,
}

/**
 * The rows that match the search (every word in the name or the destination, ignoring case) and
 * the status filter, in the chosen order; ties keep the name order.
 */
export function browseRows(rows: readonly BrowseRow[], view: BrowseView): BrowseRow[] {
  const words = view.search.toLowerCase().split(/\s+/).filter(Boolean)
  const sign = view.sort.direction === 'ascending' ? 1 : -1
  const compare = compareBy[view.sort.column]
  return rows
    .filter((row) => view.status === 'all' || row.enabled === (view.status === 'enabled'))
    .filter((row) => {
      const text = `${row.name} ${row.destination}`.toLowerCase()
      return words.every((word) => text.includes(word))
    })
    .sort((a, b) => sign * compare(a, b) || compareBy.name(a, b))
}

const isSortColumn = (value: string | null): value is SortColumn =>
  SORT_COLUMNS.some((c) => c === value)

/** The table view a Browse URL describes (`?search=&status=&sort=&direction=`). */
export function viewFromParams(params: URLSearchParams): BrowseView {
  const status = params.get('status')
  const column = params.get('sort')
  return {
    search: params.get('search') ?? '',
    status: status === 'enabled' || status === 'disabled' ? status : 'all',
    sort: isSortColumn(column)
      ? {
          column,
          direction: params.get('direction') === 'ascending' ? 'ascending' : 'descending',
        }
      : DEFAULT_SORT,
  }
}
