import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs } from 'react-router-dom'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { flowsQuery } from '../../api/flows'
import { BrowsePage } from '../../features/browse/browse-page'

export const makeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const sandbox = params.sandbox!
    void queryClient.prefetchQuery(flowsQuery(sandbox))
    void queryClient.prefetchQuery(connectionSpecsQuery(sandbox))
    return null
  }

export function Component() {
  return <BrowsePage />
}
