import { useQuery } from '@tanstack/react-query'
import { targetConnectionQuery } from '../../api/target-connections'
import { receiverEndpoint } from '../../../contracts/engine/receiver'
import type { Flow } from '../../../contracts/flow-service'
import { ExportsTab } from './exports-tab'

const isDemoUrl = (url: string) => {
  try {
    const host = new URL(url).hostname
    return host === 'example' || host.endsWith('.example')
  } catch {
    return false
  }
}

/** The Exports tab of a destination: its mapped audiences and its demo receiver, if any. */
export function FlowExportsPanel({ sandbox, flow }: { sandbox: string; flow: Flow }) {
  const targetId = flow.targetConnectionIds[0] ?? ''
  const target = useQuery({
    ...targetConnectionQuery(sandbox, targetId),
    enabled: Boolean(targetId),
  })
  const endpoint = target.data?.params.httpEndpoint
  const audiences = (flow.transformations[0]?.params.segmentSelectors.selectors ?? []).map((s) => ({
    id: s.value.id,
    name: s.value.name ?? s.value.id,
  }))
  return (
    <ExportsTab
      sandbox={sandbox}
      flowId={flow.id}
      receiverEndpoint={
        typeof endpoint === 'string' && isDemoUrl(endpoint) ? receiverEndpoint(endpoint) : null
      }
      audiences={audiences}
    />
  )
}
