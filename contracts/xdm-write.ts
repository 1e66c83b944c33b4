import { LIMITS } from './limits'
import type { SchemaField, SchemaFieldType } from './schema'

/**
 * What a write to the profile's attributes must respect (the Profiles screen checks it at the
 * field, the profile API refuses it): the path is a field of the union schema (or an item of one
 * of its arrays), and the value has the field's type all the way down.
 */

/** Where a path under the attributes lands in the schema. */
export type WriteTarget =
  { kind: 'root' } | { kind: 'field'; field: SchemaField } | { kind: 'item'; of: SchemaField }

/** The longest string an attribute holds. */
export const MAX_ATTRIBUTE_LENGTH = LIMITS.attribute

/** Fields of the union schema that are not attributes: they have their own API paths. */
const NOT_ATTRIBUTES = new Set(['identityMap', 'segmentMembership'])

/** The attribute fields at the top of a schema, by name. */
const topLevel = (schema: readonly SchemaField[]): Map<string, SchemaField> =>
  new Map(schema.filter((f) => !NOT_ATTRIBUTES.has(f.name)).map((f) => [f.name, f]))

const childNamed = (field: SchemaField, name: string) =>
  field.children?.find((child) => child.name === name)

const dotted = (segments: readonly string[]) => segments.join('.')

/**
 * The schema field at a path of attribute segments (`['person', 'name', 'firstName']`, array
 * items as an index or `-`), or a sentence saying why the path is not one.
 */
export function resolveAttributePath(
  schema: readonly SchemaField[],
  segments: readonly string[],
): WriteTarget | string {
  let target: WriteTarget = { kind: 'root' }
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]
    const at = dotted(segments.slice(0, index + 1))
    if (target.kind === 'root') {
      const field = topLevel(schema).get(segment)
      if (!field) return `${at} is not a field of the profile schema.`
      target = { kind: 'field', field }
      continue
    }
    const field: SchemaField | null = target.kind === 'field' ? target.field : null
    if (field?.type === 'array') {
      if (segment !== '-' && !/^(0|[1-9]\d*)$/.test(segment)) {
        return `${field.path} is a list: address its items by position.`
      }
      target = { kind: 'item', of: field }
      continue
    }
    if (field?.type === 'object') {
      const child = childNamed(field, segment)
      if (!child) return `${at} is not a field of the profile schema.`
      target = { kind: 'field', field: child }
      continue
    }
    const holder = field?.path ?? (target.kind === 'item' ? `${target.of.path} items` : '')
    return `${holder} holds a single value: ${at} cannot be written.`
  }
  return target
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const ARTICLE: Record<SchemaFieldType, string> = {
  object: 'an object',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time (ISO 8601)',
  array: 'a list',
}

const isDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

const isDateTime = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value))

/** Why a value cannot be stored as a scalar of this type, or null. */
function scalarIssue(type: SchemaFieldType, value: unknown, path: string): string | null {
  const expected = `${path} must be ${ARTICLE[type]}.`
  switch (type) {
    case 'string':
    case 'date':
    case 'date-time':
      if (typeof value !== 'string') return expected
      if (value.length > MAX_ATTRIBUTE_LENGTH) {
        return `${path} is longer than ${MAX_ATTRIBUTE_LENGTH.toLocaleString('en-US')} characters.`
      }
      if (type === 'date' && !isDate(value)) return expected
      if (type === 'date-time' && !isDateTime(value)) return expected
      return null
    case 'integer':
      return Number.isSafeInteger(value) ? null : expected
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : expected
    case 'boolean':
      return typeof value === 'boolean' ? null : expected
    default:
      return expected
  }
}

function fieldIssue(field: SchemaField, value: unknown): string | null {
  if (value === null) return `${field.path} cannot be null: remove the attribute instead.`
  if (field.type === 'object') {
    if (!isPlainObject(value)) return `${field.path} must be an object with its own fields.`
    for (const [name, child] of Object.entries(value)) {
      const childField = childNamed(field, name)
      if (!childField) return `${field.path}.${name} is not a field of the profile schema.`
      const issue = fieldIssue(childField, child)
      if (issue) return issue
    }
    return null
  }
  if (field.type === 'array') {
    if (!Array.isArray(value)) return `${field.path} must be a list.`
    for (const item of value) {
      const issue = itemIssue(field, item)
      if (issue) return issue
    }
    return null
  }
  return scalarIssue(field.type, value, field.path)
}

const itemIssue = (field: SchemaField, value: unknown) =>
  scalarIssue(field.itemType ?? 'string', value, `Each item of ${field.path}`)

/** Why `value` cannot be written at `target`, or null when it can. */
export function writeIssue(
  schema: readonly SchemaField[],
  target: WriteTarget,
  value: unknown,
): string | null {
  if (target.kind === 'item') return itemIssue(target.of, value)
  if (target.kind === 'field') return fieldIssue(target.field, value)
  if (!isPlainObject(value)) return 'The attributes must be an object.'
  const fields = topLevel(schema)
  for (const [name, child] of Object.entries(value)) {
    const field = fields.get(name)
    if (!field) return `${name} is not a field of the profile schema.`
    const issue = fieldIssue(field, child)
    if (issue) return issue
  }
  return null
}
