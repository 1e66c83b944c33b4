import { EmptyState } from '../../components/empty-state'

export function Component() {
  return (
    <EmptyState title="Browse is not available yet">
      Browse will list your destination dataflows once the activation workflow is part of this
      console.
    </EmptyState>
  )
}
