import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  Switch,
  Text,
  ToastQueue,
} from '@adobe/react-spectrum'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { z } from 'zod'
import { ApiError } from '../../api/client'
import { patchConnection, testCredentials, connectionKeys } from '../../api/connections'
import { DemoCredentialsHint } from '../../components/spec-form/demo-credentials-hint'
import { SpecFields, secretKeys, specDefaults } from '../../components/spec-form/spec-fields'
import { schemaResolver } from '../../components/spec-form/zod-resolver'
import { findDestination } from '../../../contracts/destination-catalog'
import { authParamsOf } from '../../../contracts/destination-registry'
import { createConnectionSchema, type JsonPatchOperation } from '../../../contracts/flow-service'
import type { AccountRow } from './account-rows'
import { TextController } from '../../components/spec-form/text-controller'

interface EditAccountDialogProps {
  sandbox: string
  row: AccountRow
  onClose: () => void
}

interface EditValues {
  name: string
  description: string
  updateCredentials: boolean
  params: Record<string, unknown>
}

/**
 * "Edit details": the account's name and description and, for accounts with credentials, new
 * credentials. New credentials are checked as "Connect to destination" checks them (OAuth
 * accounts request a token) before the account is patched with its etag.
 */
export function EditAccountDialog({ sandbox, row, onClose }: EditAccountDialogProps) {
  const queryClient = useQueryClient()
  const { account, spec } = row
  const specName = account.auth?.specName ?? ''
  const authSpec = spec.authSpec.find((auth) => auth.name === specName)
  const definition = findDestination(spec.id)?.auth.find((auth) => auth.name === specName)
  const hasCredentials = authSpec !== undefined && Object.keys(authSpec.spec.properties).length > 0

  const schema = useMemo(
    () =>
      z
        .object({
          name: createConnectionSchema.shape.name,
          description: createConnectionSchema.shape.description,
          updateCredentials: z.boolean(),
          params: z.record(z.string(), z.unknown()),
        })
        .superRefine((values, ctx) => {
          if (!values.updateCredentials || !definition) return
          const result = definition.schema.safeParse(authParamsOf(definition, values.params))
          if (result.success) return
          for (const issue of result.error.issues) {
            ctx.addIssue({
              code: 'custom',
              path: ['params', ...issue.path],
              message: issue.message,
            })
          }
        }),
    [definition],
  )

  const defaultParams = useMemo(() => {
    if (!authSpec) return {}
    const secrets = new Set(secretKeys(authSpec.spec))
    const saved = Object.entries(account.auth?.params ?? {}).filter(
      ([key]) => key in authSpec.spec.properties && !secrets.has(key),
    )
    return { ...specDefaults(authSpec.spec), ...Object.fromEntries(saved) }
  }, [account, authSpec])

  const form = useForm<EditValues>({
    defaultValues: {
      name: account.name,
      description: account.description,
      updateCredentials: false,
      params: defaultParams,
    },
    resolver: schemaResolver(() => schema),
    mode: 'onTouched',
    criteriaMode: 'all',
  })
  const updateCredentials = useWatch({ control: form.control, name: 'updateCredentials' })

  const save = useMutation({
    mutationFn: async (values: EditValues) => {
      const operations: JsonPatchOperation[] = [
        { op: 'replace', path: '/name', value: values.name.trim() },
        { op: 'replace', path: '/description', value: values.description.trim() },
      ]
      if (values.updateCredentials && definition) {
        const params = definition.schema.parse(authParamsOf(definition, values.params))
        await testCredentials(sandbox, spec.id, { specName, params })
        operations.push({ op: 'replace', path: '/auth/params', value: params })
      }
      return patchConnection(sandbox, account.id, account.etag, operations)
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: connectionKeys.all })
      ToastQueue.positive(`The account ${form.getValues('name').trim()} was updated.`, {
        timeout: 5000,
      })
      onClose()
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return
      for (const { path, message } of error.fieldErrors) {
        const field = path.replace(/^auth\.params\./, 'params.')
        if (/^(name|description|params\.\w+)$/.test(field)) {
          form.setError(field as FieldPath<EditValues>, { type: 'server', message })
        }
      }
    },
  })

  const submit = form.handleSubmit(() => save.mutate(form.getValues()))

  return (
    <Dialog size="L">
      <Heading>Edit details</Heading>
      <Divider />
      <Content>
        <form
          id="edit-account"
          noValidate
          onSubmit={(event) => void submit(event)}
          className="accounts-edit-form"
        >
          <TextController control={form.control} name="name" label="Account name" isRequired />
          <TextController control={form.control} name="description" multiline label="Description" />
          {hasCredentials && authSpec && definition && (
            <>
              <Controller
                control={form.control}
                name="updateCredentials"
                render={({ field }) => (
                  <Switch isSelected={field.value} onChange={field.onChange}>
                    Enter new credentials
                  </Switch>
                )}
              />
              {updateCredentials ? (
                <Flex direction="column" gap="size-200">
                  <Text>
                    {specName}: the new credentials are checked before they replace the saved ones.
                  </Text>
                  <SpecFields schema={authSpec.spec} control={form.control} name="params" />
                  <DemoCredentialsHint
                    authType={definition.type}
                    schema={authSpec.spec}
                    onUse={(values) => {
                      for (const [key, value] of Object.entries(values)) {
                        form.setValue(`params.${key}`, value, { shouldValidate: true })
                      }
                    }}
                  />
                </Flex>
              ) : (
                <Text>The saved {specName} credentials are kept.</Text>
              )}
            </>
          )}
          {save.isError && (
            <InlineAlert variant="negative">
              <Heading>
                {save.error instanceof ApiError && save.error.problem
                  ? save.error.problem.title
                  : 'The account was not updated'}
              </Heading>
              <Content>{save.error.message}</Content>
            </InlineAlert>
          )}
        </form>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onClose} isDisabled={save.isPending}>
          Cancel
        </Button>
        <Button variant="accent" type="submit" form="edit-account" isPending={save.isPending}>
          Save
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}
