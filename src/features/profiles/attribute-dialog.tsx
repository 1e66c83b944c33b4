import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Form,
  Heading,
  Item,
  Picker,
  TextArea,
  TextField,
} from '@adobe/react-spectrum'
import { useState } from 'react'
import type { XdmValue } from '../../../contracts/profile'
import type { SchemaField } from '../../../contracts/schema'
import { resolveAttributePath, writeIssue } from '../../../contracts/xdm-write'
import { attributePathIssue, parseAttributeValue, valueType } from './profile-patch'

type ValueType = ReturnType<typeof valueType>

const TYPES: { key: ValueType; label: string }[] = [
  { key: 'string', label: 'String' },
  { key: 'number', label: 'Number' },
  { key: 'boolean', label: 'Boolean' },
  { key: 'json', label: 'Array or object (JSON)' },
]

interface AttributeDialogProps {
  /** The attribute being edited; absent to add a new one. */
  attribute?: { path: string; value: XdmValue }
  /** The profile union schema: the path must be one of its fields, the value of its type. */
  schema: readonly SchemaField[] | undefined
  close: () => void
  onSave: (path: string, value: XdmValue) => void
}

const initialText = (value: XdmValue | undefined) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)

/** Edit attribute / Add attribute: a dotted path, a type and a value. */
export function AttributeDialog({ attribute, schema, close, onSave }: AttributeDialogProps) {
  const [path, setPath] = useState(attribute?.path ?? '')
  const [type, setType] = useState<ValueType>(attribute ? valueType(attribute.value) : 'string')
  const [text, setText] = useState(initialText(attribute?.value))
  const [errors, setErrors] = useState<{ path?: string; value?: string }>({})

  const submit = () => {
    const syntax = attribute ? null : attributePathIssue(path)
    const target = syntax || !schema ? null : resolveAttributePath(schema, path.trim().split('.'))
    const pathIssue = syntax ?? (typeof target === 'string' ? target : null)
    const parsed = parseAttributeValue(text, type)
    const valueIssue = !parsed.ok
      ? parsed.message
      : schema && target && typeof target !== 'string'
        ? writeIssue(schema, target, parsed.value)
        : null
    setErrors({ path: pathIssue ?? undefined, value: valueIssue ?? undefined })
    if (pathIssue || valueIssue || !parsed.ok) return
    onSave(path.trim(), parsed.value)
    close()
  }

  return (
    <Dialog size="M">
      <Heading>{attribute ? 'Edit attribute' : 'Add attribute'}</Heading>
      <Divider />
      <Content>
        <Form
          id="attribute-form"
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <TextField
            label="Attribute path"
            value={path}
            onChange={setPath}
            isReadOnly={Boolean(attribute)}
            isRequired
            description={attribute ? undefined : 'Dotted XDM path, for example loyalty.points'}
            validationState={errors.path ? 'invalid' : undefined}
            errorMessage={errors.path}
          />
          <Picker
            label="Type"
            items={TYPES}
            selectedKey={type}
            onSelectionChange={(key) => setType(key as ValueType)}
          >
            {(item) => <Item key={item.key}>{item.label}</Item>}
          </Picker>
          {type === 'json' ? (
            <TextArea
              label="Value"
              value={text}
              onChange={setText}
              validationState={errors.value ? 'invalid' : undefined}
              errorMessage={errors.value}
            />
          ) : (
            <TextField
              label="Value"
              value={text}
              onChange={setText}
              description={type === 'boolean' ? 'true or false' : undefined}
              validationState={errors.value ? 'invalid' : undefined}
              errorMessage={errors.value}
            />
          )}
        </Form>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={close}>
          Cancel
        </Button>
        <Button variant="accent" type="submit" form="attribute-form">
          Save
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}
