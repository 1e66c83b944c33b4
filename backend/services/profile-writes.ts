import type { JsonPatchOperation } from '../../src/contracts/flow-service'
import { namespaceIssue } from '../../src/contracts/identity-rules'
import type { IdentityMap, XdmObject } from '../../src/contracts/profile'
import { resolveAttributePath, writeIssue, type WriteTarget } from '../../src/contracts/xdm-write'
import type { FieldError } from '../http/problem'
import { unionSchema } from '../seed/data/union-schema'

/** Names that would reach an object's prototype: never a field or a namespace. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

/** A pointer's reference tokens, unescaped (RFC 6901). */
const tokensOf = (pointer: string): string[] => {
  const tokens = pointer.split('/').slice(1)
  return pointer.includes('~')
    ? tokens.map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
    : tokens
}

const forbiddenIn = (tokens: readonly string[] | null) =>
  tokens?.find((token) => FORBIDDEN.has(token))

/** Pointers resolved before, by pointer: a few hundred distinct paths serve every update. */
const resolved = new Map<string, WriteTarget | string>()
const MAX_RESOLVED = 2000

function targetOf(tokens: string[], pointer: string): WriteTarget | string {
  let found = resolved.get(pointer)
  if (found === undefined) {
    found = resolveAttributePath(unionSchema, tokens.slice(1))
    if (resolved.size >= MAX_RESOLVED) resolved.clear()
    resolved.set(pointer, found)
  }
  return found
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
export function checkProfileOperations(
  operations: readonly JsonPatchOperation[],
  current: { attributes: XdmObject; identityMap: IdentityMap },
): FieldError[] {
  const errors: FieldError[] = []
  operations.forEach((operation, index) => {
    const issue = operationIssue(operation, current.attributes)
    if (issue) errors.push({ path: `${index}.${issue.field}`, message: issue.message })
  })
  return errors
}

function operationIssue(
  operation: JsonPatchOperation,
  attributes: XdmObject,
): { field: 'path' | 'from' | 'value'; message: string } | null {
  const tokens = tokensOf(operation.path)
  const from = 'from' in operation ? tokensOf(operation.from) : null
  const forbidden = forbiddenIn(tokens) ?? forbiddenIn(from)
  if (forbidden) return { field: 'path', message: `'${forbidden}' cannot be a name here.` }
  if (from && from[0] !== tokens[0]) {
    return {
      field: 'from',
      message: `${operation.op} stays within /attributes or within /identityMap.`,
    }
  }
  if (tokens[0] === 'identityMap') {
    const writes = operation.op !== 'remove' && operation.op !== 'test'
    const issue = writes && tokens.length > 1 ? namespaceIssue(tokens[1]) : null
    return issue ? { field: 'path', message: issue } : null
  }
  const target = targetOf(tokens, operation.path)
  if (typeof target === 'string') return { field: 'path', message: target }
  if ('from' in operation && from) {
    const source = targetOf(from, operation.from)
    if (typeof source === 'string') return { field: 'from', message: source }
    const issue = writeIssue(unionSchema, target, valueAt(attributes, from.slice(1)))
    return issue ? { field: 'from', message: issue } : null
  }
  if (operation.op !== 'add' && operation.op !== 'replace') return null
  const issue = writeIssue(unionSchema, target, operation.value)
  return issue ? { field: 'value', message: issue } : null
}
