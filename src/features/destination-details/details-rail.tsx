import {
  Button,
  ButtonGroup,
  DialogTrigger,
  Divider,
  StatusLight,
  Switch,
  ToastQueue,
} from '@adobe/react-spectrum'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { useNavigate } from 'react-router-dom'
import { ApiError } from '../../api/client'
import { flowKeys, patchFlow, setFlowEnabled } from '../../api/flows'
import { DateTime } from '../../components/date-time'
import { DeleteDestinationDialog } from '../../components/destination/delete-destination-dialog'
import { EditDestinationDialog } from '../../components/destination/edit-destination-dialog'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import { mutableFlowSchema, type Flow } from '../../../contracts/flow-service'
import { findMarketingAction } from '../../../contracts/marketing-actions'
import { paths } from '../../lib/paths'
import { EditableValue } from './editable-value'

interface DetailsRailProps {
  sandbox: string
  flow: Flow
  spec: ConnectionSpec | undefined
}

const STALE_MESSAGE =
  'This destination changed since the page loaded, so your edit was not saved. The page now shows the current version: check it and try again.'

/** One fact of the rail: the label (`dt`) names its value (`dd`). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  const id = useId()
  return (
    <>
      <dt id={id}>{label}</dt>
      <dd aria-labelledby={id}>{children}</dd>
    </>
  )
}

/** The details page's right rail: actions, the Enabled toggle, and the destination's facts. */
export function DetailsRail({ sandbox, flow, spec }: DetailsRailProps) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const enabled = flow.state === 'enabled'

  const refresh = () => queryClient.invalidateQueries({ queryKey: flowKeys.all })

  const rename = useMutation({
    mutationFn: ({ field, value }: { field: 'name' | 'description'; value: string }) =>
      patchFlow(sandbox, flow.id, flow.etag, [{ op: 'replace', path: `/${field}`, value }]),
    onSettled: refresh,
  })
  const save = (field: 'name' | 'description') => async (value: string) => {
    try {
      await rename.mutateAsync({ field, value })
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        throw new Error(STALE_MESSAGE, { cause: error })
      }
      throw error
    }
  }

  const toggle = useMutation({
    mutationFn: (next: boolean) => setFlowEnabled(sandbox, flow.id, next),
    onSuccess: (_, next) =>
      ToastQueue.positive(
        next
          ? `${flow.name} is enabled: exports resume.`
          : `${flow.name} is disabled: exports are paused.`,
        { timeout: 5000 },
      ),
    onError: (error) =>
      ToastQueue.negative(`The status could not be changed: ${error.message}`, { timeout: 8000 }),
    onSettled: refresh,
  })
  const shownEnabled = toggle.isPending ? toggle.variables : enabled

  const actions = flow.marketingActions.map((id) => findMarketingAction(id)?.label ?? id)

  return (
    <aside className="details-rail" aria-label="Destination details">
      <ButtonGroup orientation="vertical" align="start" UNSAFE_className="details-rail-actions">
        <Button
          variant="accent"
          onPress={() => void navigate(paths.destinations.activation(sandbox, flow.id))}
        >
          Activate audiences
        </Button>
        <DialogTrigger>
          <Button variant="secondary">Edit destination</Button>
          <EditDestinationDialog sandbox={sandbox} flowId={flow.id} />
        </DialogTrigger>
        <DialogTrigger>
          <Button variant="negative">Delete</Button>
          <DeleteDestinationDialog
            sandbox={sandbox}
            flow={flow}
            onDeleted={() => void navigate(paths.destinations.browse(sandbox))}
          />
        </DialogTrigger>
      </ButtonGroup>
      <Switch
        isEmphasized
        isSelected={shownEnabled}
        isDisabled={toggle.isPending}
        onChange={(next) => toggle.mutate(next)}
        marginTop="size-200"
      >
        Enabled
      </Switch>
      <Divider size="S" marginY="size-200" />
      <dl className="details-facts">
        <Fact label="Destination name">
          <EditableValue
            label="Destination name"
            value={flow.name}
            placeholder="No name"
            schema={mutableFlowSchema.shape.name}
            onSave={save('name')}
          />
        </Fact>
        <Fact label="Description">
          <EditableValue
            label="Description"
            value={flow.description}
            placeholder="No description"
            schema={mutableFlowSchema.shape.description.unwrap()}
            multiline
            onSave={save('description')}
          />
        </Fact>
        <Fact label="Destination">{spec?.name ?? 'Unknown destination'}</Fact>
        <Fact label="Status">
          <StatusLight variant={enabled ? 'positive' : 'neutral'} marginStart="-size-100">
            {enabled ? 'Enabled' : 'Disabled'}
          </StatusLight>
        </Fact>
        <Fact label="Marketing actions">{actions.length ? actions.join(', ') : 'None'}</Fact>
        <Fact label="Category">{spec?.attributes.category ?? '—'}</Fact>
        <Fact label="Connection type">{spec?.attributes.connectionType ?? '—'}</Fact>
        <Fact label="Frequency">{spec?.attributes.frequency ?? '—'}</Fact>
        <Fact label="Created by">{flow.createdBy}</Fact>
        <Fact label="Created">
          <DateTime value={flow.createdAt} />
        </Fact>
      </dl>
    </aside>
  )
}
