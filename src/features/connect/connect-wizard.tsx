import {
  AlertDialog,
  Button,
  Content,
  DialogTrigger,
  Flex,
  Heading,
  InlineAlert,
  Link,
  ProgressCircle,
  Text,
  ToastQueue,
} from '@adobe/react-spectrum'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { Navigate, useNavigate } from 'react-router-dom'
import { ApiError } from '../../api/client'
import { connectionSpecsQuery } from '../../api/connection-specs'
import {
  connectionsQuery,
  createConnection,
  deleteConnection,
  connectionKeys,
} from '../../api/connections'
import { createFlow, flowKeys } from '../../api/flows'
import { ensureProfileStoreSource } from '../../api/source-connections'
import {
  createTargetConnection,
  deleteTargetConnection,
  targetConnectionKeys,
} from '../../api/target-connections'
import { EmptyState } from '../../components/empty-state'
import { schemaResolver } from '../../components/spec-form/zod-resolver'
import { WizardFrame } from '../../components/wizard/wizard-frame'
import { SPEC_IDS, type ConnectionSpec } from '../../../contracts/connection-spec'
import { findDestination } from '../../../contracts/destination-catalog'
import { authParamsOf, type DestinationDefinition } from '../../../contracts/destination-registry'
import { httpApiAuthSchema, type HttpApiAuth } from '../../../contracts/destinations/auth'
import type { Connection } from '../../../contracts/flow-service'
import { paths } from '../../lib/paths'
import { AlertsStep } from './alerts-step'
import { AuthenticationStep } from './authentication-step'
import { DetailsStep } from './details-step'
import {
  clearDraft,
  draftAuth,
  draftSchema,
  findAuth,
  isStepId,
  loadDraft,
  reachableStep,
  stepIndex,
  STEPS,
  storeDraft,
  type ConnectDraft,
  type StepId,
} from './draft'
import { GovernanceStep } from './governance-step'
import {
  saveDestination,
  SaveDestinationError,
  type DestinationToSave,
  type SaveOperations,
  type SaveStage,
} from './save-destination'
import './connect.css'
import { LoadError } from '../../components/load-error'

interface ConnectWizardProps {
  sandbox: string
  specId: string
  /** The step slug from the URL; missing or unknown slugs go to the first step. */
  step: string | undefined
}

/** "Configure new destination": the connect workflow of one destination, one URL per step. */
export function ConnectWizard({ sandbox, specId, step }: ConnectWizardProps) {
  const specs = useQuery(connectionSpecsQuery(sandbox))
  if (specs.isPending) {
    return (
      <Flex justifyContent="center" marginTop="size-600">
        <ProgressCircle aria-label="Loading the destination" isIndeterminate />
      </Flex>
    )
  }
  if (specs.isError) {
    return <LoadError title="The destination could not be loaded" error={specs.error} />
  }
  const spec = specs.data.find((s) => s.id === specId && s.attributes.isDestination)
  const destination = findDestination(specId)
  if (!spec || !destination) {
    return (
      <EmptyState title="This destination cannot be set up">
        No destination in the catalog has the id {specId}.{' '}
        <Link href={paths.destinations.catalog(sandbox)}>Back to the catalog</Link>
      </EmptyState>
    )
  }
  return (
    <ConnectFlow
      key={`${sandbox}/${specId}`}
      sandbox={sandbox}
      spec={spec}
      destination={destination}
      step={step}
    />
  )
}

interface ConnectFlowProps {
  sandbox: string
  spec: ConnectionSpec
  destination: DestinationDefinition
  step: string | undefined
}

const operations = (sandbox: string): SaveOperations => ({
  createConnection: (body) => createConnection(sandbox, body),
  deleteConnection: (id) => deleteConnection(sandbox, id),
  ensureProfileStoreSource: () => ensureProfileStoreSource(sandbox),
  createTargetConnection: (body) => createTargetConnection(sandbox, body),
  deleteTargetConnection: (id) => deleteTargetConnection(sandbox, id),
  createFlow: (body) => createFlow(sandbox, body),
})

/**
 * How the API's field paths of each save call map onto the draft, and the step a failed call
 * belongs to when none of its fields do (null: the step the user is on).
 */
