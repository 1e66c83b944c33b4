import { Content, Heading, IllustratedMessage } from '@adobe/react-spectrum'
import type { ReactNode } from 'react'

/** An honest empty state: what will be here, and why it is not yet. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <IllustratedMessage marginTop="size-600">
      <Heading>{title}</Heading>
      <Content>{children}</Content>
    </IllustratedMessage>
  )
}
