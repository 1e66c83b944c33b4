import {
  Breadcrumbs,
  Flex,
  Heading,
  Item,
  Link,
  ProgressCircle,
  TabList,
  TabPanels,
  Tabs,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ApiError } from '../../api/client'
import { flowQuery } from '../../api/flows'
import { useDestinationSpec } from '../../components/destination/use-destination-spec'
import { EmptyState } from '../../components/empty-state'
import type { Flow } from '../../../contracts/flow-service'
import { paths } from '../../lib/paths'
import { ActivationDataTab } from './activation-data-tab'
import { DetailsRail } from './details-rail'
import { DETAILS_TABS, type DetailsTab } from './details-tabs'
import './details.css'
import { LoadError } from '../../components/load-error'

interface DetailsPageProps {
  sandbox: string
  flowId: string
  tab: DetailsTab
  /** The Dataflow runs and Exports tabs, composed by the route (they belong to other features). */
  panels: Record<'runs' | 'exports', (flow: Flow) => ReactNode>
}

/**
 * The destination details page: the dataflow's name and logo, the tabs Dataflow runs, Activation
 * data and Exports, and the right rail with its facts and actions.
 */
export function DetailsPage({ sandbox, flowId, tab, panels }: DetailsPageProps) {
  const flow = useQuery(flowQuery(sandbox, flowId))
  const spec = useDestinationSpec(sandbox, flow.data)

  if (flow.isPending) {
    return (
      <Flex justifyContent="center" marginTop="size-600">
        <ProgressCircle aria-label="Loading the destination" isIndeterminate />
      </Flex>
    )
  }
  if (flow.isError) {
    if (flow.error instanceof ApiError && flow.error.status === 404) {
      return (
        <EmptyState title="Destination not found">
          This dataflow does not exist in the {sandbox} sandbox; it may have been deleted.{' '}
          <Link href={paths.destinations.browse(sandbox)}>Back to Browse</Link>
        </EmptyState>
      )
    }
    return (
      <LoadError
        title="The destination could not be loaded"
        error={flow.error}
        onRetry={() => void flow.refetch()}
      />
    )
  }
  if (!flow.data) {
    return (
      <EmptyState title="Destination not found">
        <Link href={paths.destinations.browse(sandbox)}>Back to Browse</Link>
      </EmptyState>
    )
  }

  const current = flow.data
  return (
    <div className="details">
      <div className="details-main">
        <Breadcrumbs>
          <Item key="browse" href={paths.destinations.browse(sandbox)}>
            Browse
          </Item>
          <Item key="destination">{current.name}</Item>
        </Breadcrumbs>
        <Flex alignItems="center" gap="size-150" marginY="size-200">
          {spec && <img src={spec.logo} alt="" width={40} height={40} />}
          <Heading level={1} margin={0} UNSAFE_style={{ fontSize: 28 }}>
            {current.name}
          </Heading>
        </Flex>
        <Tabs aria-label="Destination details" selectedKey={tab}>
          <TabList>
            {DETAILS_TABS.map((t) => (
              <Item key={t.key} href={paths.destinations.details(sandbox, flowId, t.key)}>
                {t.label}
              </Item>
            ))}
          </TabList>
          <TabPanels UNSAFE_style={{ paddingTop: 16, overflow: 'visible' }}>
            <Item key="runs">{panels.runs(current)}</Item>
            <Item key="activation">
              <ActivationDataTab sandbox={sandbox} flow={current} />
            </Item>
            <Item key="exports">{panels.exports(current)}</Item>
          </TabPanels>
        </Tabs>
      </div>
      <DetailsRail sandbox={sandbox} flow={current} spec={spec} />
    </div>
  )
}
