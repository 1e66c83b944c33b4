import type { JsonPatchOperation } from '../../src/contracts/flow-service'
import type { IdentityMap, XdmObject } from '../../src/contracts/profile'

const ATTRIBUTES = '/attributes'

/** A JSON Pointer's reference tokens, unescaped (RFC 6901: `~1` is `/`, `~0` is `~`). */
const tokensOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))

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
  const add = (path: string) => {
    if (!paths.includes(path)) paths.push(path)
  }
  for (const operation of operations) {
    if (operation.op === 'test') continue
    const pointers = operation.op === 'move' ? [operation.from, operation.path] : [operation.path]
    for (const pointer of pointers) {
      if (pointer !== ATTRIBUTES && !pointer.startsWith(`${ATTRIBUTES}/`)) continue
      const tokens = tokensOf(pointer.slice(ATTRIBUTES.length))
      if (tokens.length === 0) {
        for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) add(key)
      } else {
        add(tokens.join('.'))
      }
    }
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
  const a = identityKeys(before)
  const b = identityKeys(after)
  if (a.size !== b.size) return true
  for (const key of a) if (!b.has(key)) return true
  return false
}
