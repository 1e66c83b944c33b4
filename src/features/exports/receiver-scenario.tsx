import { Button, Flex, Item, NumberField, Picker, Text, View } from '@adobe/react-spectrum'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { receiverScenarioQuery, setReceiverScenario } from '../../api/receiver'
import {
  receiverScenarioSchema,
  type ReceiverScenario,
  type ReceiverScenarioInput,
  type ReceiverScenarioKind,
  type ReceiverScenarioStatus,
} from '../../../contracts/engine/receiver'

const KINDS: { key: ReceiverScenarioKind; label: string }[] = [
  { key: 'ok', label: 'Always 200' },
  { key: 'fail-then-succeed', label: 'Fail N times, then succeed' },
  { key: 'always-500', label: 'Always 500' },
  { key: 'rate-limit', label: '429 with Retry-After' },
  { key: 'slow', label: 'Slower than 2 seconds' },
  { key: 'unauthorized-once', label: '401 once (OAuth destinations fetch a new token)' },
]

const describe = (scenario: ReceiverScenario, remaining: number | null) => {
  const label = KINDS.find((k) => k.key === scenario.kind)?.label ?? scenario.kind
  if (scenario.kind === 'fail-then-succeed') return `${label}: ${remaining ?? 0} failures left`
  if (scenario.kind === 'unauthorized-once') return `${label}: ${remaining ? 'armed' : 'used'}`
  if (scenario.kind === 'rate-limit') return `${label} of ${scenario.retryAfterSeconds} s`
  return label
}

/** The scenario's number fields the form shows, with the message of the one at fault. */
type FieldErrors = Partial<Record<'failures' | 'retryAfterSeconds', string>>

/**
 * Checks the scenario against the receiver's contract before it is sent: a cleared field (NaN),
 * a decimal or a value out of range gets the contract's message at that field.
 */
function fieldErrors(scenario: ReceiverScenarioInput): FieldErrors {
  const result = receiverScenarioSchema.safeParse(scenario)
  const errors: FieldErrors = {}
  if (result.success) return errors
  for (const issue of result.error.issues) {
    const field = issue.path[0]
    if ((field === 'failures' || field === 'retryAfterSeconds') && !errors[field]) {
      errors[field] = issue.message
    }
  }
  return errors
}

/** The demo receiver's fault scenario for this destination's endpoint. */
export function ReceiverScenarioControl({
  sandbox,
  endpoint,
}: {
  sandbox: string
  endpoint: string
}) {
  const status = useQuery({
    ...receiverScenarioQuery(sandbox, endpoint),
    // Failures left, or a 401 still armed, run down as requests arrive: keep the count current.
    refetchInterval: (query) => ((query.state.data?.remaining ?? 0) > 0 ? 1000 : false),
  })
  return (
    <ScenarioForm
      key={status.data?.updatedAt ?? 'default'}
      sandbox={sandbox}
      endpoint={endpoint}
      status={status.data ?? null}
      error={status.error}
    />
  )
}

interface ScenarioFormProps {
  sandbox: string
  endpoint: string
  status: ReceiverScenarioStatus | null
  error: Error | null
}

/** The scenario picker, starting from the receiver's current scenario. */
function ScenarioForm({ sandbox, endpoint, status, error }: ScenarioFormProps) {
  const queryClient = useQueryClient()
  const current = status?.scenario
  const [kind, setKind] = useState<ReceiverScenarioKind>(current?.kind ?? 'ok')
  const [failures, setFailures] = useState(
    current?.kind === 'fail-then-succeed' ? current.failures : 2,
  )
  const [retryAfter, setRetryAfter] = useState(
    current?.kind === 'rate-limit' ? current.retryAfterSeconds : 1,
  )
  // Fields are checked once Apply was pressed, then again as they change.
  const [checked, setChecked] = useState(false)
  const scenario: ReceiverScenarioInput =
    kind === 'fail-then-succeed'
      ? { kind, failures }
      : kind === 'rate-limit'
        ? { kind, retryAfterSeconds: retryAfter }
        : { kind }
  const errors = checked ? fieldErrors(scenario) : {}
  const apply = useMutation({
    mutationFn: (next: ReceiverScenarioInput) => setReceiverScenario(sandbox, endpoint, next),
    onSuccess: (data) =>
      queryClient.setQueryData(receiverScenarioQuery(sandbox, endpoint).queryKey, data),
  })
  const submit = () => {
    setChecked(true)
    if (Object.keys(fieldErrors(scenario)).length > 0) {
      apply.reset()
      return
    }
    apply.mutate(scenario)
  }
  return (
    <View
      borderWidth="thin"
      borderColor="gray-300"
      borderRadius="medium"
      padding="size-200"
      backgroundColor="gray-50"
    >
      <Flex gap="size-200" alignItems="end" wrap>
        <Picker
          label="Fault scenario"
          items={KINDS}
          selectedKey={kind}
          onSelectionChange={(key) => setKind(key as ReceiverScenarioKind)}
          width="size-3600"
        >
          {(item) => <Item key={item.key}>{item.label}</Item>}
        </Picker>
        {kind === 'fail-then-succeed' && (
          <NumberField
            label="Failures"
            value={failures}
            onChange={setFailures}
            minValue={1}
            maxValue={100}
            width="size-1600"
            validationState={errors.failures ? 'invalid' : undefined}
            errorMessage={errors.failures}
          />
        )}
        {kind === 'rate-limit' && (
          <NumberField
            label="Retry-After (seconds)"
            value={retryAfter}
            onChange={setRetryAfter}
            minValue={0}
            maxValue={60}
            width="size-2000"
            validationState={errors.retryAfterSeconds ? 'invalid' : undefined}
            errorMessage={errors.retryAfterSeconds}
          />
        )}
        <Button variant="secondary" onPress={submit} isPending={apply.isPending}>
          Apply scenario
        </Button>
      </Flex>
      <Text marginTop="size-100" UNSAFE_style={{ display: 'block' }} aria-live="polite">
        {status
          ? `The receiver at ${endpoint} answers: ${describe(status.scenario, status.remaining)}.`
          : (error?.message ?? '')}
        {apply.isError ? ` ${apply.error.message}` : ''}
      </Text>
    </View>
  )
}
