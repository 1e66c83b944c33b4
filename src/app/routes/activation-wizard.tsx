import { EmptyState } from '../../components/empty-state'

export function Component() {
  return (
    <EmptyState title="The activation workflow is not available yet">
      Activating audiences from the console arrives with the activation wizard.
    </EmptyState>
  )
}
