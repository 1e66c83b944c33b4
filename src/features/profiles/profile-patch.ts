import type { JsonPatchOperation } from '../../../contracts/flow-service'
import type { IdentityMap, XdmObject, XdmValue } from '../../../contracts/profile'

const pointer = (segments: string[]) =>
  segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

const isObject = (value: XdmValue | undefined): value is XdmObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks an attribute path typed by the user: dotted XDM names, letters, digits and `_`. */
export function attributePathIssue(path: string): string | null {
  if (!path.trim()) return 'Enter the attribute path, for example loyalty.points.'
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(path.trim())) {
    return 'Use dotted XDM names of letters, digits and _, for example person.name.firstName.'
  }
  if (/^(identityMap|segmentMembership)(\.|$)/.test(path.trim())) {
    return 'Identities are edited under Identities; audience memberships are computed.'
  }
  return null
}

/**
 * The JSON Patch that writes `value` at a dotted attribute path: `add` creates or replaces the
 * member, and any missing parent objects are added first (an `add` needs its parent to exist).
 */
export function attributeWrite(
  attributes: XdmObject,
  path: string,
  value: XdmValue,
): JsonPatchOperation[] {
  const segments = path.trim().split('.')
  const operations: JsonPatchOperation[] = []
  let current: XdmValue | undefined = attributes
  for (let i = 0; i < segments.length - 1; i++) {
    const next: XdmValue | undefined = isObject(current) ? current[segments[i]] : undefined
    if (!isObject(next)) {
      const rest = segments.slice(i + 1)
      let nested: XdmValue = value
      for (let j = rest.length - 1; j >= 0; j--) nested = { [rest[j]]: nested }
      operations.push({
        op: 'add',
        path: `/attributes/${pointer(segments.slice(0, i + 1))}`,
        value: nested,
      })
      return operations
    }
    current = next
  }
  operations.push({ op: 'add', path: `/attributes/${pointer(segments)}`, value })
  return operations
}

export function attributeRemove(path: string): JsonPatchOperation[] {
  return [{ op: 'remove', path: `/attributes/${pointer(path.split('.'))}` }]
}

/** Adds an identity; the namespace is created when the profile has none of it yet. */
export function identityAdd(
  identityMap: IdentityMap,
  namespace: string,
  id: string,
): JsonPatchOperation[] {
  const ns = pointer([namespace])
  if (!identityMap[namespace]) {
    return [{ op: 'add', path: `/identityMap/${ns}`, value: [{ id }] }]
  }
  return [{ op: 'add', path: `/identityMap/${ns}/-`, value: { id } }]
}

/** Removes one identity; the namespace goes with its last identity. */
export function identityRemove(
  identityMap: IdentityMap,
  namespace: string,
  id: string,
): JsonPatchOperation[] {
  const list = identityMap[namespace] ?? []
  const index = list.findIndex((identity) => identity.id === id)
  if (index < 0) return []
  const ns = pointer([namespace])
  if (list.length === 1) return [{ op: 'remove', path: `/identityMap/${ns}` }]
  return [{ op: 'remove', path: `/identityMap/${ns}/${index}` }]
}

/** The profile's leaf attributes as dotted paths and values, in tree order. */
export function flattenAttributes(
  value: XdmObject,
  prefix = '',
): { path: string; value: XdmValue }[] {
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return isObject(child) ? flattenAttributes(child, path) : [{ path, value: child }]
  })
}

/**
 * Reads what the user typed as the value's type: numbers and booleans as such, arrays and
 * objects as JSON, anything else as a string.
 */
export function parseAttributeValue(
  text: string,
  type: 'string' | 'number' | 'boolean' | 'json',
): { ok: true; value: XdmValue } | { ok: false; message: string } {
  switch (type) {
    case 'number': {
      const n = Number(text.trim())
      return text.trim() !== '' && Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: 'Enter a number, for example 1200 or 4.5.' }
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' }
      return { ok: false, message: 'Choose true or false.' }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) as XdmValue }
      } catch {
        return { ok: false, message: 'Enter valid JSON, for example ["cooking", "running"].' }
      }
    default:
      return { ok: true, value: text }
  }
}

export const valueType = (value: XdmValue): 'string' | 'number' | 'boolean' | 'json' =>
  typeof value === 'number'
    ? 'number'
    : typeof value === 'boolean'
      ? 'boolean'
      : typeof value === 'string'
        ? 'string'
        : 'json'
