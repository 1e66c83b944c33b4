import { ActionButton, Button, ButtonGroup, Flex, TextArea, TextField } from '@adobe/react-spectrum'
import { zodResolver } from '@hookform/resolvers/zod'
import Edit from '@spectrum-icons/workflow/Edit'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { z } from 'zod'

interface EditableValueProps {
  label: string
  value: string
  /** Shown when the value is empty. */
  placeholder: string
  /** The schema the API validates this value with. */
  schema: z.ZodType<string, string>
  multiline?: boolean
  /** Saves the value; a rejection keeps the editor open with the error's message. */
  onSave: (value: string) => Promise<void>
}

/**
 * A value of the right rail that is edited in place: the pencil button turns it into a field with
 * Save and Cancel (Enter saves a one-line value, Escape cancels).
 */
export function EditableValue({
  label,
  value,
  placeholder,
  schema,
  multiline = false,
  onSave,
}: EditableValueProps) {
  const [editing, setEditing] = useState(false)
  if (!editing) {
    return (
      <Flex alignItems="start" justifyContent="space-between" gap="size-100">
        <span className={value ? 'details-value' : 'details-value details-value-empty'}>
          {value || placeholder}
        </span>
        <ActionButton isQuiet aria-label={`Edit ${label}`} onPress={() => setEditing(true)}>
          <Edit />
        </ActionButton>
      </Flex>
    )
  }
  return (
    <ValueEditor
      label={label}
      value={value}
      schema={schema}
      multiline={multiline}
      onSave={async (next) => {
        await onSave(next)
        setEditing(false)
      }}
      onCancel={() => setEditing(false)}
    />
  )
}

interface ValueEditorProps {
  label: string
  value: string
  schema: z.ZodType<string, string>
  multiline: boolean
  onSave: (value: string) => Promise<void>
  onCancel: () => void
}

function ValueEditor({ label, value, schema, multiline, onSave, onCancel }: ValueEditorProps) {
  const form = useForm({
    resolver: zodResolver(z.object({ value: schema })),
    defaultValues: { value },
  })
  const submit = form.handleSubmit(async ({ value: next }) => {
    if (next === value) return onCancel()
    try {
      await onSave(next)
    } catch (error) {
      form.setError('value', { message: error instanceof Error ? error.message : String(error) })
    }
  })
  const onKeyDown = (event: { key: string }) => {
    if (event.key === 'Escape') onCancel()
  }
  const Field = multiline ? TextArea : TextField
  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-label={`Edit ${label}`}
      className="details-editor"
    >
      <Controller
        control={form.control}
        name="value"
        render={({ field, fieldState }) => (
          <Field
            aria-label={label}
            autoFocus
            width="100%"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            onKeyDown={onKeyDown}
            validationState={fieldState.error ? 'invalid' : undefined}
            errorMessage={fieldState.error?.message}
          />
        )}
      />
      <ButtonGroup marginTop="size-100" align="end">
        <Button variant="secondary" onPress={onCancel} isDisabled={form.formState.isSubmitting}>
          Cancel
        </Button>
        <Button variant="accent" type="submit" isPending={form.formState.isSubmitting}>
          Save
        </Button>
      </ButtonGroup>
    </form>
  )
}
