import { Checkbox, CheckboxGroup, Flex, Heading, Text } from '@adobe/react-spectrum'
import { Controller, useFormContext } from 'react-hook-form'
import { FieldHelp } from '../../components/spec-form/field-help'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import { alertsFor, SUBSCRIBE_ALERTS_HELP } from './alerts'
import type { ConnectDraft } from './draft'

/** Step 4: the destination alerts to subscribe to; then Save & Exit or Next into activation. */
export function AlertsStep({ spec }: { spec: ConnectionSpec }) {
  const { control } = useFormContext<ConnectDraft>()
  const alerts = alertsFor(spec.attributes.frequency)
  return (
    <Flex direction="column" gap="size-200">
      <Heading level={2} margin={0}>
        Alerts
      </Heading>
      <Controller
        control={control}
        name="alerts"
        render={({ field }) => (
          <CheckboxGroup
            label="Subscribe to destination alerts"
            contextualHelp={
              <FieldHelp title="Subscribe to destination alerts">{SUBSCRIBE_ALERTS_HELP}</FieldHelp>
            }
            value={field.value}
            onChange={field.onChange}
          >
            {alerts.map((alert) => (
              <Checkbox key={alert.id} value={alert.id}>
                {alert.label}
              </Checkbox>
            ))}
          </CheckboxGroup>
        )}
      />
      <ul className="connect-alert-list">
        {alerts.map((alert) => (
          <li key={alert.id}>
            <strong>{alert.label}</strong>: {alert.description}
          </li>
        ))}
      </ul>
      {spec.attributes.frequency === 'Streaming' && (
        <Text>
          For streaming destinations, only the Activation Skipped Rate Exceeded alert is available.
        </Text>
      )}
      <Text>
        Save &amp; Exit saves the destination and returns to Browse. Next saves it and continues
        with activating audiences.
      </Text>
    </Flex>
  )
}
