import type { QueryClient } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { connectionsQuery } from '../../api/connections'
import { flowsQuery } from '../../api/flows'
import { PickDestinationPage } from '../../features/activate/pick-destination-page'

export const makeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const sandbox = params.sandbox!
    void queryClient.prefetchQuery(flowsQuery(sandbox))
    void queryClient.prefetchQuery(connectionSpecsQuery(sandbox))
    void queryClient.prefetchQuery(connectionsQuery(sandbox, params.specId))
    return null
  }

export function Component() {
  const { sandbox, specId } = useParams()
  return <PickDestinationPage sandbox={sandbox!} specId={specId!} />
}
