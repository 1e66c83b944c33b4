import { EmptyState } from '../../components/empty-state'

export function Component() {
  return (
    <EmptyState title="Accounts are not available yet">
      Accounts will list the destination accounts you connect, once the connect workflow is part of
      this console.
    </EmptyState>
  )
}
