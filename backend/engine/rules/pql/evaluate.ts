import type { XdmObject, XdmValue } from '../../../../contracts/profile'
import { parseIsoInstant } from './iso-date'
import type { PqlComparisonOperator, PqlLiteral, PqlNode } from './syntax'

type Test = (attributes: XdmObject) => boolean
type Read = (attributes: XdmObject) => XdmValue | undefined

const COMPARISONS: Record<
  PqlComparisonOperator,
  <T extends string | number | boolean>(value: T, literal: T) => boolean
> = {
  '=': (value, literal) => value === literal,
  '!=': (value, literal) => value !== literal,
  '<': (value, literal) => value < literal,
  '<=': (value, literal) => value <= literal,
  '>': (value, literal) => value > literal,
  '>=': (value, literal) => value >= literal,
}

/**
 * A reader of one pre-split path. It steps only into own properties of non-array objects, so
 * inherited names (`constructor`, `length`) read as absent. `null` reads as absent (`undefined`).
 */
function reader(path: string): Read {
  const segments = path.split('.')
  return (attributes) => {
    let current: XdmValue = attributes
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index]
      if (
        typeof current !== 'object' ||
        current === null ||
        Array.isArray(current) ||
        !Object.hasOwn(current, segment)
      ) {
        return undefined
      }
      current = current[segment]
    }
    return current ?? undefined
  }
}

function dateInstant(literal: string): number {
  const instant = parseIsoInstant(literal)
  if (Number.isNaN(instant)) throw new RangeError(`Invalid PQL date literal "${literal}"`)
  return instant
}

function compileComparison(read: Read, operator: PqlComparisonOperator, literal: PqlLiteral): Test {
  const compare = COMPARISONS[operator]
  switch (literal.kind) {
    case 'string': {
      const expected = literal.value
      return (attributes) => {
        const value = read(attributes)
        return typeof value === 'string' && compare(value, expected)
      }
    }
    case 'number': {
      const expected = literal.value
      return (attributes) => {
        const value = read(attributes)
        return typeof value === 'number' && compare(value, expected)
      }
    }
    case 'boolean': {
      if (operator !== '=' && operator !== '!=') {
        throw new RangeError(`PQL operator '${operator}' does not apply to booleans`)
      }
      const expected = literal.value
      return (attributes) => {
        const value = read(attributes)
        return typeof value === 'boolean' && compare(value, expected)
      }
    }
    default: {
      // 'date'
      const expected = dateInstant(literal.value)
      return (attributes) => {
        const value = read(attributes)
        if (typeof value !== 'string') return false
        const instant = parseIsoInstant(value)
        return !Number.isNaN(instant) && compare(instant, expected)
      }
    }
  }
}

function compileIn(read: Read, literals: PqlLiteral[]): Test {
  const strings = new Set<string>()
  const numbers = new Set<number>()
  const booleans = new Set<boolean>()
  const dates = new Set<number>()
  for (const literal of literals) {
    if (literal.kind === 'string') strings.add(literal.value)
    else if (literal.kind === 'number') numbers.add(literal.value)
    else if (literal.kind === 'boolean') booleans.add(literal.value)
    else dates.add(dateInstant(literal.value))
  }
  const hasDates = dates.size > 0
  return (attributes) => {
    const value = read(attributes)
    switch (typeof value) {
      case 'string':
        return strings.has(value) || (hasDates && dates.has(parseIsoInstant(value)))
      case 'number':
        return numbers.has(value)
      case 'boolean':
        return booleans.has(value)
      default:
        return false
    }
  }
}

function compileNode(node: PqlNode): Test {
  switch (node.kind) {
    case 'or': {
      const operands = node.operands.map(compileNode)
      return (attributes) => {
        for (let index = 0; index < operands.length; index++) {
          if (operands[index](attributes)) return true
        }
        return false
      }
    }
    case 'and': {
      const operands = node.operands.map(compileNode)
      return (attributes) => {
        for (let index = 0; index < operands.length; index++) {
          if (!operands[index](attributes)) return false
        }
        return true
      }
    }
    case 'not': {
      const operand = compileNode(node.operand)
      return (attributes) => !operand(attributes)
    }
    case 'exists': {
      const read = reader(node.path)
      return (attributes) => {
        const value = read(attributes)
        return value !== undefined && value !== ''
      }
    }
    case 'compare':
      return compileComparison(reader(node.path), node.operator, node.value)
    case 'in':
      return compileIn(reader(node.path), node.values)
    case 'contains': {
      const read = reader(node.path)
      const expected = node.value
      return (attributes) => {
        const value = read(attributes)
        if (typeof value === 'string') return value.includes(expected)
        return Array.isArray(value) && value.includes(expected)
      }
    }
    default: {
      // 'startsWith'
      const read = reader(node.path)
      const expected = node.value
      return (attributes) => {
        const value = read(attributes)
        return typeof value === 'string' && value.startsWith(expected)
      }
    }
  }
}

/**
 * Compiles a syntax tree once into a membership test over a profile's XDM attributes.
 *
 * Semantics:
 * - A path steps through nested objects; a missing step, a step into an array or a non-object, and
 *   `null` all make the attribute absent.
 * - `exists p` is true when p is present and not the empty string. An empty array or object exists.
 * - Every comparison with an absent attribute is false, `!=` included: `p != "x"` is false when p
 *   is absent, while `not (p = "x")` is true. A value of another type than the literal counts as
 *   absent for that comparison: no coercion between strings, numbers and booleans.
 * - Strings compare ordinally (UTF-16 code units), `=` is case-sensitive. Booleans take `=`/`!=`.
 * - A date literal compares, as an instant, with attribute strings in ISO 8601 (`YYYY-MM-DD` is
 *   midnight UTC, a date-time without zone is UTC); other strings are absent for it.
 * - `contains` is a case-sensitive substring test on strings and an element test on arrays;
 *   `startsWith` applies to strings only. `in [...]` is true when `=` holds for any listed value.
 *
 * Throws `RangeError` for a tree the parser would not produce: an invalid date literal, or an
 * ordering operator with a boolean.
 */
export function compilePql(ast: PqlNode): (attributes: XdmObject) => boolean {
  return compileNode(ast)
}

function collectPaths(node: PqlNode, paths: Set<string>): void {
  switch (node.kind) {
    case 'or':
    case 'and':
      for (const operand of node.operands) collectPaths(operand, paths)
      return
    case 'not':
      collectPaths(node.operand, paths)
      return
    default:
      paths.add(node.path)
  }
}

/** The distinct attribute paths an expression reads, in order of first appearance. */
export function pqlPaths(ast: PqlNode): string[] {
  const paths = new Set<string>()
  collectPaths(ast, paths)
  return [...paths]
}
