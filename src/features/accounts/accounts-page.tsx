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
  Row,
  SearchField,
  TableBody,
  TableHeader,
  TableView,
  Text,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState, type Key } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { connectionsQuery } from '../../api/connections'
import { flowsQuery } from '../../api/flows'
import { targetConnectionsQuery } from '../../api/target-connections'
import { formatDateTime, formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import {
  accountRows,
  searchRows,
  sortRows,
  type AccountRow,
  type AccountSortColumn,
} from './account-rows'
import { DeleteAccountDialog } from './delete-account-dialog'
import { EditAccountDialog } from './edit-account-dialog'
import './accounts.css'
import { LoadError } from '../../components/load-error'

type OpenDialog = { kind: 'edit' | 'delete'; row: AccountRow }

interface Sort {
  column: AccountSortColumn
  direction: 'ascending' | 'descending'
}

/** The Accounts tab: every destination account, its use, and Edit details / Delete. */
export function AccountsPage() {
  const sandbox = useParams().sandbox!
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const search = params.get('search') ?? ''
  const [sort, setSort] = useState<Sort>({ column: 'name', direction: 'ascending' })
  const [dialog, setDialog] = useState<OpenDialog | null>(null)

  const connections = useQuery(connectionsQuery(sandbox))
  const specs = useQuery(connectionSpecsQuery(sandbox))
  const targets = useQuery(targetConnectionsQuery(sandbox))
  const flows = useQuery(flowsQuery(sandbox))
  const queries = [connections, specs, targets, flows]
  const failed = queries.find((query) => query.isError)?.error

  const rows = useMemo(
    () =>
      accountRows(connections.data ?? [], specs.data ?? [], targets.data ?? [], flows.data ?? []),
    [connections.data, specs.data, targets.data, flows.data],
  )
  const visible = useMemo(
    () => sortRows(searchRows(rows, search), sort.column, sort.direction),
    [rows, search, sort],
  )

  const act = (row: AccountRow, key: Key) => {
    if (key === 'activate') void navigate(paths.destinations.activate(sandbox, row.spec.id))
    if (key === 'edit' || key === 'delete') setDialog({ kind: key, row })
  }

  if (failed) {
    return (
      <LoadError
        title="The accounts could not be loaded"
        error={failed}
        onRetry={() => queries.forEach((query) => void query.refetch())}
      />
    )
  }

  return (
    <Flex direction="column" gap="size-200">
      <Flex alignItems="end" gap="size-200" wrap>
        <SearchField
          label="Search accounts"
          labelPosition="side"
          width="size-4600"
          value={search}
          onChange={(value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current)
                if (value) next.set('search', value)
                else next.delete('search')
                return next
              },
              { replace: true },
            )
          }
        />
        <Text UNSAFE_className="accounts-count" aria-live="polite">
          {formatCount(visible.length, 'account', 'accounts')}
        </Text>
      </Flex>
      <TableView
        aria-label="Accounts"
        sortDescriptor={sort}
        onSortChange={({ column, direction }) =>
          setSort({ column: column === 'authorized' ? 'authorized' : 'name', direction })
        }
        overflowMode="wrap"
        minHeight="size-3600"
        renderEmptyState={() => (
          <IllustratedMessage>
            <Heading>{search ? 'No accounts match' : 'No accounts yet'}</Heading>
            <Content>
              {search
                ? 'Try another search.'
                : 'Set up a destination in the Catalog: its account appears here.'}
            </Content>
          </IllustratedMessage>
        )}
      >
        <TableHeader>
          <Column key="name" isRowHeader allowsSorting>
            Name
          </Column>
          <Column key="actions" hideHeader width={56}>
            Actions
          </Column>
          <Column key="destination">Destination</Column>
          <Column key="type">Connection Type</Column>
          <Column key="username">Username</Column>
          <Column key="connections" align="end" width={130}>
            Connections
          </Column>
          <Column key="authorized" allowsSorting>
            Authorization date
          </Column>
        </TableHeader>
        <TableBody
          items={visible}
          loadingState={queries.some((query) => query.isPending) ? 'loading' : 'idle'}
        >
          {(row) => (
            <Row key={row.id}>
              <Cell>{row.name}</Cell>
              <Cell>
                <ActionMenu
                  isQuiet
                  aria-label={`Actions for ${row.name}`}
                  onAction={(key) => act(row, key)}
                >
                  <Item key="activate">Activate audiences</Item>
                  <Item key="edit">Edit details</Item>
                  <Item key="delete">Delete</Item>
                </ActionMenu>
              </Cell>
              <Cell>{row.destination}</Cell>
              <Cell>{row.connectionType}</Cell>
              <Cell>{row.username || '—'}</Cell>
              <Cell>{row.flows.length}</Cell>
              <Cell>{row.authorizedAt === null ? '—' : formatDateTime(row.authorizedAt)}</Cell>
            </Row>
          )}
        </TableBody>
      </TableView>
      <DialogContainer onDismiss={() => setDialog(null)}>
        {dialog?.kind === 'edit' && (
          <EditAccountDialog sandbox={sandbox} row={dialog.row} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'delete' && (
          <DeleteAccountDialog sandbox={sandbox} row={dialog.row} onClose={() => setDialog(null)} />
        )}
      </DialogContainer>
    </Flex>
  )
}
