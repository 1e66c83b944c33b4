import { TextArea, TextField } from '@adobe/react-spectrum'
import type { ReactNode } from 'react'
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form'
import { FieldMessages } from './field-messages'

interface TextControllerProps<T extends FieldValues> {
  control: Control<T>
  name: FieldPath<T>
  label: string
  /** A TextArea instead of a one-line TextField. */
  multiline?: boolean
  isRequired?: boolean
  isDisabled?: boolean
  description?: string
  contextualHelp?: ReactNode
  UNSAFE_className?: string
}

/**
 * A text field bound to a react-hook-form field: its value, its zod error messages (every one of
 * them) and its invalid state.
 */
export function TextController<T extends FieldValues>({
  control,
  name,
  multiline = false,
  ...props
}: TextControllerProps<T>) {
  const { field, fieldState } = useController({ control, name })
  const { ref, value, onChange, onBlur } = field
  const Field = multiline ? TextArea : TextField
  return (
    <Field
      ref={ref}
      name={name}
      value={typeof value === 'string' ? value : ''}
      onChange={onChange}
      onBlur={onBlur}
      width="100%"
      validationState={fieldState.invalid ? 'invalid' : undefined}
      errorMessage={<FieldMessages error={fieldState.error} />}
      {...props}
    />
  )
}
