import {
  Cell,
  Column,
  Flex,
  Heading,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
} from '@adobe/react-spectrum'
import { Controller, useFormContext } from 'react-hook-form'
import { CORE_MARKETING_ACTIONS } from '../../../contracts/marketing-actions'
import type { ConnectDraft } from './draft'

/** Step 3: the Adobe-defined marketing actions this destination performs. */
export function GovernanceStep() {
  const { control } = useFormContext<ConnectDraft>()
  return (
    <Flex direction="column" gap="size-200">
      <Heading level={2} margin={0}>
        Marketing actions
      </Heading>
      <Text>
        Select the marketing actions that apply to the data you export to this destination. Data
        usage policies block an activation when the data carries labels that forbid one of them.
      </Text>
      <Heading level={3} margin={0}>
        Adobe-defined marketing actions
      </Heading>
      <Controller
        control={control}
        name="marketingActions"
        render={({ field }) => (
          <TableView
            aria-label="Adobe-defined marketing actions"
            selectionMode="multiple"
            selectedKeys={field.value}
            onSelectionChange={(keys) =>
              field.onChange(
                keys === 'all' ? CORE_MARKETING_ACTIONS.map((a) => a.id) : [...keys].map(String),
              )
            }
            overflowMode="wrap"
            density="spacious"
          >
            <TableHeader>
              <Column key="label" isRowHeader width="30%">
                Marketing action
              </Column>
              <Column key="description">Description</Column>
            </TableHeader>
            <TableBody items={CORE_MARKETING_ACTIONS}>
              {(action) => (
                <Row key={action.id}>
                  <Cell>{action.label}</Cell>
                  <Cell>{action.description}</Cell>
                </Row>
              )}
            </TableBody>
          </TableView>
        )}
      />
    </Flex>
  )
}
