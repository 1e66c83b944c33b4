import {
  Flex,
  Item,
  NumberField,
  Picker,
  Radio,
  RadioGroup,
  Switch,
  TextField,
} from '@adobe/react-spectrum'
import {
  Controller,
  type Control,
  type ControllerRenderProps,
  type ControllerFieldState,
  type FieldValues,
} from 'react-hook-form'
import type { JsonSchemaObject, JsonSchemaProperty } from '../../../contracts/connection-spec'
import { FieldHelp } from './field-help'
import { FieldMessages } from './field-messages'
import { SecretField } from './secret-field'
import { choicesOf, specDefaults } from './spec-values'

/** The values helpers are part of this component's API; they live apart so pure code can use them. */
export { secretKeys, specDefaults } from './spec-values'

export interface SpecFieldsProps<T extends FieldValues> {
  /** The JSON Schema of an object, as a connection spec serves it (`authSpec[].spec`, `targetSpec.spec`). */
  schema: JsonSchemaObject
  /** The form the fields belong to. Use `criteriaMode: 'all'` to show every problem of a field. */
  control: Control<T>
  /** Where the object sits in the form values, such as `auth.params`. */
  name: string
  /** Renders the fields read-only, for example while the form is being sent. */
  isDisabled?: boolean
}

/** Choices with at most this many options show as radio buttons, longer ones as a picker. */
const RADIO_LIMIT = 4

interface SpecFieldProps {
  property: JsonSchemaProperty
  label: string
  isRequired: boolean
  isDisabled: boolean
  field: ControllerRenderProps<FieldValues, string>
  fieldState: ControllerFieldState
}

function SpecField({ property, label, isRequired, isDisabled, field, fieldState }: SpecFieldProps) {
  const { ref, name, value, onChange, onBlur } = field
  const help = property.description ? (
    <FieldHelp title={label} inField={property.type !== 'boolean'}>
      {property.description}
    </FieldHelp>
  ) : undefined
  const validation = {
    validationState: fieldState.invalid ? ('invalid' as const) : undefined,
    errorMessage: <FieldMessages error={fieldState.error} />,
  }
  if (property.type === 'boolean') {
    return (
      <Flex alignItems="center" gap="size-50">
        <Switch
          isSelected={value === true}
          onChange={onChange}
          onBlur={onBlur}
          isDisabled={isDisabled}
          name={name}
        >
          {label}
        </Switch>
        {help}
      </Flex>
    )
  }
  const choices = choicesOf(property)
  if (choices && choices.length <= RADIO_LIMIT) {
    return (
      <RadioGroup
        label={label}
        contextualHelp={help}
        isRequired={isRequired}
        isDisabled={isDisabled}
        orientation="horizontal"
        value={typeof value === 'string' ? value : null}
        onChange={onChange}
        onBlur={onBlur}
        name={name}
        {...validation}
      >
        {choices.map((choice) => (
          <Radio key={choice.key} value={choice.key}>
            {choice.title}
          </Radio>
        ))}
      </RadioGroup>
    )
  }
  if (choices) {
    return (
      <Picker
        label={label}
        contextualHelp={help}
        isRequired={isRequired}
        isDisabled={isDisabled}
        width="100%"
        items={choices}
        selectedKey={typeof value === 'string' ? value : null}
        onSelectionChange={(key) => onChange(key === null ? null : String(key))}
        onBlur={onBlur}
        placeholder="Select an option"
        {...validation}
      >
        {(choice) => <Item key={choice.key}>{choice.title}</Item>}
      </Picker>
    )
  }
  if (property.type === 'number' || property.type === 'integer') {
    return (
      <NumberField
        ref={ref}
        label={label}
        contextualHelp={help}
        isRequired={isRequired}
        isDisabled={isDisabled}
        width="100%"
        value={typeof value === 'number' ? value : Number.NaN}
        onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
        onBlur={onBlur}
        formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}
        {...validation}
      />
    )
  }
  const text = {
    ref,
    label,
    contextualHelp: help,
    isRequired,
    isDisabled,
    width: '100%',
    value: typeof value === 'string' ? value : '',
    onChange,
    onBlur,
    name,
    ...validation,
  }
  return property.writeOnly ? <SecretField {...text} /> : <TextField {...text} />
}

/**
 * Renders the fields of a connection spec's JSON Schema as React Spectrum fields bound to a
 * react-hook-form form: text fields, masked secrets (`writeOnly`) with show/hide, radio buttons
 * or a picker for choices (`oneOf` / `enum`), switches for booleans and number fields, in the
 * schema's order.
 * Labels are the properties' `title`, AEP's help texts (`description`) are contextual help next
 * to the label, required properties get the asterisk, and the form's errors show under each
 * field. Validation is the form's: pass a resolver built from the same zod schema the API uses.
 *
 * ```tsx
 * const form = useForm({ resolver, criteriaMode: 'all', defaultValues: { params: specDefaults(spec) } })
 * <SpecFields schema={spec} control={form.control} name="params" />
 * ```
 */
export function SpecFields<T extends FieldValues>({
  schema,
  control,
  name,
  isDisabled = false,
}: SpecFieldsProps<T>) {
  const required = new Set(schema.required ?? [])
  const defaults = specDefaults(schema)
  return (
    <>
      {Object.entries(schema.properties).map(([key, property]) => (
        <Controller
          key={key}
          control={control as unknown as Control}
          name={`${name}.${key}`}
          defaultValue={defaults[key]}
          render={({ field, fieldState }) => (
            <SpecField
              property={property}
              label={property.title ?? key}
              isRequired={required.has(key)}
              isDisabled={isDisabled}
              field={field}
              fieldState={fieldState}
            />
          )}
        />
      ))}
    </>
  )
}
