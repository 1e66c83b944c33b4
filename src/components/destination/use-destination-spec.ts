import { useQuery } from '@tanstack/react-query'
import { connectionSpecsQuery } from '../../api/connection-specs'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import type { Flow } from '../../../contracts/flow-service'

/** The connection spec id of a dataflow's destination (its target connection's spec). */
export const destinationSpecId = (flow: Flow): string | undefined =>
  flow.inheritedAttributes.targetConnections[0]?.connectionSpec.id

/** The connection specs by id, for tables that name each dataflow's destination. */
export function useConnectionSpecs(sandbox: string): ReadonlyMap<string, ConnectionSpec> {
  const specs = useQuery(connectionSpecsQuery(sandbox))
  return new Map((specs.data ?? []).map((spec) => [spec.id, spec]))
}

/** The destination (connection spec) a dataflow exports to, once the specs are loaded. */
export function useDestinationSpec(sandbox: string, flow: Flow | undefined) {
  const specs = useConnectionSpecs(sandbox)
  const id = flow && destinationSpecId(flow)
  return id ? specs.get(id) : undefined
}
