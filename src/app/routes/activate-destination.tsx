import { Link } from '@adobe/react-spectrum'
import { useParams } from 'react-router-dom'
import { EmptyState } from '../../components/empty-state'
import { paths } from '../../lib/paths'

export function Component() {
  const sandbox = useParams().sandbox!
  return (
    <EmptyState title="The activation workflow is not available yet">
      Activating audiences from the console arrives with the activation wizard. Until then, activate
      audiences by patching the dataflow through the Flow Service API.{' '}
      <Link href={paths.destinations.catalog(sandbox)}>Back to the catalog</Link>
    </EmptyState>
  )
}
