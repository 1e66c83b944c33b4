import { flowKeys } from '../../api/flows'
import { targetConnectionKeys } from '../../api/target-connections'
import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Heading,
  InlineAlert,
  Text,
  ToastQueue,
} from '@adobe/react-spectrum'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../../api/client'
import { deleteConnection, connectionKeys } from '../../api/connections'
import type { AccountRow } from './account-rows'

interface DeleteAccountDialogProps {
  sandbox: string
  row: AccountRow
  onClose: () => void
}

/**
 * Deletes an account after a confirmation. An account that dataflows use cannot be deleted: the
 * dialog names them, and if the API still refuses (a dataflow created meanwhile) it shows why.
 */
export function DeleteAccountDialog({ sandbox, row, onClose }: DeleteAccountDialogProps) {
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: () => deleteConnection(sandbox, row.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: connectionKeys.all })
      ToastQueue.positive(`The account ${row.name} was deleted.`, { timeout: 5000 })
      onClose()
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: flowKeys.all })
      void queryClient.invalidateQueries({ queryKey: targetConnectionKeys.all })
    },
  })
  const inUse = row.flows.length > 0
  return (
    <Dialog size="M">
      <Heading>{inUse ? 'This account is in use' : 'Delete account?'}</Heading>
      <Divider />
      <Content>
        {inUse ? (
          <>
            <Text>
              {row.name} cannot be deleted while dataflows use it. Delete{' '}
              {row.flows.length === 1 ? 'this dataflow' : 'these dataflows'} in Browse first:
            </Text>
            <ul aria-label="Dataflows using this account">
              {row.flows.map((flow) => (
                <li key={flow.id}>{flow.name}</li>
              ))}
            </ul>
          </>
        ) : (
          <Text>
            Delete the {row.destination} account {row.name}? Its credentials are removed and no new
            destination can use it. This cannot be undone.
          </Text>
        )}
        {remove.isError && (
          <InlineAlert variant="negative" marginTop="size-200">
            <Heading>
              {remove.error instanceof ApiError && remove.error.problem
                ? remove.error.problem.title
                : 'The account was not deleted'}
            </Heading>
            <Content>{remove.error.message}</Content>
          </InlineAlert>
        )}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onClose}>
          {inUse ? 'Close' : 'Cancel'}
        </Button>
        {!inUse && (
          <Button
            variant="negative"
            // oxlint-disable-next-line react/style-prop-object -- Spectrum's `style` is fill or outline
            style="fill"
            isPending={remove.isPending}
            onPress={() => remove.mutate()}
          >
            Delete
          </Button>
        )}
      </ButtonGroup>
    </Dialog>
  )
}
