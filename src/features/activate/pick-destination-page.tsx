import {
  Button,
  Cell,
  Column,
  Flex,
  Heading,
  IllustratedMessage,
  Row,
  StatusLight,
  TableBody,
  TableHeader,
  TableView,
  Text,
  type Selection,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { connectionsQuery } from '../../api/connections'
import { flowsQuery } from '../../api/flows'
import { DateTime } from '../../components/date-time'
import {
  destinationSpecId,
  useConnectionSpecs,
} from '../../components/destination/use-destination-spec'
import { EmptyState } from '../../components/empty-state'
import { WizardFrame } from '../../components/wizard/wizard-frame'
import { paths } from '../../lib/paths'
import { ACTIVATION_STEPS } from './activation-draft'
import { LoadError } from '../../components/load-error'

const STEPS = [{ id: 'destination', label: 'Select destination' }, ...ACTIVATION_STEPS]

/**
 * The catalog's Activate audiences: pick which existing destination (dataflow) of this connection
 * spec to activate audiences to, or configure a new one.
 */
export function PickDestinationPage({ sandbox, specId }: { sandbox: string; specId: string }) {
  const navigate = useNavigate()
  const specs = useConnectionSpecs(sandbox)
  const flows = useQuery(flowsQuery(sandbox))
  const accounts = useQuery(connectionsQuery(sandbox, specId))
  const [selected, setSelected] = useState<string | null>(null)
  const spec = specs.get(specId)

  const destinations = (flows.data ?? []).filter((f) => destinationSpecId(f) === specId)
  const accountName = new Map((accounts.data ?? []).map((a) => [a.id, a.name]))
  const chosen = destinations.find((f) => f.id === selected)

  const onSelectionChange = (keys: Selection) => {
    if (keys === 'all') return
    const [key] = keys
    setSelected(key === undefined ? null : String(key))
  }

  const actions = (
    <>
      <Button
        variant="secondary"
        onPress={() => void navigate(paths.destinations.catalog(sandbox))}
      >
        Cancel
      </Button>
      <Button
        variant="secondary"
        onPress={() => void navigate(paths.destinations.connect(sandbox, specId))}
      >
        Configure new destination
      </Button>
      <Button
        variant="accent"
        isDisabled={!chosen}
        onPress={() => chosen && void navigate(paths.destinations.activation(sandbox, chosen.id))}
      >
        Next
      </Button>
    </>
  )

  return (
    <WizardFrame
      title="Activate destination"
      subject={
        spec && (
          <Flex alignItems="center" gap="size-100">
            <img src={spec.logo} alt="" width={20} height={20} />
            <Text>{spec.name}</Text>
          </Flex>
        )
      }
      steps={STEPS}
      current="destination"
      actions={actions}
    >
      <Flex direction="column" gap="size-200">
        <Heading level={2} margin={0}>
          Select destination
        </Heading>
        <Text>
          Select the {spec?.name ?? ''} destination to activate audiences to, or configure a new
          one.
        </Text>
        {flows.isError ? (
          <LoadError title="The destinations could not be loaded" error={flows.error} />
        ) : !flows.isPending && destinations.length === 0 ? (
          <EmptyState title="No destinations to activate yet">
            You have a {spec?.name ?? ''} account but no destination (dataflow) with it. Select
            Configure new destination to set one up.
          </EmptyState>
        ) : (
          <TableView
            aria-label="Destinations"
            UNSAFE_className="activate-table"
            overflowMode="wrap"
            selectionMode="single"
            disallowEmptySelection={false}
            selectedKeys={selected ? [selected] : []}
            onSelectionChange={onSelectionChange}
            renderEmptyState={() => (
              <IllustratedMessage>
                <Heading>No destinations</Heading>
              </IllustratedMessage>
            )}
            minHeight="size-2400"
          >
            <TableHeader>
              <Column key="name" isRowHeader width="2fr">
                Name
              </Column>
              <Column key="account" width="1.5fr">
                Account
              </Column>
              <Column key="audiences" width="1.3fr" minWidth={170}>
                Activated audiences
              </Column>
              <Column key="status" width="1fr">
                Status
              </Column>
              <Column key="created" width="1.3fr">
                Created
              </Column>
            </TableHeader>
            <TableBody items={destinations} loadingState={flows.isPending ? 'loading' : 'idle'}>
              {(flow) => {
                const baseId = flow.inheritedAttributes.targetConnections[0]?.baseConnection?.id
                return (
                  <Row key={flow.id} textValue={flow.name}>
                    <Cell>{flow.name}</Cell>
                    <Cell>
                      {accounts.isPending ? '' : ((baseId && accountName.get(baseId)) ?? '—')}
                    </Cell>
                    <Cell>
                      {String(
                        flow.transformations[0]?.params.segmentSelectors.selectors.length ?? 0,
                      )}
                    </Cell>
                    <Cell>
                      <StatusLight variant={flow.state === 'enabled' ? 'positive' : 'neutral'}>
                        {flow.state === 'enabled' ? 'Enabled' : 'Disabled'}
                      </StatusLight>
                    </Cell>
                    <Cell>
                      <DateTime value={flow.createdAt} />
                    </Cell>
                  </Row>
                )
              }}
            </TableBody>
          </TableView>
        )}
      </Flex>
    </WizardFrame>
  )
}
