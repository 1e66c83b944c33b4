import { StatusLight } from '@adobe/react-spectrum'
import type { LastRunDetails } from '../../contracts/flow-service'

type RunState = LastRunDetails['state']

/** The colour of a run's status, the same on every screen that shows one. */
const RUN_STATUS_LIGHTS = {
  inProgress: 'info',
  success: 'positive',
  failed: 'negative',
} as const satisfies Record<RunState, string>

/** A dataflow run's status as a status light, labelled as the screen names it. */
export function RunStatusLight({ state, label }: { state: RunState; label: string }) {
  return <StatusLight variant={RUN_STATUS_LIGHTS[state]}>{label}</StatusLight>
}
