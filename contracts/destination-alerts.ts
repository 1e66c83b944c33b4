/** A destination alert a dataflow can subscribe to (AEP's names; stored by id in `alerts`). */
export interface DestinationAlert {
  id: string
  label: string
  description: string
  /** Whether streaming destinations offer it; file-based destinations offer every alert. */
  streaming: boolean
}

/** The alert raised for a dataflow run that skipped too many of the profiles it received. */
export const ACTIVATION_SKIPPED_RATE_EXCEEDED = 'activation-skipped-rate-exceeded'

/**
 * Activation Skipped Rate Exceeded fires when a run's skipped rate (identities excluded ÷
 * profiles received) is over this many percent; exactly this rate does not.
 */
export const SKIPPED_RATE_THRESHOLD_PERCENT = 1

export const DESTINATION_ALERTS: readonly DestinationAlert[] = [
  {
    id: 'destination-flow-run-delay',
    label: 'Destination Flow Run Delay',
    description: 'A dataflow run takes longer than 150 minutes.',
    streaming: false,
  },
  {
    id: 'destination-flow-run-failure',
    label: 'Destination Flow Run Failure',
    description: 'A dataflow run ends with an error.',
    streaming: false,
  },
  {
    id: 'destination-flow-run-success',
    label: 'Destination Flow Run Success',
    description: 'A dataflow run completes successfully.',
    streaming: false,
  },
  {
    id: 'destination-flow-run-start',
    label: 'Destination Flow Run Start',
    description: 'A dataflow run starts.',
    streaming: false,
  },
  {
    id: ACTIVATION_SKIPPED_RATE_EXCEEDED,
    label: 'Activation Skipped Rate Exceeded',
    description: `More than ${SKIPPED_RATE_THRESHOLD_PERCENT}% of the identities of a dataflow run are skipped.`,
    streaming: true,
  },
]
