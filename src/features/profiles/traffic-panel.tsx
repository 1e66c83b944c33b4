import {
  Button,
  Flex,
  Form,
  Heading,
  InlineAlert,
  Content,
  Meter,
  NumberField,
  Text,
  View,
} from '@adobe/react-spectrum'
import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Controller, useForm, type Control } from 'react-hook-form'
import { startTraffic, stopTraffic, trafficJobsQuery, trafficKeys } from '../../api/traffic'
import { trafficRequestSchema, type TrafficRequest } from '../../../contracts/engine/traffic'
import { formatCount } from '../../lib/format'

/** A number field of the traffic form, with its error at the field. */
function NumberController({
  control,
  name,
  label,
  minValue,
  maxValue,
}: {
  control: Control<TrafficRequest>
  name: keyof TrafficRequest
  label: string
  minValue?: number
  maxValue?: number
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberField
          label={label}
          value={field.value}
          onChange={field.onChange}
          minValue={minValue}
          maxValue={maxValue}
          validationState={fieldState.error ? 'invalid' : undefined}
          errorMessage={fieldState.error?.message}
        />
      )}
    />
  )
}

/**
 * Generate traffic: N seeded random profile updates a second for T seconds, each evaluated at
 * once like any other update; shows the running job's progress.
 */
export function TrafficPanel({ sandbox }: { sandbox: string }) {
  const queryClient = useQueryClient()
  const jobs = useQuery({
    ...trafficJobsQuery(sandbox),
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => job.state === 'running') ? 1000 : false,
  })
  const running = jobs.data?.find((job) => job.state === 'running')
  const last = running ?? jobs.data?.[0]
  const form = useForm<TrafficRequest>({
    resolver: zodResolver(trafficRequestSchema),
    defaultValues: { updatesPerSecond: 20, durationSeconds: 10, seed: 1 },
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: trafficKeys.all })
  const start = useMutation({
    mutationFn: (values: TrafficRequest) => startTraffic(sandbox, values),
    onSuccess: refresh,
  })
  const stop = useMutation({
    mutationFn: (id: string) => stopTraffic(sandbox, id),
    onSuccess: refresh,
  })

  return (
    <View
      borderWidth="thin"
      borderColor="gray-300"
      borderRadius="medium"
      backgroundColor="gray-50"
      padding="size-200"
    >
      <Heading level={2} margin={0} marginBottom="size-100" UNSAFE_style={{ fontSize: 18 }}>
        Generate traffic
      </Heading>
      <Text>
        Sends random but seeded profile updates through the profile API: attribute writes (mapped
        and not), changes that move profiles into or out of audiences, and new identities.
      </Text>
      <Form
        aria-label="Generate traffic"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault()
          void form.handleSubmit((values) => start.mutate(values))()
        }}
      >
        <Flex gap="size-200" alignItems="end" wrap marginTop="size-100">
          <NumberController
            control={form.control}
            name="updatesPerSecond"
            label="Updates per second"
            minValue={1}
            maxValue={2000}
          />
          <NumberController
            control={form.control}
            name="durationSeconds"
            label="Duration (seconds)"
            minValue={1}
            maxValue={3600}
          />
          <NumberController control={form.control} name="seed" label="Seed" />
          {running ? (
            <Button variant="negative" onPress={() => stop.mutate(running.id)}>
              Stop traffic
            </Button>
          ) : (
            <Button variant="accent" type="submit" isPending={start.isPending}>
              Start traffic
            </Button>
          )}
        </Flex>
      </Form>
      {start.isError && (
        <InlineAlert variant="negative" marginTop="size-150">
          <Heading>Traffic did not start</Heading>
          <Content>{start.error.message}</Content>
        </InlineAlert>
      )}
      {last && (
        <Flex direction="column" gap="size-50" marginTop="size-150">
          <Meter
            label={running ? 'Sending updates' : `Last run ${last.state}`}
            value={last.planned ? (last.sent / last.planned) * 100 : 0}
            valueLabel={`${last.sent.toLocaleString('en-US')} of ${last.planned.toLocaleString('en-US')}`}
            variant={running ? 'informative' : last.state === 'completed' ? 'positive' : 'warning'}
            width="size-4600"
          />
          <Text>
            {`${formatCount(last.exported, 'message', 'messages')} exported, ${formatCount(last.excluded, 'profile', 'profiles')} excluded`}
            {last.refused > 0 &&
              `, ${formatCount(last.refused, 'update', 'updates')} refused by the profile API`}
          </Text>
          {last.state === 'interrupted' && (
            <Text>The page was reloaded or closed while it ran: it sent no more updates.</Text>
          )}
        </Flex>
      )}
    </View>
  )
}
