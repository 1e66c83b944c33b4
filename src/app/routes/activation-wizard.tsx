import type { QueryClient } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router-dom'
import { audiencesQuery } from '../../api/audiences'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { flowQuery } from '../../api/flows'
import { unionSchemaQuery } from '../../api/schema'
import { activationStep } from '../../features/activate/activation-draft'
import { ActivationWizard } from '../../features/activate/activation-wizard'

export const makeLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (!activationStep(params.step)) throw new Response('Unknown step', { status: 404 })
    const sandbox = params.sandbox!
    void queryClient.prefetchQuery(flowQuery(sandbox, params.flowId!))
    void queryClient.prefetchQuery(connectionSpecsQuery(sandbox))
    void queryClient.prefetchQuery(audiencesQuery(sandbox))
    void queryClient.prefetchQuery(unionSchemaQuery(sandbox))
    return null
  }

export function Component() {
  const { sandbox, flowId, step } = useParams()
  return (
    <ActivationWizard
      sandbox={sandbox!}
      flowId={flowId!}
      step={activationStep(step) ?? 'audiences'}
    />
  )
}
