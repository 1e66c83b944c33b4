import { applyPatch, JsonPatchError, type Operation } from 'fast-json-patch'
import { jsonPatchSchema, type JsonPatchOperation } from '../../contracts/flow-service'
import { parseWith } from '../http/route'
import { cloneJson } from '../lib/json'
import { problems } from '../http/problem'

const unquote = (etag: string) =>
  etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')

/**
 * Optimistic concurrency: `If-Match` is required and must name the current version. Clients may
 * send the etag with or without its surrounding quotes.
 */
function checkIfMatch(request: Request, current: { id: string; etag: string }): void {
  const supplied = request.headers.get('if-match')
  if (!supplied?.trim()) throw problems.missingIfMatch()
  if (unquote(supplied) !== unquote(current.etag)) {
    throw problems.versionMismatch(supplied, current.etag, current.id)
  }
}

const READABLE_ERRORS: Record<string, string> = {
  OPERATION_PATH_UNRESOLVABLE: 'the path does not exist',
  OPERATION_PATH_CANNOT_ADD: 'the parent of the path does not exist',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'the array index is not a number or "-"',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the array index is past the end of the array',
  OPERATION_VALUE_REQUIRED: 'the operation needs a value',
  OPERATION_FROM_UNRESOLVABLE: 'the "from" path does not exist',
  TEST_OPERATION_FAILED: 'the test operation failed',
  OPERATION_PATH_INVALID: 'the path is not a JSON Pointer',
}

const BANNED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])

const segments = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))

/** Why an operation can never apply whatever the document: a prototype segment, a move into itself. */
function refusal(op: JsonPatchOperation): string | null {
  const pointers = 'from' in op ? [op.path, op.from] : [op.path]
  if (pointers.some((p) => segments(p).some((s) => BANNED_SEGMENTS.has(s)))) {
    return 'a path may not name __proto__, constructor or prototype'
  }
  if (op.op === 'move' && op.path.startsWith(`${op.from}/`)) {
    return 'a value cannot be moved into one of its own children'
  }
  return null
}

/** Applies validated operations to a copy of `doc`; an operation that cannot apply is a 400. */
export function applyOperations<T extends object>(doc: T, operations: JsonPatchOperation[]): T {
  operations.forEach((op, index) => {
    const why = refusal(op)
    if (why) {
      throw problems.invalidPatch(
        `Operation ${index} (${op.op} ${op.path}) cannot be applied: ${why}.`,
        String(index),
      )
    }
  })
  try {
    return applyPatch(cloneJson(doc), cloneJson(operations) as Operation[], true, true).newDocument
  } catch (error) {
    if (error instanceof JsonPatchError) {
      const index = error.index ?? 0
      const op = operations[index]
      const why = READABLE_ERRORS[error.name] ?? error.message.split('\n')[0]
      throw problems.invalidPatch(
        `Operation ${index} (${op?.op ?? '?'} ${op?.path ?? '?'}) cannot be applied: ${why}.`,
        String(index),
      )
    }
    throw error
  }
}

/**
 * A write by JSON Patch (RFC 6902) under optimistic concurrency: `If-Match` must name the current
 * version, every operation may touch only `writable` paths, and the result is a patched copy of
 * `current` (the caller validates it).
 */
export function applyVersionedPatch<T extends { id: string; etag: string }>(
  request: Request,
  current: T,
  body: unknown,
  writable: RegExp,
): T {
  checkIfMatch(request, current)
  const operations = parseWith(jsonPatchSchema, body)
  operations.forEach((op, index) => {
    for (const pointer of 'from' in op ? [op.path, op.from] : [op.path]) {
      if (op.op !== 'test' && !writable.test(pointer)) {
        throw problems.invalidPatch(
          `Operation ${index} (${op.op} ${op.path}): '${pointer}' is read-only.`,
          String(index),
        )
      }
    }
  })
  return applyOperations(current, operations)
}
