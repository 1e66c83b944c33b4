import {
  Badge,
  Cell,
  Column,
  Content,
  Flex,
  Heading,
  IllustratedMessage,
  Row,
  SearchField,
  TableBody,
  TableHeader,
  TableView,
  Text,
  type Selection,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { audiencesQuery, type SegmentDefinition } from '../../api/audiences'
import { DateTime } from '../../components/date-time'
import type { ActivationAudience } from '../../../contracts/activation-patch'
import { LoadError } from '../../components/load-error'
import { formatCount } from '../../lib/format'

interface SelectAudiencesStepProps {
  sandbox: string
  /** Audiences the dataflow exports already (shown as activated). */
  activated: ReadonlySet<string>
  selected: readonly ActivationAudience[]
  onChange: (audiences: ActivationAudience[]) => void
}

const LIFECYCLE: Record<string, string> = {
  draft: 'Draft',
  published: 'Published',
  inactive: 'Inactive',
}

const count = new Intl.NumberFormat('en-US')

const toAudience = (segment: SegmentDefinition): ActivationAudience => ({
  id: segment.id,
  name: segment.name,
  description: segment.description,
})

/**
 * Select audiences: the audiences of the sandbox with their profile counts, a search, and a
 * checkbox per row. Selections hidden by the search are kept.
 */
export function SelectAudiencesStep({
  sandbox,
  activated,
  selected,
  onChange,
}: SelectAudiencesStepProps) {
  const audiences = useQuery(audiencesQuery(sandbox))
  const [search, setSearch] = useState('')
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  const visible = (audiences.data ?? []).filter((a) => {
    const text = `${a.name} ${a.description} ${a.origin}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })

  const onSelectionChange = (keys: Selection) => {
    const visibleIds = new Set(visible.map((a) => a.id))
    const chosen = keys === 'all' ? visibleIds : new Set([...keys].map(String))
    const byId = new Map((audiences.data ?? []).map((a) => [a.id, toAudience(a)]))
    const kept = selected.filter((a) => !visibleIds.has(a.id))
    const added = visible.filter((a) => chosen.has(a.id)).map((a) => byId.get(a.id)!)
    const order = new Map(selected.map((a, i) => [a.id, i]))
    onChange(
      [...kept, ...added].sort(
        (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity),
      ),
    )
  }

  if (audiences.isError) {
    return (
      <LoadError
        title="The audiences could not be loaded"
        error={audiences.error}
        onRetry={() => void audiences.refetch()}
      />
    )
  }

  return (
    <Flex direction="column" gap="size-200">
      <Heading level={2} margin={0}>
        Select audiences
      </Heading>
      <Text>Select the audiences whose profiles you want to export to this destination.</Text>
      <Flex alignItems="end" justifyContent="space-between" gap="size-200" wrap>
        <SearchField
          label="Search audiences"
          labelPosition="side"
          value={search}
          onChange={setSearch}
          width="size-4600"
        />
        <Text UNSAFE_className="activate-count" aria-live="polite">
          {`${formatCount(selected.length, 'audience', 'audiences')} selected`}
        </Text>
      </Flex>
      <TableView
        aria-label="Audiences"
        UNSAFE_className="activate-table"
        selectionMode="multiple"
        selectedKeys={selected.map((a) => a.id)}
        onSelectionChange={onSelectionChange}
        overflowMode="wrap"
        renderEmptyState={() => (
          <IllustratedMessage>
            <Heading>No audiences match</Heading>
            <Content>Try another search.</Content>
          </IllustratedMessage>
        )}
        height="size-5000"
      >
        <TableHeader>
          <Column key="name" isRowHeader width="2.4fr">
            Name
          </Column>
          <Column key="profiles" align="end" width="1fr">
            Profile count
          </Column>
          <Column key="origin" width="1.3fr">
            Origin
          </Column>
          <Column key="lifecycle" width="1fr">
            Lifecycle status
          </Column>
          <Column key="created" width="1.3fr">
            Created
          </Column>
          <Column key="updated" width="1.3fr">
            Last updated
          </Column>
        </TableHeader>
        <TableBody items={visible} loadingState={audiences.isPending ? 'loading' : 'idle'}>
          {(audience) => (
            <Row key={audience.id} textValue={audience.name}>
              <Cell>
                <Flex alignItems="center" gap="size-100" wrap>
                  <Text>{audience.name}</Text>
                  {activated.has(audience.id) && <Badge variant="info">Activated</Badge>}
                </Flex>
              </Cell>
              <Cell>{count.format(audience.metrics.data.totalProfiles)}</Cell>
              <Cell>{audience.origin}</Cell>
              <Cell>{LIFECYCLE[audience.lifecycleState] ?? audience.lifecycleState}</Cell>
              <Cell>
                <DateTime value={audience.creationTime} />
              </Cell>
              <Cell>
                <DateTime value={audience.updateTime} />
              </Cell>
            </Row>
          )}
        </TableBody>
      </TableView>
    </Flex>
  )
}
