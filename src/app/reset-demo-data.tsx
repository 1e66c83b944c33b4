import { ActionButton, AlertDialog, DialogTrigger, ToastQueue } from '@adobe/react-spectrum'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { resetDemoData } from '../api/demo'

/** "Reset demo data": restores the seed of the current sandbox after a confirmation. */
export function ResetDemoData({ sandbox }: { sandbox: string }) {
  const queryClient = useQueryClient()
  const reset = useMutation({
    mutationFn: () => resetDemoData(sandbox),
    onSuccess: async () => {
      await queryClient.invalidateQueries()
      ToastQueue.positive(`The demo data of the ${sandbox} sandbox was restored.`, {
        timeout: 5000,
      })
    },
    onError: (error) => ToastQueue.negative(`Reset failed: ${error.message}`, { timeout: 8000 }),
  })
  return (
    <DialogTrigger>
      <ActionButton isDisabled={reset.isPending}>Reset demo data</ActionButton>
      <AlertDialog
        title="Reset demo data?"
        variant="destructive"
        primaryActionLabel="Reset"
        cancelLabel="Cancel"
        onPrimaryAction={() => reset.mutate()}
      >
        Every account, dataflow, audience and profile change in the {sandbox} sandbox is replaced by
        the original demo data. Other sandboxes are not touched.
      </AlertDialog>
    </DialogTrigger>
  )
}