const STAGE_FIELDS: Record<SaveStage, { step: StepId | null; prefix: Record<string, string> }> = {
  account: {
    step: 'authentication',
    prefix: { name: 'account.name', description: 'account.description', auth: 'account' },
  },
  source: { step: null, prefix: {} },
  target: {
    step: 'details',
    prefix: {
      name: 'details.name',
      description: 'details.description',
      params: 'details.params',
      baseConnectionId: 'account.existingId',
    },
  },
  flow: { step: null, prefix: { marketingActions: 'marketingActions', alerts: 'alerts' } },
}

const SECTION_STEPS: Record<string, StepId> = { account: 'authentication', details: 'details' }

function draftPath(stage: SaveStage, apiPath: string): string | null {
  const [head = '', ...rest] = apiPath.split('.')
  const base = STAGE_FIELDS[stage].prefix[head]
  if (base === undefined) return null
  return [base, ...rest].join('.')
}

/** The auth the request preview shows: the new account's, or the saved account's (masked). */
function previewAuth(
  destination: DestinationDefinition,
  draft: ConnectDraft,
  accounts: readonly Connection[] | undefined,
): HttpApiAuth | null {
  if (destination.id !== SPEC_IDS.httpApi) return null
  const definition = draftAuth(destination, draft.account, accounts)
  if (!definition) return null
  const params =
    draft.account.mode === 'new'
      ? draft.account.params
      : (accounts?.find((a) => a.id === draft.account.existingId)?.auth?.params ?? {})
  const auth = httpApiAuthSchema.safeParse({
    type: definition.type,
    params: authParamsOf(definition, params),
  })
  return auth.success ? auth.data : null
}

/** Where the wizard goes once saved: Browse (Save & Exit) or the activation wizard (Next). */
type AfterSave = 'exit' | 'activate'

interface SaveError {
  step: StepId
  title: string
  message: string
}

