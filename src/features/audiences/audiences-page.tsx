import {
  Badge,
  Button,
  Cell,
  Column,
  DialogTrigger,
  Flex,
  Heading,
  Row,
  SearchField,
  TableBody,
  TableHeader,
  TableView,
  Text,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useParams } from 'react-router-dom'
import { audiencesQuery } from '../../api/audiences'
import { MERGE_POLICIES } from '../../../contracts/audience'
import { formatDateTime } from '../../lib/format'
import { CreateAudienceDialog } from './create-audience-dialog'
import { LoadError } from '../../components/load-error'

const mergePolicyName = (id: string) =>
  Object.values(MERGE_POLICIES).find((p) => p.id === id)?.name ?? id

const LIFECYCLE: Record<string, 'positive' | 'neutral' | 'yellow'> = {
  published: 'positive',
  draft: 'neutral',
  inactive: 'yellow',
}

/** Audiences: every segment definition with its PQL rule and how many profiles qualify now. */
export function AudiencesPage() {
  const sandbox = useParams().sandbox!
  const audiences = useQuery(audiencesQuery(sandbox))
  const [search, setSearch] = useState('')
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return (audiences.data ?? []).filter(
      (a) =>
        !needle ||
        a.name.toLowerCase().includes(needle) ||
        a.expression.value.toLowerCase().includes(needle),
    )
  }, [audiences.data, search])

  return (
    <Flex direction="column" gap="size-200">
      <Flex justifyContent="space-between" alignItems="center">
        <Heading level={1} margin={0} UNSAFE_style={{ fontSize: 28 }}>
          Audiences
        </Heading>
        <DialogTrigger>
          <Button variant="accent">Create audience</Button>
          {(close) => <CreateAudienceDialog sandbox={sandbox} close={close} />}
        </DialogTrigger>
      </Flex>
      <Text>
        Audiences are evaluated with streaming segmentation: every profile update is evaluated at
        once against each rule.
      </Text>
      <SearchField
        label="Search audiences"
        labelPosition="side"
        value={search}
        onChange={setSearch}
        width="size-4600"
      />
      {audiences.isError ? (
        <LoadError title="The audiences could not be loaded" error={audiences.error} />
      ) : (
        <TableView aria-label="Audiences" density="spacious" overflowMode="wrap">
          <TableHeader>
            <Column key="name">Name</Column>
            <Column key="count" width={130} align="end">
              Profile count
            </Column>
            <Column key="origin" width={160}>
              Origin
            </Column>
            <Column key="status" width={140}>
              Lifecycle status
            </Column>
            <Column key="mergePolicy" width={180}>
              Merge policy
            </Column>
            <Column key="updated" width={170}>
              Last updated
            </Column>
          </TableHeader>
          <TableBody items={visible} loadingState={audiences.isPending ? 'loading' : 'idle'}>
            {(audience) => (
              <Row key={audience.id}>
                <Cell>
                  <div className="audience-name">{audience.name}</div>
                  <code className="pql" aria-label={`PQL expression of ${audience.name}`}>
                    {audience.expression.value}
                  </code>
                </Cell>
                <Cell>{audience.metrics.data.totalProfiles.toLocaleString('en-US')}</Cell>
                <Cell>{audience.origin}</Cell>
                <Cell>
                  <Badge variant={LIFECYCLE[audience.lifecycleState] ?? 'neutral'}>
                    {audience.lifecycleState[0]?.toUpperCase() + audience.lifecycleState.slice(1)}
                  </Badge>
                </Cell>
                <Cell>{mergePolicyName(audience.mergePolicyId)}</Cell>
                <Cell>{formatDateTime(audience.updateTime)}</Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
      )}
    </Flex>
  )
}
