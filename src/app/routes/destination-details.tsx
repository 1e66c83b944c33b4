import type { QueryClient } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { EmptyState } from '../../components/empty-state'
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
  runs: () => (
    <EmptyState title="No dataflow runs yet">
      Dataflow runs show here once the dataflow runs: hourly windows with the profiles received and
      the identities activated, excluded and failed.
    </EmptyState>
  ),
  exports: () => (
    <EmptyState title="No exports yet">
      Every profile this dataflow exports shows here once the dataflow runs: the request as sent,
      the response and each attempt.
    </EmptyState>
  ),
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
