import type { JsonPatchOperation } from '../../../contracts/flow-service'
import type { IdentityMap, XdmObject } from '../../../contracts/profile'
import { cloneJson } from '../../lib/json'

const ATTRIBUTES = '/attributes'
const SLASH = 47

/**
 * The dot path of a JSON Pointer below `/attributes` (`/person/name` → `person.name`): its
 * reference tokens unescaped (RFC 6901: `~1` is `/`, `~0` is `~`) and joined with dots.
 */
const toDotPath = (pointer: string): string =>
  pointer.includes('~')
    ? pointer
        .slice(1)
        .split('/')
        .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
        .join('.')
    : pointer.slice(1).replaceAll('/', '.')

/** The dot path of a pointer below `/attributes/`. */
const attributeDotPath = (pointer: string): string => toDotPath(pointer.slice(ATTRIBUTES.length))

const addOnce = (paths: string[], path: string): void => {
  if (!paths.includes(path)) paths.push(path)
}

/** Adds the attribute paths a write at `pointer` writes (see `writtenAttributePaths`). */
function addWritten(paths: string[], pointer: string, before: XdmObject, after: XdmObject): void {
  if (pointer === ATTRIBUTES) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) addOnce(paths, key)
  } else if (pointer.startsWith(ATTRIBUTES) && pointer.charCodeAt(ATTRIBUTES.length) === SLASH) {
    addOnce(paths, attributeDotPath(pointer))
  }
}

/**
 * The XDM attribute dot paths a profile patch writes (DESIGN.md section 6: "any mapped attribute
 * is written, even with the same value"): the path of every `add`, `replace`, `remove` and `copy`,
 * and both ends of a `move`, under `/attributes`. A write of `/attributes` itself writes every
 * top-level attribute it had or has. `test` writes nothing; identityMap paths are not attributes.
 */
export function writtenAttributePaths(
  operations: readonly JsonPatchOperation[],
  before: XdmObject,
  after: XdmObject,
): string[] {
  const paths: string[] = []
  for (const operation of operations) {
    if (operation.op === 'test') continue
    if (operation.op === 'move') addWritten(paths, operation.from, before, after)
    addWritten(paths, operation.path, before, after)
  }
  return paths
}

const identityKeys = (map: IdentityMap): Set<string> => {
  const keys = new Set<string>()
  for (const namespace in map)
    for (const { id } of map[namespace]) keys.add(`${namespace}\u0000${id}`)
  return keys
}

/** Whether an identity was added or removed (a moved primary flag or a new order is no change). */
export function identitiesChanged(before: IdentityMap, after: IdentityMap): boolean {
  if (before === after) return false
  const a = identityKeys(before)
  const b = identityKeys(after)
  if (a.size !== b.size) return true
  for (const key of a) if (!b.has(key)) return true
  return false
}

/** The pointers a profile patch may write: `profilePatchSchema`'s rule. */
const EDITABLE = /^\/(attributes|identityMap)(\/|$)/

/** The members of each operation, as `jsonPatchOperationSchema` defines them. */
const OPERATION_KEYS = new Map<string, readonly string[]>([
  ['add', ['op', 'path', 'value']],
  ['replace', ['op', 'path', 'value']],
  ['test', ['op', 'path', 'value']],
  ['remove', ['op', 'path']],
  ['move', ['op', 'from', 'path']],
  ['copy', ['op', 'from', 'path']],
])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/**
 * True when `body` is a profile patch exactly as `profilePatchSchema` outputs one: a non-empty
 * array of plain operations with only their own members, every pointer under `/attributes` or
 * `/identityMap`. Such a body is used as it is; anything else goes through the schema, which
 * strips extra members and names the errors.
 */
export function isExactProfilePatch(body: unknown): body is JsonPatchOperation[] {
  if (!Array.isArray(body) || body.length === 0) return false
  for (const operation of body as unknown[]) {
    if (!isPlainObject(operation) || typeof operation.op !== 'string') return false
    const keys = OPERATION_KEYS.get(operation.op)
    const names = Object.keys(operation)
    if (!keys || names.length !== keys.length) return false
    for (const key of keys) {
      if (!names.includes(key)) return false
      const member = operation[key]
      if (key === 'value' ? member === undefined : typeof member !== 'string') return false
      if ((key === 'path' || key === 'from') && !EDITABLE.test(member as string)) return false
    }
  }
  return true
}

/** The part of a profile a patch edits. */
export interface EditableProfile {
  attributes: XdmObject
  identityMap: IdentityMap
}

/** Tokens `applyPatch` treats specially (escapes, prototype guards): left to it. */
const isSpecialToken = (token: string): boolean =>
  token.includes('~') || token === '__proto__' || token === 'constructor' || token === 'prototype'

/**
 * True for a value `cloneJson` copies as it is and `applyPatch` accepts: nothing `undefined`,
 * arrays and plain objects without a `__proto__` member.
 */
const isCopyableJson = (value: unknown): boolean => {
  if (value === undefined) return false
  if (typeof value !== 'object' || value === null) return true
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      if (!isCopyableJson(value[index])) return false
    }
    return true
  }
  if (!isPlainObject(value) || Object.hasOwn(value, '__proto__')) return false
  for (const key in value) if (!isCopyableJson(value[key])) return false
  return true
}

/**
 * Whether writing `value` at the pointer's tokens would leave the document as it is: the member
 * exists (through plain objects) and already holds that primitive value.
 */
const holdsAlready = (root: Record<string, unknown>, tokens: string[], value: unknown): boolean => {
  if (typeof value === 'object' && value !== null) return false
  let node: unknown = root
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]
    if (!isPlainObject(node) || isSpecialToken(token) || !Object.hasOwn(node, token)) return false
    node = node[token]
  }
  return Object.is(node, value)
}

/**
 * The common profile update applied without copying the whole profile: `add` and `replace`
 * operations whose pointer runs through existing plain objects under `/attributes` or
 * `/identityMap`, a `replace` only of an existing member. Only the objects on the written paths
 * are copied, and none for a write of the value a member already has; everything else is shared
 * with `doc`, which is left as it was. Null for any other patch (arrays on the way, escaped or
 * special tokens, a missing parent, a value that is not plain JSON...): `applyOperations` applies
 * those, with its errors. Where it answers, the result equals `applyOperations`' one.
 */
export function applySimplePatch(
  doc: EditableProfile,
  operations: readonly JsonPatchOperation[],
): EditableProfile | null {
  const root: Record<string, unknown> = { attributes: doc.attributes, identityMap: doc.identityMap }
  const copies: object[] = []
  for (const operation of operations) {
    if (operation.op !== 'add' && operation.op !== 'replace') return null
    if (!isCopyableJson(operation.value)) return null
    const tokens = operation.path.split('/')
    if (tokens.length < 3) return null
    if (holdsAlready(root, tokens, operation.value)) continue
    let parent = root
    for (let index = 1; index < tokens.length; index++) {
      const token = tokens[index]
      if (isSpecialToken(token)) return null
      const own = Object.hasOwn(parent, token)
      if (index === tokens.length - 1) {
        if (!own && (operation.op === 'replace' || token in parent)) return null
        parent[token] = cloneJson(operation.value)
        break
      }
      const child = own ? parent[token] : undefined
      if (!isPlainObject(child) || Object.hasOwn(child, '__proto__')) return null
      let copy = child
      if (!copies.includes(child)) {
        copy = { ...child }
        copies.push(copy)
        parent[token] = copy
      }
      parent = copy
    }
  }
  return { attributes: root.attributes as XdmObject, identityMap: root.identityMap as IdentityMap }
}
