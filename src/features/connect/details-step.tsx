import { Flex, Heading, Text } from '@adobe/react-spectrum'
import { useFormContext, useWatch } from 'react-hook-form'
import { SpecFields } from '../../components/spec-form/spec-fields'
import type { ConnectionSpec } from '../../../contracts/connection-spec'
import type { HttpApiAuth } from '../../../contracts/destinations/auth'
import type { ConnectDraft } from './draft'
import { RequestPreviewPanel } from './request-preview-panel'
import { TextController } from '../../components/spec-form/text-controller'

interface DetailsStepProps {
  spec: ConnectionSpec
  /** The account's authentication, for the request preview; null when there is no preview. */
  previewAuth: HttpApiAuth | null
}

/** Step 2: the destination's name and description and its target spec's fields. */
export function DetailsStep({ spec, previewAuth }: DetailsStepProps) {
  const { control } = useFormContext<ConnectDraft>()
  const params = useWatch({ control, name: 'details.params' })
  const target = spec.targetSpec?.spec
  const titles = Object.fromEntries(
    Object.entries(target?.properties ?? {}).map(([key, property]) => [key, property.title ?? key]),
  )
  return (
    <Flex direction="column" gap="size-250">
      <Heading level={2} margin={0}>
        Destination details
      </Heading>
      <Text>An asterisk next to a field indicates that the field is required.</Text>
      <div className="connect-form">
        <TextController control={control} name="details.name" label="Name" isRequired />
        <TextController
          control={control}
          name="details.description"
          multiline
          label="Description"
        />
        {target && <SpecFields schema={target} control={control} name="details.params" />}
      </div>
      {previewAuth && <RequestPreviewPanel params={params} auth={previewAuth} titles={titles} />}
    </Flex>
  )
}
