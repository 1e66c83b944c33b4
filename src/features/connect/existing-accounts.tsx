import {
  Cell,
  Column,
  Content,
  Heading,
  IllustratedMessage,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
} from '@adobe/react-spectrum'
import type { UseQueryResult } from '@tanstack/react-query'
import type { Connection } from '../../../contracts/flow-service'
import { formatDateTime } from '../../lib/format'
import { LoadError } from '../../components/load-error'

interface ExistingAccountsProps {
  destinationName: string
  accounts: UseQueryResult<Connection[]>
  selectedId: string
  onSelect: (id: string) => void
}

const authorized = (account: Connection) => {
  const date = account.auth?.params.authorizedDate
  return typeof date === 'string' ? formatDateTime(Date.parse(date)) : '—'
}

/** "Existing account": the saved accounts of this destination, one to pick. */
export function ExistingAccounts({
  destinationName,
  accounts,
  selectedId,
  onSelect,
}: ExistingAccountsProps) {
  if (accounts.isPending) return <ProgressCircle aria-label="Loading accounts" isIndeterminate />
  if (accounts.isError) {
    return <LoadError title="The accounts could not be loaded" error={accounts.error} />
  }
  return (
    <TableView
      aria-label={`Saved ${destinationName} accounts`}
      selectionMode="single"
      selectedKeys={selectedId ? [selectedId] : []}
      onSelectionChange={(keys) => {
        if (keys === 'all') return
        const [first] = keys
        onSelect(first === undefined ? '' : String(first))
      }}
      overflowMode="wrap"
      minHeight="size-2400"
      maxHeight="size-4600"
      renderEmptyState={() => (
        <IllustratedMessage>
          <Heading>No saved accounts</Heading>
          <Content>
            You have no {destinationName} account yet. Choose New account to connect one.
          </Content>
        </IllustratedMessage>
      )}
    >
      <TableHeader>
        <Column key="name" isRowHeader>
          Name
        </Column>
        <Column key="type">Authentication type</Column>
        <Column key="description">Description</Column>
        <Column key="authorized">Authorization date</Column>
      </TableHeader>
      <TableBody items={accounts.data}>
        {(account) => (
          <Row key={account.id}>
            <Cell>{account.name}</Cell>
            <Cell>{account.auth?.specName ?? '—'}</Cell>
            <Cell>{account.description || '—'}</Cell>
            <Cell>{authorized(account)}</Cell>
          </Row>
        )}
      </TableBody>
    </TableView>
  )
}
