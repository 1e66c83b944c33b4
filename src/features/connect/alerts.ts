/** A destination alert a dataflow can subscribe to (AEP's names; stored by id in `alerts`). */
export interface DestinationAlert {
  id: string
  label: string
  description: string
  /** Whether streaming destinations offer it; file-based destinations offer every alert. */
  streaming: boolean
}

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
    id: 'activation-skipped-rate-exceeded',
    label: 'Activation Skipped Rate Exceeded',
    description: 'More than 1% of the identities of a dataflow run are skipped.',
    streaming: true,
  },
]

/** The alerts a destination offers: for streaming destinations, only Activation Skipped Rate Exceeded. */
export const alertsFor = (frequency: 'Streaming' | 'Batch') =>
  DESTINATION_ALERTS.filter((alert) => frequency === 'Batch' || alert.streaming)

export const SUBSCRIBE_ALERTS_HELP =
  'Alerts allow you to receive notifications based on the status of your destination dataflows. You can set alert notifications to get updates if your dataflow has started, is successful, has failed, or did not send any data to your destination.'
