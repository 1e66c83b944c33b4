import type { QueryClient } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import type { Flow } from '../../../contracts/flow-service'
import { RunsTab } from '../../features/dataflow-runs/runs-tab'
import { FlowExportsPanel } from '../../features/exports/flow-exports-panel'
import { flowQuery } from '../../api/flows'
import { DetailsPage } from '../../features/destination-details/details-page'
import { detailsTab } from '../../features/destination-details/details-tabs'

export const makeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (!detailsTab(params.tab)) throw new Response('Unknown tab', { status: 404 })
    const sandbox = params.sandbox!
    void queryClient.prefetchQuery(flowQuery(sandbox, params.flowId!))
    void queryClient.prefetchQuery(connectionSpecsQuery(sandbox))
    return null
  }

const panels = {
  runs: (flow: Flow) => <RunsTab sandbox={flow.sandboxName} flowId={flow.id} />,
  exports: (flow: Flow) => <FlowExportsPanel sandbox={flow.sandboxName} flow={flow} />,
}

export function Component() {
  const { sandbox, flowId, tab } = useParams()
  return (
    <DetailsPage
      sandbox={sandbox!}
      flowId={flowId!}
      tab={detailsTab(tab) ?? 'runs'}
      panels={panels}
    />
  )
}
