import {
  ActionMenu,
  Cell,
  Column,
  Content,
  DialogContainer,
  Flex,
  Heading,
  IllustratedMessage,
  Item,
  Link,
  Picker,
  ProgressCircle,
  Row,
  SearchField,
  StatusLight,
  TableBody,
  TableHeader,
  TableView,
  Text,
  type Key,
  type SpectrumTableProps,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { flowsQuery } from '../../api/flows'
import { DateTime } from '../../components/date-time'
import { DeleteDestinationDialog } from '../../components/destination/delete-destination-dialog'
import { EditDestinationDialog } from '../../components/destination/edit-destination-dialog'
import { useConnectionSpecs } from '../../components/destination/use-destination-spec'
import { EmptyState } from '../../components/empty-state'
import { RunStatusLight } from '../../components/run-status'
import { formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import {
  browseRows,
  RUN_STATE_LABELS,
  statusLabel,
  toRow,
  viewFromParams,
  type BrowseRow,
  type StatusFilter,
} from './browse-rows'
import './browse.css'
import { LoadError } from '../../components/load-error'

type SortDescriptor = NonNullable<SpectrumTableProps<BrowseRow>['sortDescriptor']>

const STATUS_OPTIONS: { key: StatusFilter; label: string }[] = [
  { key: 'all', label: 'All' },
  { key: 'enabled', label: 'Enabled' },
  { key: 'disabled', label: 'Disabled' },
]

type RowDialog = { kind: 'delete' | 'edit'; row: BrowseRow } | null

/** Browse: every destination dataflow with search, a status filter, sorting and row actions. */
export function BrowsePage() {
  const sandbox = useParams().sandbox!
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const flows = useQuery(flowsQuery(sandbox))
  const specs = useConnectionSpecs(sandbox)
  const [dialog, setDialog] = useState<RowDialog>(null)

  const view = viewFromParams(params)
  const all = useMemo(() => (flows.data ?? []).map((f) => toRow(f, specs)), [flows.data, specs])
  const rows = browseRows(all, view)

  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        change(next)
        return next
      },
      { replace: true },
    )

  const onSortChange = ({ column, direction }: SortDescriptor) =>
    update((next) => {
      next.set('sort', String(column))
      next.set('direction', direction)
    })

  const onAction = (row: BrowseRow, key: Key) => {
    if (key === 'activate') void navigate(paths.destinations.activation(sandbox, row.id))
    if (key === 'edit' || key === 'delete') setDialog({ kind: key, row })
  }

  if (flows.isPending) {
    return (
      <Flex justifyContent="center" marginTop="size-600">
        <ProgressCircle aria-label="Loading dataflows" isIndeterminate />
      </Flex>
    )
  }
  if (flows.isError) {
    return (
      <LoadError
        title="The dataflows could not be loaded"
        error={flows.error}
        onRetry={() => void flows.refetch()}
      />
    )
  }
  if (all.length === 0) {
    return (
      <EmptyState title="No destinations yet">
        Connect a destination in the catalog, then activate audiences to it: its dataflow shows
        here. <Link href={paths.destinations.catalog(sandbox)}>Go to the catalog</Link>
      </EmptyState>
    )
  }

  return (
    <section aria-label="Destination dataflows" className="browse">
      <Flex gap="size-200" alignItems="end" wrap marginBottom="size-200">
        <SearchField
          label="Search dataflows"
          labelPosition="side"
          defaultValue={view.search}
          onChange={(value) =>
            update((next) => (value ? next.set('search', value) : next.delete('search')))
          }
          width="size-4600"
        />
        <Picker
          label="Status"
          labelPosition="side"
          items={STATUS_OPTIONS}
          selectedKey={view.status}
          onSelectionChange={(key) =>
            update((next) =>
              key === 'all' || key === null
                ? next.delete('status')
                : next.set('status', String(key)),
            )
          }
          width="size-2400"
        >
          {(option) => <Item key={option.key}>{option.label}</Item>}
        </Picker>
        <Text UNSAFE_className="browse-count" aria-live="polite">
          {formatCount(rows.length, 'dataflow', 'dataflows')}
        </Text>
      </Flex>
      <TableView
        aria-label="Destination dataflows"
        sortDescriptor={view.sort}
        onSortChange={onSortChange}
        overflowMode="wrap"
        density="spacious"
        renderEmptyState={() => (
          <IllustratedMessage>
            <Heading>No dataflows match</Heading>
            <Content>Try another search or status.</Content>
          </IllustratedMessage>
        )}
        minHeight="size-3600"
      >
        <TableHeader>
          <Column key="name" allowsSorting isRowHeader width="1.8fr">
            Name
          </Column>
          <Column key="destination" allowsSorting width="1.3fr">
            Destination
          </Column>
          <Column key="status" allowsSorting width="0.9fr" minWidth={130}>
            Status
          </Column>
          <Column key="activation" allowsSorting width="1fr">
            Activation Data
          </Column>
          <Column key="lastRunStatus" width="1.2fr">
            Last Dataflow Run Status
          </Column>
          <Column key="lastRun" allowsSorting width="1.2fr">
            Last Dataflow Run Date
          </Column>
          <Column key="created" allowsSorting width="1.2fr">
            Created
          </Column>
          <Column key="modified" allowsSorting width="1.2fr">
            Modified
          </Column>
        </TableHeader>
        <TableBody items={rows}>
          {(row) => (
            <Row key={row.id} textValue={row.name}>
              <Cell>
                <Flex alignItems="center" justifyContent="space-between" gap="size-100">
                  <Link href={paths.destinations.details(sandbox, row.id)}>{row.name}</Link>
                  <ActionMenu
                    aria-label={`Actions for ${row.name}`}
                    isQuiet
                    onAction={(key) => onAction(row, key)}
                  >
                    <Item key="activate">Activate audiences</Item>
                    <Item key="edit">Edit destination</Item>
                    <Item key="delete">Delete</Item>
                  </ActionMenu>
                </Flex>
              </Cell>
              <Cell>
                <span className="browse-destination">
                  {row.logo && <img src={row.logo} alt="" width={20} height={20} />}
                  {row.destination}
                </span>
              </Cell>
              <Cell>
                <StatusLight variant={row.enabled ? 'positive' : 'neutral'}>
                  {statusLabel(row.enabled)}
                </StatusLight>
              </Cell>
              <Cell>
                <Link
                  href={paths.destinations.details(sandbox, row.id, 'activation')}
                  aria-label={`${formatCount(row.audiences, 'audience', 'audiences')} activated to ${row.name}`}
                >
                  {String(row.audiences)}
                </Link>
              </Cell>
              <Cell>
                {row.lastRun ? (
                  <RunStatusLight
                    state={row.lastRun.state}
                    label={RUN_STATE_LABELS[row.lastRun.state]}
                  />
                ) : (
                  <span title="This dataflow has not run yet">—</span>
                )}
              </Cell>
              <Cell>
                {row.lastRun ? (
                  <DateTime value={row.lastRun.startedAt} />
                ) : (
                  <span title="This dataflow has not run yet">—</span>
                )}
              </Cell>
              <Cell>
                <DateTime value={row.createdAt} />
              </Cell>
              <Cell>
                <DateTime value={row.updatedAt} />
              </Cell>
            </Row>
          )}
        </TableBody>
      </TableView>
      <DialogContainer onDismiss={() => setDialog(null)}>
        {dialog?.kind === 'delete' && (
          <DeleteDestinationDialog sandbox={sandbox} flow={dialog.row} />
        )}
        {dialog?.kind === 'edit' && (
          <EditDestinationDialog sandbox={sandbox} flowId={dialog.row.id} />
        )}
      </DialogContainer>
    </section>
  )
}
