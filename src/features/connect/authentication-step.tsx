import {
  Button,
  Content,
  Flex,
  Heading,
  InlineAlert,
  Radio,
  RadioGroup,
  StatusLight,
  Text,
} from '@adobe/react-spectrum'
import { useMutation, type UseQueryResult } from '@tanstack/react-query'
import { Controller, useFormContext, useWatch } from 'react-hook-form'
import { ApiError } from '../../api/client'
import { testCredentials } from '../../api/connections'
import { DemoCredentialsHint } from '../../components/spec-form/demo-credentials-hint'
import { FieldHelp } from '../../components/spec-form/field-help'
import { SpecFields } from '../../components/spec-form/spec-fields'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import { authParamsOf, type DestinationDefinition } from '../../../contracts/destination-registry'
import type { Connection } from '../../../contracts/flow-service'
import { credentialsFingerprint, findAuth, type ConnectDraft, type CredentialsCheck } from './draft'
import { ExistingAccounts } from './existing-accounts'
import { TextController } from '../../components/spec-form/text-controller'

const ACCOUNT_NAME_HELP =
  'Enter a name that helps you easily identify this destination account in the future. This is especially useful when you have multiple connections to the same destination.'

interface AuthenticationStepProps {
  sandbox: string
  spec: ConnectionSpec
  destination: DestinationDefinition
  accounts: UseQueryResult<Connection[]>
  check: CredentialsCheck | null
  onCheck: (check: CredentialsCheck | null) => void
}

/**
 * Step 1: a new account (name, description, authentication type and its credentials, checked by
 * "Connect to destination") or an existing account of this destination.
 */
export function AuthenticationStep({
  sandbox,
  spec,
  destination,
  accounts,
  check,
  onCheck,
}: AuthenticationStepProps) {
  const { control, getValues, setValue, trigger, setError, clearErrors } =
    useFormContext<ConnectDraft>()
  const account = useWatch({ control, name: 'account' })
  const authSpec = spec.authSpec.find((auth) => auth.name === account.specName)
  const definition = findAuth(destination, account.specName)
  const connected =
    check !== null && check.fingerprint === credentialsFingerprint(destination, account)

  const credentials = useMutation({
    mutationFn: (auth: { specName: string; params: Record<string, unknown> }) =>
      testCredentials(sandbox, spec.id, auth),
  })

  const connect = async () => {
    credentials.reset()
    if (!(await trigger('account', { shouldFocus: true }))) return
    const current = getValues('account')
    const auth = findAuth(destination, current.specName)
    const params = auth?.schema.safeParse(authParamsOf(auth, current.params))
    const fingerprint = credentialsFingerprint(destination, current)
    if (!params?.success || fingerprint === null) return
    credentials.mutate(
      { specName: current.specName, params: params.data },
      {
        onSuccess: (result) => onCheck({ fingerprint, message: result.message }),
        onError: (error) => {
          onCheck(null)
          if (!(error instanceof ApiError)) return
          for (const { path, message } of error.fieldErrors) {
            const key = /^auth\.params\.(\w+)$/.exec(path)?.[1]
            if (key) setError(`account.params.${key}`, { type: 'server', message })
          }
        },
      },
    )
  }

  const chooseAuthType = (specName: string) => {
    credentials.reset()
    clearErrors('account.params')
    setValue('account.specName', specName)
  }

  const fillDemo = (values: Record<string, string>) => {
    for (const [key, value] of Object.entries(values)) {
      setValue(`account.params.${key}`, value, { shouldDirty: true, shouldValidate: true })
    }
  }

  return (
    <Flex direction="column" gap="size-250">
      <Heading level={2} margin={0}>
        Authentication
      </Heading>
      <Controller
        control={control}
        name="account.mode"
        render={({ field }) => (
          <RadioGroup
            label="Account"
            orientation="horizontal"
            value={field.value}
            onChange={(value) => {
              credentials.reset()
              field.onChange(value)
            }}
          >
            <Radio value="new">New account</Radio>
            <Radio value="existing">Existing account</Radio>
          </RadioGroup>
        )}
      />

      {account.mode === 'existing' ? (
        <Controller
          control={control}
          name="account.existingId"
          render={({ field, fieldState }) => (
            <Flex direction="column" gap="size-100">
              <Text>
                Select the {spec.name} account to use. Its credentials are not asked again.
              </Text>
              <ExistingAccounts
                destinationName={spec.name}
                accounts={accounts}
                selectedId={field.value}
                onSelect={(id) => {
                  field.onChange(id)
                  void trigger('account.existingId')
                }}
              />
              {fieldState.error && (
                <p className="connect-error" role="alert">
                  {fieldState.error.message}
                </p>
              )}
            </Flex>
          )}
        />
      ) : (
        <form
          noValidate
          className="connect-form"
          onSubmit={(event) => {
            event.preventDefault()
            void connect()
          }}
        >
          <TextController
            control={control}
            name="account.name"
            label="Account name"
            isRequired
            contextualHelp={<FieldHelp title="Account name">{ACCOUNT_NAME_HELP}</FieldHelp>}
          />
          <TextController
            control={control}
            name="account.description"
            multiline
            label="Description"
          />
          {spec.authSpec.length > 1 && (
            <RadioGroup
              label="Authentication type"
              isRequired
              value={account.specName}
              onChange={chooseAuthType}
            >
              {spec.authSpec.map((auth) => (
                <Radio key={auth.name} value={auth.name}>
                  {auth.name}
                </Radio>
              ))}
            </RadioGroup>
          )}
          {authSpec && (
            <SpecFields
              key={authSpec.name}
              schema={authSpec.spec}
              control={control}
              name="account.params"
            />
          )}
          {authSpec && definition && (
            <DemoCredentialsHint
              authType={definition.type}
              schema={authSpec.spec}
              onUse={fillDemo}
            />
          )}
          <Flex alignItems="center" gap="size-200" wrap>
            {connected ? (
              <StatusLight variant="positive" role="status">
                Connected
              </StatusLight>
            ) : (
              <Button type="submit" variant="accent" isPending={credentials.isPending}>
                Connect to destination
              </Button>
            )}
            {connected && <Text UNSAFE_className="connect-hint">{check?.message}</Text>}
          </Flex>
          {!connected && !credentials.isError && (
            <Text UNSAFE_className="connect-hint">
              Connect to destination checks the credentials before you continue.
            </Text>
          )}
          {credentials.isError && (
            <InlineAlert variant="negative">
              <Heading>
                {credentials.error instanceof ApiError
                  ? (credentials.error.problem?.title ?? 'Connection failed')
                  : 'Connection failed'}
              </Heading>
              <Content>{credentials.error.message}</Content>
            </InlineAlert>
          )}
        </form>
      )}
    </Flex>
  )
}
