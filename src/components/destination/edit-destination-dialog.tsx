import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  ProgressCircle,
  Text,
  ToastQueue,
  useDialogContainer,
} from '@adobe/react-spectrum'
import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useForm, type FieldPath } from 'react-hook-form'
import { z } from 'zod'
import { ApiError } from '../../api/client'
import { connectionSpecsQuery } from '../../api/connection-specs'
import { connectionQuery } from '../../api/connections'
import { flowQuery } from '../../api/flows'
import {
  patchTargetConnection,
  targetConnectionQuery,
  targetConnectionKeys,
} from '../../api/target-connections'
import type { ConnectionSpec, JsonSchemaObject } from '../../../contracts/connection-spec'
import { findDestination } from '../../../contracts/destination-catalog'
import type { DestinationDefinition } from '../../../contracts/destination-registry'
import { headerClashes } from '../../../contracts/destinations/headers'
import type { TargetConnection } from '../../../contracts/flow-service'
import { SpecFields, specDefaults } from '../spec-form/spec-fields'
import { LoadError } from '../load-error'

interface EditDestinationDialogProps {
  sandbox: string
  flowId: string
}

/**
 * Edit destination: the destination details of a dataflow (its target connection's params, such
 * as the HTTP endpoint, headers, query parameters and the toggles), rendered from the target spec
 * and checked with the same zod schema as the connect wizard. Saves with
 * `PATCH /targetConnections/{id}` and the version it was opened with (If-Match). Render it inside
 * a DialogTrigger or DialogContainer.
 */
export function EditDestinationDialog({ sandbox, flowId }: EditDestinationDialogProps) {
  const dialog = useDialogContainer()
  const flow = useQuery(flowQuery(sandbox, flowId))
  const specs = useQuery(connectionSpecsQuery(sandbox))
  const targetId = flow.data?.targetConnectionIds[0] ?? ''
  const target = useQuery({ ...targetConnectionQuery(sandbox, targetId), enabled: targetId !== '' })
  const accountId = target.data?.baseConnectionId ?? ''
  const account = useQuery({ ...connectionQuery(sandbox, accountId), enabled: accountId !== '' })

  const specId = target.data?.connectionSpec.id
  const spec = specs.data?.find((s) => s.id === specId)
  const destination = specId ? findDestination(specId) : undefined
  const error = flow.error ?? specs.error ?? target.error ?? account.error
  const fields = spec?.targetSpec?.spec
  const ready = target.data && spec && fields && destination?.target && !account.isPending

  return (
    <Dialog size="M">
      <Heading>Edit destination</Heading>
      <Divider />
      {error ? (
        <Content>
          <LoadError title="The destination details could not be loaded" error={error} />
        </Content>
      ) : ready ? (
        <EditDestinationForm
          key={target.data.etag}
          sandbox={sandbox}
          target={target.data}
          spec={spec}
          fields={fields}
          destination={destination}
          authType={destination.auth.find((a) => a.name === account.data?.auth?.specName)?.type}
          onReload={() => void target.refetch()}
          onDone={() => dialog.dismiss()}
        />
      ) : (
        <Content>
          <Flex justifyContent="center" marginY="size-400">
            <ProgressCircle aria-label="Loading the destination details" isIndeterminate />
          </Flex>
        </Content>
      )}
      {!ready && (
        <ButtonGroup>
          <Button variant="secondary" onPress={() => dialog.dismiss()}>
            Cancel
          </Button>
        </ButtonGroup>
      )}
    </Dialog>
  )
}

/** The wizard's check of the destination details, plus the header clash with the account's auth. */
function detailsSchema(destination: DestinationDefinition, authType: string | undefined) {
  const params: z.ZodType<Record<string, unknown>, Record<string, unknown>> = destination.target
    ?.schema ?? z.object({})
  return z.object({ params }).superRefine((values, ctx) => {
    for (const { message } of headerClashes(values.params.headers, authType)) {
      ctx.addIssue({ code: 'custom', path: ['params', 'headers'], message })
    }
  })
}

interface EditDestinationFormProps {
  sandbox: string
  target: TargetConnection
  spec: ConnectionSpec
  /** The JSON Schema of the destination details (the spec's `targetSpec.spec`). */
  fields: JsonSchemaObject
  destination: DestinationDefinition
  authType: string | undefined
  onReload: () => void
  onDone: () => void
}

type Values = { params: Record<string, unknown> }

function EditDestinationForm({
  sandbox,
  target,
  spec,
  fields,
  destination,
  authType,
  onReload,
  onDone,
}: EditDestinationFormProps) {
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    resolver: zodResolver(detailsSchema(destination, authType)),
    criteriaMode: 'all',
    defaultValues: { params: { ...specDefaults(fields), ...target.params } },
  })
  const save = useMutation({
    mutationFn: (values: Values) =>
      patchTargetConnection(sandbox, target.id, target.etag, [
        { op: 'replace', path: '/params', value: values.params },
      ]),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: targetConnectionKeys.all })
      ToastQueue.positive(`The destination details of ${target.name} were saved.`, {
        timeout: 5000,
      })
      onDone()
    },
    onError: (error) => {
      for (const { path, message } of error instanceof ApiError ? error.fieldErrors : []) {
        if (path.startsWith('params.')) {
          form.setError(path as FieldPath<Values>, { message })
        }
      }
    },
  })
  const stale = save.error instanceof ApiError && save.error.status === 412
  const submit = form.handleSubmit((values) => save.mutate(values))

  return (
    <>
      <Content>
        <Text>
          Edit the destination details of {target.name}. The changes apply to the next exports.
        </Text>
        <form
          aria-label={`${spec.name} destination details`}
          onSubmit={(event) => void submit(event)}
          noValidate
        >
          <Flex direction="column" gap="size-150" marginTop="size-200">
            <SpecFields
              schema={fields}
              control={form.control}
              name="params"
              isDisabled={save.isPending}
            />
          </Flex>
          {save.isError && (
            <InlineAlert variant="negative" marginTop="size-200">
              <Heading>The destination details were not saved</Heading>
              <Content>
                {stale
                  ? 'These destination details changed since you opened them. Reload them to edit the current version.'
                  : save.error.message}
                {stale && (
                  <Button variant="secondary" onPress={onReload} marginTop="size-100">
                    Reload details
                  </Button>
                )}
              </Content>
            </InlineAlert>
          )}
        </form>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onDone} isDisabled={save.isPending}>
          Cancel
        </Button>
        <Button variant="accent" isPending={save.isPending} onPress={() => void submit()}>
          Save
        </Button>
      </ButtonGroup>
    </>
  )
}
