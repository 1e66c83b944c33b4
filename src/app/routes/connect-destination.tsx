import { Link } from '@adobe/react-spectrum'
import { useParams } from 'react-router-dom'
import { EmptyState } from '../../components/empty-state'
import { paths } from '../../lib/paths'

export function Component() {
  const sandbox = useParams().sandbox!
  return (
    <EmptyState title="The connect workflow is not available yet">
      Connecting a destination from the console arrives with the connect wizard. Until then, create
      connections through the Flow Service API.{' '}
      <Link href={paths.destinations.catalog(sandbox)}>Back to the catalog</Link>
    </EmptyState>
  )
}