function ConnectFlow({ sandbox, spec, destination, step }: ConnectFlowProps) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const accounts = useQuery(connectionsQuery(sandbox, spec.id))
  const [initial] = useState(() => loadDraft(sandbox, spec))
  const [check, setCheck] = useState(initial.check)
  const [saveError, setSaveError] = useState<SaveError | null>(null)
  const discarded = useRef(false)
  const schema = useMemo(
    () => draftSchema(destination, accounts.data),
    [destination, accounts.data],
  )
  const form = useForm<ConnectDraft>({
    defaultValues: initial.draft,
    resolver: schemaResolver(() => schema),
    mode: 'onTouched',
    criteriaMode: 'all',
  })
  const draft = useWatch({ control: form.control }) as ConnectDraft

  useEffect(() => {
    if (!discarded.current) storeDraft(sandbox, spec, draft, check)
  }, [sandbox, spec, draft, check])

  const save = useMutation({
    mutationFn: ({ input }: { input: DestinationToSave; after: AfterSave }) =>
      saveDestination(operations(sandbox), input),
  })
  const savingAs = save.isPending ? save.variables.after : null

  const reachable = reachableStep(schema, destination, draft, check)
  const current = isStepId(step) ? step : null
  if (current === null || stepIndex(current) > stepIndex(reachable)) {
    const to = current === null ? STEPS[0].id : reachable
    return <Navigate replace to={paths.destinations.connect(sandbox, spec.id, to)} />
  }

  const index = stepIndex(current)
  const goTo = (id: StepId) => void navigate(paths.destinations.connect(sandbox, spec.id, id))

  const next = async () => {
    if (current === 'details' && !(await form.trigger('details', { shouldFocus: true }))) return
    const following = STEPS[index + 1]
    if (following) goTo(following.id)
  }

  const showSaveError = (error: unknown) => {
    void queryClient.invalidateQueries({ queryKey: connectionKeys.all })
    const stage = error instanceof SaveDestinationError ? error.stage : null
    const apiError =
      error instanceof SaveDestinationError && error.error instanceof ApiError ? error.error : null
    const fields = (apiError?.fieldErrors ?? []).flatMap(({ path, message }) => {
      const field = stage && draftPath(stage, path)
      return field ? [{ field, message }] : []
    })
    for (const { field, message } of fields) {
      form.setError(field as FieldPath<ConnectDraft>, { type: 'server', message })
    }
    const section = fields[0]?.field.split('.')[0] ?? ''
    const target = SECTION_STEPS[section] ?? (stage && STAGE_FIELDS[stage].step) ?? current
    setSaveError({
      step: target,
      title: apiError?.problem
        ? `The destination was not saved: ${apiError.problem.title}`
        : 'The destination was not saved',
      message: error instanceof Error ? error.message : String(error),
    })
    if (target !== current) goTo(target)
  }

  const submit = async (after: AfterSave) => {
    setSaveError(null)
    if (!(await form.trigger())) {
      goTo(reachable)
      return
    }
    const { account, details, marketingActions, alerts } = schema.parse(form.getValues())
    const auth = account.mode === 'new' ? findAuth(destination, account.specName) : undefined
    const input: DestinationToSave = {
      spec: { id: spec.id, version: spec.version },
      account:
        account.mode === 'existing'
          ? { existingId: account.existingId }
          : {
              name: account.name,
              description: account.description,
              auth: {
                specName: account.specName,
                params: auth ? auth.schema.parse(authParamsOf(auth, account.params)) : {},
              },
            },
      details,
      marketingActions,
      alerts,
    }
    save.mutate(
      { input, after },
      {
        onError: showSaveError,
        onSuccess: (saved) => {
          discarded.current = true
          clearDraft(sandbox, spec.id)
          for (const keys of [connectionKeys, targetConnectionKeys, flowKeys]) {
            void queryClient.invalidateQueries({ queryKey: keys.all })
          }
          ToastQueue.positive(`The destination ${input.details.name} was saved.`, { timeout: 5000 })
          void navigate(
            after === 'exit'
              ? paths.destinations.browse(sandbox)
              : paths.destinations.activation(sandbox, saved.flowId),
          )
        },
      },
    )
  }

  const discard = () => {
    discarded.current = true
    clearDraft(sandbox, spec.id)
    void navigate(paths.destinations.catalog(sandbox))
  }

  const last = index === STEPS.length - 1
  const actions = (
    <>
      <DialogTrigger>
        <Button variant="secondary" isDisabled={save.isPending}>
          Cancel
        </Button>
        <AlertDialog
          title="Discard this destination?"
          variant="destructive"
          primaryActionLabel="Discard"
          cancelLabel="Keep editing"
          onPrimaryAction={discard}
        >
          Nothing has been saved yet. What you entered for this {spec.name} destination will be
          lost.
        </AlertDialog>
      </DialogTrigger>
      <Button
        variant="secondary"
        isDisabled={index === 0 || save.isPending}
        onPress={() => goTo(STEPS[index - 1]?.id ?? 'authentication')}
      >
        Back
      </Button>
      {last && (
        <Button
          variant="secondary"
          isPending={savingAs === 'exit'}
          isDisabled={savingAs === 'activate'}
          onPress={() => void submit('exit')}
        >
          Save &amp; Exit
        </Button>
      )}
      <Button
        variant="accent"
        isDisabled={
          (current === 'authentication' && stepIndex(reachable) === 0) || savingAs === 'exit'
        }
        isPending={savingAs === 'activate'}
        onPress={() => void (last ? submit('activate') : next())}
      >
        Next
      </Button>
    </>
  )

  return (
    <FormProvider {...form}>
      <WizardFrame
        title="Configure new destination"
        subject={
          <Flex alignItems="center" gap="size-100">
            <img src={spec.logo} alt="" width={24} height={24} />
            <Text>{spec.name}</Text>
          </Flex>
        }
        steps={STEPS}
        current={current}
        onStepSelect={(id) => goTo(id as StepId)}
        canSelect={(id) => isStepId(id) && stepIndex(id) <= stepIndex(reachable)}
        actions={actions}
      >
        {saveError?.step === current && (
          <InlineAlert variant="negative" marginBottom="size-200">
            <Heading>{saveError.title}</Heading>
            <Content>{saveError.message}</Content>
          </InlineAlert>
        )}
        {current === 'authentication' && (
          <AuthenticationStep
            sandbox={sandbox}
            spec={spec}
            destination={destination}
            accounts={accounts}
            check={check}
            onCheck={setCheck}
          />
        )}
        {current === 'details' && (
          <DetailsStep spec={spec} previewAuth={previewAuth(destination, draft, accounts.data)} />
        )}
        {current === 'governance' && <GovernanceStep />}
        {current === 'alerts' && <AlertsStep spec={spec} />}
      </WizardFrame>
    </FormProvider>
  )
}
