import type { QueryClient } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { connectionsQuery } from '../../api/connections'
import { ConnectWizard } from '../../features/connect/connect-wizard'

export const makeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const sandbox = params.sandbox!
    void queryClient.prefetchQuery(connectionSpecsQuery(sandbox))
    void queryClient.prefetchQuery(connectionsQuery(sandbox, params.specId))
    return null
  }

/** `destinations/connect/:specId/:step?`: the connect wizard, one URL per step. */
export function Component() {
  const { sandbox, specId, step } = useParams()
  return <ConnectWizard sandbox={sandbox!} specId={specId!} step={step} />
}
