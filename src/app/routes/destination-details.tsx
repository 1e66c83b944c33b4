import { EmptyState } from '../../components/empty-state'

export function Component() {
  return (
    <EmptyState title="Destination details are not available yet">
      The details page of a destination arrives with Browse.
    </EmptyState>
  )
}
