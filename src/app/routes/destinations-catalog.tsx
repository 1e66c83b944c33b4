import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs } from 'react-router-dom'
import { connectionsQuery } from '../../api/connections'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { CatalogPage } from '../../features/catalog/catalog-page'

export const makeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    const sandbox = params.sandbox!
    void queryClient.prefetchQuery(connectionSpecsQuery(sandbox))
    void queryClient.prefetchQuery(connectionsQuery(sandbox))
    return null
  }

export function Component() {
  return <CatalogPage />
}
