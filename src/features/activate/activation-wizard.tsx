import {
  AlertDialog,
  Button,
  DialogContainer,
  Flex,
  Link,
  ProgressCircle,
  Text,
  ToastQueue,
} from '@adobe/react-spectrum'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Navigate, useNavigate } from 'react-router-dom'
import { ApiError } from '../../api/client'
import { flowQuery, patchFlow, flowKeys } from '../../api/flows'
import { useDestinationSpec } from '../../components/destination/use-destination-spec'
import { EmptyState } from '../../components/empty-state'
import { WizardFrame } from '../../components/wizard/wizard-frame'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import type { Flow } from '../../../contracts/flow-service'
import { paths } from '../../lib/paths'
import {
  ACTIVATION_STEPS,
  activationStep,
  draftFrom,
  draftPatch,
  stepIndex,
  type ActivationDraft,
  type ActivationStep,
} from './activation-draft'
import { MappingStep } from './mapping-step'
import { ReviewStep } from './review-step'
import { SelectAudiencesStep } from './select-audiences-step'
import './activate.css'
import { formatCount } from '../../lib/format'

interface ActivationWizardProps {
  sandbox: string
  flowId: string
  step: ActivationStep
}

/**
 * "Activate destination" for streaming profile export: Select audiences → Mapping → Review. The
 * workflow starts from what the dataflow exports now (so it is also Edit activation) and Finish
 * patches only the difference, based on the version it started from.
 */
export function ActivationWizard({ sandbox, flowId, step }: ActivationWizardProps) {
  const navigate = useNavigate()
  const flow = useQuery(flowQuery(sandbox, flowId))
  const spec = useDestinationSpec(sandbox, flow.data)
  const [generation, setGeneration] = useState(0)

  const reload = async () => {
    await flow.refetch()
    setGeneration((g) => g + 1)
    void navigate(paths.destinations.activation(sandbox, flowId, 'audiences'))
  }

  // The workflow starts from a freshly fetched version when the cached one is being refetched,
  // and is never unmounted by later background fetches (that would drop what the user chose).
  const [started, setStarted] = useState(false)
  const ready = flow.data !== undefined && !(flow.isFetching && !flow.isFetchedAfterMount)
  if (ready && !started) setStarted(true)

  if (flow.isPending || (!started && !flow.isError)) {
    return (
      <Flex justifyContent="center" marginTop="size-600">
        <ProgressCircle aria-label="Loading the destination" isIndeterminate />
      </Flex>
    )
  }
  if (flow.isError || !flow.data) {
    const missing = flow.error instanceof ApiError && flow.error.status === 404
    return (
      <EmptyState title={missing ? 'Destination not found' : 'The destination could not be loaded'}>
        {missing
          ? `This dataflow does not exist in the ${sandbox} sandbox; it may have been deleted. `
          : `${flow.error?.message ?? ''} `}
        <Link href={paths.destinations.browse(sandbox)}>Back to Browse</Link>
      </EmptyState>
    )
  }
  return (
    <Workflow
      key={generation}
      sandbox={sandbox}
      flow={flow.data}
      spec={spec}
      step={step}
      onReload={reload}
    />
  )
}

interface WorkflowProps {
  sandbox: string
  flow: Flow
  spec: ConnectionSpec | undefined
  step: ActivationStep
  onReload: () => Promise<void>
}

