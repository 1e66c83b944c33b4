import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Form,
  Heading,
  InlineAlert,
  Item,
  Picker,
  ToastQueue,
} from '@adobe/react-spectrum'
import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Controller, useForm } from 'react-hook-form'
import { ApiError } from '../../api/client'
import { TextController } from '../../components/spec-form/text-controller'
import { createAudience, audienceKeys } from '../../api/audiences'
import { MERGE_POLICIES } from '../../../contracts/audience'
import {
  createSegmentDefinitionSchema,
  type CreateSegmentDefinition,
} from '../../../contracts/engine/segment-definitions'

const POLICIES = Object.values(MERGE_POLICIES)

type FieldName = 'name' | 'description' | 'mergePolicyId' | 'expression.value'
const FIELDS = new Set<string>(['name', 'description', 'mergePolicyId', 'expression.value'])

/** Create audience: a name, a merge policy and a PQL rule, checked by the backend's parser. */
export function CreateAudienceDialog({ sandbox, close }: { sandbox: string; close: () => void }) {
  const queryClient = useQueryClient()
  const form = useForm<CreateSegmentDefinition>({
    resolver: zodResolver(createSegmentDefinitionSchema),
    defaultValues: {
      name: '',
      description: '',
      mergePolicyId: MERGE_POLICIES.default.id,
      expression: { type: 'PQL', format: 'pql/text', value: '' },
    },
  })
  const create = useMutation({
    mutationFn: (values: CreateSegmentDefinition) => createAudience(sandbox, values),
    onSuccess: async (audience) => {
      await queryClient.invalidateQueries({ queryKey: audienceKeys.all })
      ToastQueue.positive(
        `Audience "${audience.name}" created: ${audience.metrics.data.totalProfiles.toLocaleString('en-US')} profiles qualify.`,
        { timeout: 5000 },
      )
      close()
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return
      for (const field of error.fieldErrors) {
        if (FIELDS.has(field.path)) {
          form.setError(field.path as FieldName, { message: field.message })
        }
      }
    },
  })
  const unplaced =
    create.error && !(create.error instanceof ApiError && create.error.fieldErrors.length)

  return (
    <Dialog size="L">
      <Heading>Create audience</Heading>
      <Divider />
      <Content>
        <Form
          id="create-audience"
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault()
            void form.handleSubmit((values) => create.mutate(values))()
          }}
        >
          <TextController control={form.control} name="name" label="Name" isRequired />
          <TextController control={form.control} name="description" label="Description" multiline />
          <Controller
            control={form.control}
            name="mergePolicyId"
            render={({ field }) => (
              <Picker
                label="Merge policy"
                items={POLICIES}
                selectedKey={field.value}
                onSelectionChange={(key) => field.onChange(String(key))}
              >
                {(policy) => <Item key={policy.id}>{policy.name}</Item>}
              </Picker>
            )}
          />
          <TextController
            control={form.control}
            name="expression.value"
            label="PQL expression"
            multiline
            isRequired
            UNSAFE_className="pql"
            description='For example: loyalty.tier in ["gold", "platinum"] and homeAddress.countryCode = "US"'
          />
        </Form>
        {unplaced && (
          <InlineAlert variant="negative" marginTop="size-200">
            <Heading>The audience was not created</Heading>
            <Content>{create.error.message}</Content>
          </InlineAlert>
        )}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={close}>
          Cancel
        </Button>
        <Button variant="accent" type="submit" form="create-audience" isPending={create.isPending}>
          Create
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}
