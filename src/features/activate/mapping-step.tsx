import {
  ActionButton,
  Button,
  Content,
  DialogContainer,
  Flex,
  Heading,
  InlineAlert,
  ProgressCircle,
  Text,
} from '@adobe/react-spectrum'
import Add from '@spectrum-icons/workflow/Add'
import Delete from '@spectrum-icons/workflow/Delete'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { unionSchemaQuery } from '../../api/schema'
import { hasUniqueIdentifier } from './activation-draft'
import { findField, typeLabel } from './schema-tree'
import { SelectFieldDialog } from './select-field-dialog'
import { LoadError } from '../../components/load-error'

interface MappingStepProps {
  sandbox: string
  destination: string
  attributes: readonly string[]
  onChange: (attributes: string[]) => void
}

/**
 * Mapping ("Select attributes"): Add new field opens Select field; each mapped attribute can be
 * removed. Identities are never mapped here: the whole identityMap is always exported.
 */
export function MappingStep({ sandbox, destination, attributes, onChange }: MappingStepProps) {
  const schema = useQuery(unionSchemaQuery(sandbox))
  const [picking, setPicking] = useState(false)

  return (
    <Flex direction="column" gap="size-200">
      <Heading level={2} margin={0}>
        Select attributes
      </Heading>
      <Text>
        Select the profile attributes to export to {destination}. Every exported profile also
        carries its audience memberships.
      </Text>
      <InlineAlert variant="info">
        <Heading>Identities are always exported</Heading>
        <Content>
          Identities cannot be mapped to {destination}: the whole identityMap of every exported
          profile is always exported.
        </Content>
      </InlineAlert>
      {!hasUniqueIdentifier(attributes) && (
        <InlineAlert variant="notice">
          <Heading>Select a unique identifier</Heading>
          <Content>
            In the Select attributes step, Adobe recommends that you select a unique identifier from
            your union schema, for example personalEmail.address. You can continue without one.
          </Content>
        </InlineAlert>
      )}
      <Flex alignItems="center" justifyContent="space-between">
        <Text UNSAFE_className="activate-count">
          {attributes.length === 1
            ? '1 attribute mapped'
            : `${attributes.length} attributes mapped`}
        </Text>
        <Button variant="secondary" onPress={() => setPicking(true)} isDisabled={!schema.data}>
          <Add />
          <Text>Add new field</Text>
        </Button>
      </Flex>
      {schema.isPending && <ProgressCircle aria-label="Loading the union schema" isIndeterminate />}
      {schema.isError && (
        <LoadError title="The union schema could not be loaded" error={schema.error} />
      )}
      <div className="activate-mapping">
        <div className="activate-mapping-header" aria-hidden="true">
          <span>Schema field</span>
          <span>Type</span>
        </div>
        {attributes.length === 0 ? (
          <Text UNSAFE_className="activate-mapping-empty">
            No attributes mapped yet. Select Add new field to choose one from the union schema.
          </Text>
        ) : (
          <ul aria-label="Mapped attributes">
            {attributes.map((path) => {
              const field = schema.data && findField(schema.data.fields, path)
              return (
                <li key={path}>
                  <span className="activate-mapping-path">
                    <code>{path}</code>
                    {field && <span className="activate-mapping-title">{field.title}</span>}
                  </span>
                  <span className="activate-mapping-type">{field ? typeLabel(field) : ''}</span>
                  <ActionButton
                    isQuiet
                    aria-label={`Remove ${path}`}
                    onPress={() => onChange(attributes.filter((p) => p !== path))}
                  >
                    <Delete />
                  </ActionButton>
                </li>
              )
            })}
          </ul>
        )}
      </div>
      <DialogContainer onDismiss={() => setPicking(false)}>
        {picking && schema.data && (
          <SelectFieldDialog
            fields={schema.data.fields}
            mapped={attributes}
            onSelect={(path) => onChange([...attributes, path])}
          />
        )}
      </DialogContainer>
    </Flex>
  )
}