function Workflow({ sandbox, flow, spec, step, onReload }: WorkflowProps) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const reasonId = useId()
  const [draft, setDraft] = useState<ActivationDraft>(() => draftFrom(flow))
  const [stale, setStale] = useState(false)
  const activated = new Set(draft.base.params.segmentSelectors.selectors.map((s) => s.value.id))
  const index = stepIndex(step)
  const goTo = (id: ActivationStep) =>
    void navigate(paths.destinations.activation(sandbox, flow.id, id))
  const leave = (tab?: string) => void navigate(paths.destinations.details(sandbox, flow.id, tab))

  const finish = useMutation({
    mutationFn: async () => {
      const operations = draftPatch(draft)
      if (operations.length === 0) return false
      await patchFlow(sandbox, flow.id, draft.etag, operations)
      return true
    },
    onSuccess: async (changed) => {
      await queryClient.invalidateQueries({ queryKey: flowKeys.all })
      ToastQueue.positive(
        changed
          ? `The activation of ${flow.name} was saved: ${formatCount(draft.audiences.length, 'audience', 'audiences')}, ${formatCount(draft.attributes.length, 'attribute', 'attributes')}.`
          : `Nothing changed: ${flow.name} exports the same audiences and attributes.`,
        { timeout: 5000 },
      )
      leave('activation')
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) setStale(true)
    },
  })
  const finishError =
    finish.error && !(finish.error instanceof ApiError && finish.error.status === 412)
      ? finish.error.message
      : null

  if (step !== 'audiences' && draft.audiences.length === 0) {
    return <Navigate to={paths.destinations.activation(sandbox, flow.id, 'audiences')} replace />
  }

  const previous = ACTIVATION_STEPS[index - 1]?.id
  const next = ACTIVATION_STEPS[index + 1]?.id
  const noAudience = draft.audiences.length === 0

  const actions = (
    <>
      {step === 'audiences' && noAudience && (
        <Text id={reasonId} UNSAFE_className="activate-reason">
          Select at least one audience
        </Text>
      )}
      <Button variant="secondary" onPress={() => leave()}>
        Cancel
      </Button>
      {previous && (
        <Button variant="secondary" onPress={() => goTo(previous)}>
          Back
        </Button>
      )}
      {next ? (
        <Button
          variant="accent"
          isDisabled={step === 'audiences' && noAudience}
          aria-describedby={step === 'audiences' && noAudience ? reasonId : undefined}
          onPress={() => goTo(next)}
        >
          Next
        </Button>
      ) : (
        <Button variant="accent" isPending={finish.isPending} onPress={() => finish.mutate()}>
          Finish
        </Button>
      )}
    </>
  )

  return (
    <>
      <WizardFrame
        title="Activate destination"
        subject={
          <Flex alignItems="center" gap="size-100">
            {spec && <img src={spec.logo} alt="" width={20} height={20} />}
            <Text>
              {flow.name}
              {spec ? ` · ${spec.name}` : ''}
            </Text>
          </Flex>
        }
        steps={ACTIVATION_STEPS}
        current={step}
        onStepSelect={(id) => {
          const target = activationStep(id)
          if (target) goTo(target)
        }}
        canSelect={(id) => {
          const target = activationStep(id)
          return target !== null && stepIndex(target) < index
        }}
        actions={actions}
      >
        {step === 'audiences' && (
          <SelectAudiencesStep
            sandbox={sandbox}
            activated={activated}
            selected={draft.audiences}
            onChange={(audiences) => setDraft((d) => ({ ...d, audiences }))}
          />
        )}
        {step === 'mapping' && (
          <MappingStep
            sandbox={sandbox}
            destination={spec?.name ?? 'this destination'}
            attributes={draft.attributes}
            onChange={(attributes) => setDraft((d) => ({ ...d, attributes }))}
          />
        )}
        {step === 'review' && (
          <ReviewStep flow={flow} spec={spec} draft={draft} error={finishError} />
        )}
      </WizardFrame>
      <DialogContainer onDismiss={() => setStale(false)}>
        {stale && (
          <AlertDialog
            title="This destination changed"
            variant="warning"
            primaryActionLabel="Reload workflow"
            cancelLabel="Cancel"
            onPrimaryAction={() => void onReload()}
          >
            {flow.name} was changed by someone else after you started this workflow, so your changes
            were not saved and nothing was overwritten. Reload the workflow to start again from the
            current audiences and mapping.
          </AlertDialog>
        )}
      </DialogContainer>
    </>
  )
}
