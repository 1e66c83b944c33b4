import type { JsonPatchOperation } from '../../contracts/flow-service'
import { namespaceIssue } from '../../contracts/identity-rules'
import type { IdentityMap, XdmObject } from '../../contracts/profile'
import { resolveAttributePath, writeIssue, type WriteTarget } from '../../contracts/xdm-write'
import type { FieldError } from '../../contracts/problem'
import { unionSchema } from '../seed/data/union-schema'

/** Names that would reach an object's prototype: never a field or a namespace. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

/** What a pointer is, worked out once per distinct pointer. */
interface PointerInfo {
  /** Its reference tokens, unescaped (RFC 6901): `attributes` or `identityMap` first. */
  tokens: string[]
  /** A name in it that would reach an object's prototype. */
  forbidden: string | undefined
  /** Under `/attributes`: the schema field it writes, or why it writes none. */
  target: WriteTarget | string | null
}

/** How many distinct pointers a checker keeps worked out. */
const MAX_POINTERS = 2000

function pointerInfo(pointer: string): PointerInfo {
  const raw = pointer.split('/').slice(1)
  const tokens = pointer.includes('~')
    ? raw.map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
    : raw
  const forbidden = tokens.find((token) => FORBIDDEN.has(token))
  const target =
    forbidden || tokens[0] !== 'attributes'
      ? null
      : resolveAttributePath(unionSchema, tokens.slice(1))
  return { tokens, forbidden, target }
}

/** The value at a pointer's tokens below a root, array items included. */
function valueAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root
  for (const token of tokens) {
    if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)]
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token]
    } else return undefined
  }
  return node
}

/**
 * Checks a profile patch before it is applied to `current`: every attribute path is a field of
 * the union schema (or an item of one of its arrays), every value added, replaced, moved or
 * copied there has the field's type, no path reaches an object's prototype, `move` and `copy`
 * stay on their side (attributes or identities), and identities go to a known namespace. Errors
 * name the operation's field (`0.path`, `1.value`).
 */
export class ProfilePatchChecker {
  /** Pointers seen before, for the backend's life: a few hundred distinct paths serve every update. */
  private readonly pointers = new Map<string, PointerInfo>()

  check(
    operations: readonly JsonPatchOperation[],
    current: { attributes: XdmObject; identityMap: IdentityMap },
  ): FieldError[] {
    const errors: FieldError[] = []
    operations.forEach((operation, index) => {
      const issue = this.operationIssue(operation, current.attributes)
      if (issue) errors.push({ path: `${index}.${issue.field}`, message: issue.message })
    })
    return errors
  }

  private infoOf(pointer: string): PointerInfo {
    let found = this.pointers.get(pointer)
    if (!found) {
      found = pointerInfo(pointer)
      if (this.pointers.size >= MAX_POINTERS) this.pointers.clear()
      this.pointers.set(pointer, found)
    }
    return found
  }

  private operationIssue(
    operation: JsonPatchOperation,
    attributes: XdmObject,
  ): { field: 'path' | 'from' | 'value'; message: string } | null {
    const path = this.infoOf(operation.path)
    const from = 'from' in operation ? this.infoOf(operation.from) : null
    const forbidden = path.forbidden ?? from?.forbidden
    if (forbidden) return { field: 'path', message: `'${forbidden}' cannot be a name here.` }
    if (from && from.tokens[0] !== path.tokens[0]) {
      return {
        field: 'from',
        message: `${operation.op} stays within /attributes or within /identityMap.`,
      }
    }
    if (path.tokens[0] === 'identityMap') {
      const writes = operation.op !== 'remove' && operation.op !== 'test'
      const issue = writes && path.tokens.length > 1 ? namespaceIssue(path.tokens[1]) : null
      return issue ? { field: 'path', message: issue } : null
    }
    const { target } = path
    if (typeof target === 'string') return { field: 'path', message: target }
    if (!target) return null
    if (from) {
      if (typeof from.target === 'string') return { field: 'from', message: from.target }
      const issue = writeIssue(unionSchema, target, valueAt(attributes, from.tokens.slice(1)))
      return issue ? { field: 'from', message: issue } : null
    }
    if (operation.op !== 'add' && operation.op !== 'replace') return null
    const issue = writeIssue(unionSchema, target, operation.value)
    return issue ? { field: 'value', message: issue } : null
  }
}
