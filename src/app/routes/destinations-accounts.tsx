import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { connectionsQuery } from '../../api/connections'
import { flowsQuery } from '../../api/flows'
import { targetConnectionsQuery } from '../../api/target-connections'
import { AccountsPage } from '../../features/accounts/accounts-page'

export const makeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const sandbox = params.sandbox!
    void queryClient.prefetchQuery(connectionsQuery(sandbox))
    void queryClient.prefetchQuery(connectionSpecsQuery(sandbox))
    void queryClient.prefetchQuery(targetConnectionsQuery(sandbox))
    void queryClient.prefetchQuery(flowsQuery(sandbox))
    return null
  }

export function Component() {
  return <AccountsPage />
}
