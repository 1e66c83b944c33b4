import { Button, ComboBox, Flex, Form, Item, TextField } from '@adobe/react-spectrum'
import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { IDENTITY_NAMESPACES } from '../../../contracts/identity-rules'
import type { IdentityMap } from '../../../contracts/profile'
import { addIdentitySchema, type AddIdentity, type AddIdentityInput } from './add-identity'

const NAMESPACES = Object.keys(IDENTITY_NAMESPACES).map((ns) => ({ id: ns }))

interface AddIdentityFormProps {
  identityMap: IdentityMap
  onAdd: (identity: AddIdentity) => void
}

/** The Identities section's form: checked when submitted; editing a field clears the messages. */
export function AddIdentityForm({ identityMap, onAdd }: AddIdentityFormProps) {
  const schema = useMemo(() => addIdentitySchema(identityMap), [identityMap])
  const form = useForm<AddIdentityInput, unknown, AddIdentity>({
    resolver: zodResolver(schema),
    defaultValues: { namespace: 'email', value: '' },
    reValidateMode: 'onSubmit',
  })
  const edited = (onChange: (value: string) => void) => (value: string) => {
    form.clearErrors()
    onChange(value)
  }
  return (
    <Form
      aria-label="Add identity"
      validationBehavior="aria"
      onSubmit={(event) => {
        event.preventDefault()
        void form.handleSubmit((identity) => {
          onAdd(identity)
          form.setValue('value', '')
        })()
      }}
    >
      <Flex gap="size-200" alignItems="start" marginTop="size-150" wrap>
        <Controller
          control={form.control}
          name="namespace"
          render={({ field, fieldState }) => (
            <ComboBox
              label="Identity namespace"
              allowsCustomValue
              inputValue={field.value}
              onInputChange={edited(field.onChange)}
              onBlur={field.onBlur}
              defaultItems={NAMESPACES}
              validationState={fieldState.error ? 'invalid' : undefined}
              errorMessage={fieldState.error?.message}
            >
              {(item) => <Item key={item.id}>{item.id}</Item>}
            </ComboBox>
          )}
        />
        <Controller
          control={form.control}
          name="value"
          render={({ field, fieldState }) => (
            <TextField
              label="Identity value"
              value={field.value}
              onChange={edited(field.onChange)}
              onBlur={field.onBlur}
              isRequired
              validationState={fieldState.error ? 'invalid' : undefined}
              errorMessage={fieldState.error?.message}
              width="size-4600"
            />
          )}
        />
        <Button variant="secondary" type="submit" marginTop="size-300">
          Add identity
        </Button>
      </Flex>
    </Form>
  )
}
