import { ActionButton, Flex, TextField } from '@adobe/react-spectrum'
import Visibility from '@spectrum-icons/workflow/Visibility'
import VisibilityOff from '@spectrum-icons/workflow/VisibilityOff'
import { useState, type ComponentProps } from 'react'

type SecretFieldProps = Omit<ComponentProps<typeof TextField>, 'type' | 'label'> & {
  label: string
}

/**
 * A masked text field for a secret (client secret, password, token, key) with a show/hide button
 * named after the field ("Show Client Secret" / "Hide Client Secret").
 */
export function SecretField({ label, width = '100%', ref, ...props }: SecretFieldProps) {
  const [shown, setShown] = useState(false)
  return (
    <Flex gap="size-50" alignItems="start" width={width}>
      <TextField
        {...props}
        ref={ref}
        label={label}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        flexGrow={1}
        minWidth={0}
      />
      <ActionButton
        isQuiet
        aria-label={`${shown ? 'Hide' : 'Show'} ${label}`}
        onPress={() => setShown((value) => !value)}
        marginTop="size-300"
      >
        {shown ? <VisibilityOff /> : <Visibility />}
      </ActionButton>
    </Flex>
  )
}
