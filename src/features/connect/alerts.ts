import { DESTINATION_ALERTS } from '../../../contracts/destination-alerts'

/** The alerts a destination offers: for streaming destinations, only Activation Skipped Rate Exceeded. */
export const alertsFor = (frequency: 'Streaming' | 'Batch') =>
  DESTINATION_ALERTS.filter((alert) => frequency === 'Batch' || alert.streaming)

export const SUBSCRIBE_ALERTS_HELP =
  'Alerts allow you to receive notifications based on the status of your destination dataflows. You can set alert notifications to get updates if your dataflow has started, is successful, has failed, or did not send any data to your destination.'
