import {
  ActionGroup,
  Checkbox,
  CheckboxGroup,
  Flex,
  InlineAlert,
  Heading,
  Content,
  Item,
  ProgressCircle,
  SearchField,
  Text,
  View,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useParams, useSearchParams } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { connectionsQuery } from '../../api/connections'
import { EmptyState } from '../../components/empty-state'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import { categoryCounts, filterDestinations } from './catalog-filters'
import { DestinationCard } from './destination-card'
import { DestinationRail } from './destination-rail'
import './catalog.css'
import { LoadError } from '../../components/load-error'
import { formatCount } from '../../lib/format'

/** The destinations catalog: cards, categories, search, All / My destinations, right rail. */
export function CatalogPage() {
  const sandbox = useParams().sandbox!
  const [params, setParams] = useSearchParams()
  const specs = useQuery(connectionSpecsQuery(sandbox))
  const connections = useQuery(connectionsQuery(sandbox))

  const search = params.get('search') ?? ''
  const categories = params.getAll('category')
  const mine = params.get('view') === 'mine'
  const selectedId = params.get('selected')

  const connected = useMemo(
    () => new Set((connections.data ?? []).map((c) => c.connectionSpec.id)),
    [connections.data],
  )
  const visible = useMemo(
    () => filterDestinations(specs.data ?? [], connected, { search, categories, mine }),
    [specs.data, connected, search, categories, mine],
  )
  const selected = specs.data?.find((s) => s.id === selectedId && s.attributes.isDestination)

  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        change(next)
        return next
      },
      { replace: true },
    )
  const select = (spec: ConnectionSpec | null) =>
    update((next) => (spec ? next.set('selected', spec.id) : next.delete('selected')))

  if (specs.isPending) {
    return (
      <Flex justifyContent="center" marginTop="size-600">
        <ProgressCircle aria-label="Loading destinations" isIndeterminate />
      </Flex>
    )
  }
  if (specs.isError) {
    return (
      <LoadError
        title="The catalog could not be loaded"
        error={specs.error}
        onRetry={() => void specs.refetch()}
      />
    )
  }

  return (
    <div className="catalog">
      <aside className="catalog-filters" aria-label="Filters">
        <CheckboxGroup
          label="Categories"
          value={categories}
          onChange={(values) =>
            update((next) => {
              next.delete('category')
              for (const value of values) next.append('category', value)
            })
          }
        >
          {categoryCounts(specs.data).map((c) => (
            <Checkbox key={c.name} value={c.name}>
              {`${c.name} (${c.count})`}
            </Checkbox>
          ))}
        </CheckboxGroup>
      </aside>

      <section className="catalog-results" aria-label="Destinations catalog">
        <Flex gap="size-200" alignItems="end" wrap marginBottom="size-200">
          <SearchField
            label="Search destinations"
            labelPosition="side"
            value={search}
            onChange={(value) =>
              update((next) => (value ? next.set('search', value) : next.delete('search')))
            }
            width="size-4600"
          />
          <ActionGroup
            aria-label="Destinations to show"
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[mine ? 'mine' : 'all']}
            onSelectionChange={(keys) =>
              update((next) =>
                keys !== 'all' && keys.has('mine') ? next.set('view', 'mine') : next.delete('view'),
              )
            }
          >
            <Item key="all">All destinations</Item>
            <Item key="mine">My destinations</Item>
          </ActionGroup>
          <Text UNSAFE_className="catalog-count" aria-live="polite">
            {formatCount(visible.length, 'destination', 'destinations')}
          </Text>
        </Flex>
        {connections.isError && (
          <InlineAlert variant="notice" marginBottom="size-200">
            <Heading>Your connections could not be loaded</Heading>
            <Content>{connections.error.message}</Content>
          </InlineAlert>
        )}
        {visible.length === 0 ? (
          <EmptyState title="No destinations match">
            {mine
              ? 'You have no connections that match. Switch to All destinations to set one up.'
              : 'Try another search or clear the category filter.'}
          </EmptyState>
        ) : (
          <ul className="catalog-grid">
            {visible.map((spec) => (
              <li key={spec.id}>
                <DestinationCard
                  spec={spec}
                  sandbox={sandbox}
                  connected={connected.has(spec.id)}
                  selected={spec.id === selected?.id}
                  onSelect={() => select(spec)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {selected && (
        <View UNSAFE_className="catalog-rail-container">
          <DestinationRail
            spec={selected}
            sandbox={sandbox}
            connected={connected.has(selected.id)}
            onClose={() => select(null)}
          />
        </View>
      )}
    </div>
  )
}
