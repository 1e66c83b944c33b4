import { EmptyState } from '../../components/empty-state'

export function Component() {
  return (
    <EmptyState title="No destinations dashboard yet">
      The Overview dashboard summarizes activated destinations. This console does not build it yet:
      use the Catalog to set up a destination.
    </EmptyState>
  )
}
