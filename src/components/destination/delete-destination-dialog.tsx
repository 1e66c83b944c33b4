import { targetConnectionKeys } from '../../api/target-connections'
import { AlertDialog, ToastQueue } from '@adobe/react-spectrum'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteFlow, flowsQuery } from '../../api/flows'

interface DeleteDestinationDialogProps {
  sandbox: string
  flow: { id: string; name: string }
  /** Called once the dataflow is gone (for example to leave its details page). */
  onDeleted?: () => void
}

/**
 * AEP's Delete confirmation: deleting a destination unmaps its activated audiences and removes
 * the dataflow. Render it inside a DialogTrigger or DialogContainer.
 */
export function DeleteDestinationDialog({
  sandbox,
  flow,
  onDeleted,
}: DeleteDestinationDialogProps) {
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: () => deleteFlow(sandbox, flow.id),
    onSuccess: async () => {
      onDeleted?.()
      const list = flowsQuery(sandbox).queryKey
      queryClient.setQueryData(list, (flows) => flows?.filter((f) => f.id !== flow.id))
      ToastQueue.positive(`${flow.name} was deleted.`, { timeout: 5000 })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: list, exact: true }),
        queryClient.invalidateQueries({
          queryKey: targetConnectionKeys.of({ sandbox }),
          exact: true,
        }),
      ])
    },
    onError: (error) =>
      ToastQueue.negative(`${flow.name} could not be deleted: ${error.message}`, { timeout: 8000 }),
  })
  return (
    <AlertDialog
      title="Delete destination?"
      variant="destructive"
      primaryActionLabel="Delete"
      cancelLabel="Cancel"
      onPrimaryAction={() => remove.mutate()}
    >
      Deleting {flow.name} unmaps all of its activated audiences and then removes the dataflow.
      Nothing more is exported to this destination. This cannot be undone.
    </AlertDialog>
  )
}
