import { parseIsoInstant } from './iso-date'
import { tokenize, type Token } from './lexer'
import { PqlSyntaxError, type PqlComparisonOperator, type PqlLiteral, type PqlNode } from './syntax'

type ValidToken = Exclude<Token, { kind: 'invalid' }>

/** Deepest nesting of `(` and `not`, so that hostile input fails as a syntax error, not a stack overflow. */
const MAX_NESTING = 200

/** Keywords that cannot start an attribute path (segments after a `.` may be any identifier). */
const RESERVED = new Set(['and', 'or', 'not', 'exists', 'in', 'contains', 'startswith'])

const COMPARISON_OPERATORS = new Set<string>(['=', '!=', '<', '<=', '>', '>='])
const ORDERING_OPERATORS = new Set<string>(['<', '<=', '>', '>='])

const isComparisonOperator = (text: string): text is PqlComparisonOperator =>
  COMPARISON_OPERATORS.has(text)

const isSymbol = (token: ValidToken, symbol: string): boolean =>
  token.kind === 'symbol' && token.text === symbol

const isKeyword = (token: ValidToken, keyword: string): boolean =>
  token.kind === 'word' && token.text.toLowerCase() === keyword

function describe(token: ValidToken): string {
  switch (token.kind) {
    case 'end':
      return 'end of input'
    case 'number':
      return token.text
    case 'string':
      return token.text.length > 40 ? `${token.text.slice(0, 37)}...` : token.text
    default:
      return `'${token.text}'`
  }
}

/** Why an attribute path cannot be used (not a field of the schema), or null when it can. */
export type PathCheck = (path: string) => string | null

class Parser {
  private readonly tokens: Token[]
  private index = 0
  private depth = 0

  constructor(
    text: string,
    private readonly pathIssue: PathCheck | undefined,
  ) {
    this.tokens = tokenize(text)
  }

  parse(): PqlNode {
    const node = this.parseOr()
    const token = this.peek()
    if (token.kind !== 'end') throw this.expected("'and', 'or' or end of input", token)
    return node
  }

  /** The token `offset` places ahead; reaching an invalid token throws its lexical error. */
  private peek(offset = 0): ValidToken {
    const token = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]
    if (token.kind === 'invalid') throw token.error
    return token
  }

  private expected(what: string, found: ValidToken): PqlSyntaxError {
    return new PqlSyntaxError(
      `Expected ${what} at position ${found.position}, found ${describe(found)}`,
      found.position,
    )
  }

  /** Like `expected`, naming the token just consumed as the context. */
  private expectedAfter(what: string, found: ValidToken): PqlSyntaxError {
    const previous = this.index === 0 ? undefined : this.tokens[this.index - 1]
    if (previous === undefined || previous.kind === 'invalid') return this.expected(what, found)
    return this.expected(`${what} after ${describe(previous)}`, found)
  }

  private enterNesting(token: ValidToken): void {
    this.depth++
    if (this.depth > MAX_NESTING) {
      throw new PqlSyntaxError(
        `Expected at most ${MAX_NESTING} nested '(' and 'not' at position ${token.position}, found more`,
        token.position,
      )
    }
  }

  private parseOr(): PqlNode {
    const operands = [this.parseAnd()]
    while (isKeyword(this.peek(), 'or')) {
      this.index++
      operands.push(this.parseAnd())
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands }
  }

  private parseAnd(): PqlNode {
    const operands = [this.parseUnary()]
    while (isKeyword(this.peek(), 'and')) {
      this.index++
      operands.push(this.parseUnary())
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands }
  }

  private parseUnary(): PqlNode {
    const token = this.peek()
    if (isKeyword(token, 'not')) {
      this.enterNesting(token)
      this.index++
      const operand = this.parseUnary()
      this.depth--
      return { kind: 'not', operand }
    }
    if (isSymbol(token, '(')) {
      this.enterNesting(token)
      this.index++
      const inner = this.parseOr()
      const close = this.peek()
      if (!isSymbol(close, ')')) {
        throw new PqlSyntaxError(
          `Expected ')' at position ${close.position} to close the '(' from position ${token.position}, found ${describe(close)}`,
          close.position,
        )
      }
      this.index++
      this.depth--
      return inner
    }
    return this.parsePredicate()
  }

  private parsePredicate(): PqlNode {
    if (isKeyword(this.peek(), 'exists')) {
      this.index++
      return { kind: 'exists', path: this.parsePath('an attribute path') }
    }
    const path = this.parsePath("an attribute path, 'exists', 'not' or '('")
    const token = this.peek()
    if (isSymbol(token, '.')) return this.parseMethod(path)
    if (token.kind === 'symbol' && isComparisonOperator(token.text)) {
      const operator = token.text
      this.index++
      const literal = this.peek()
      if (
        ORDERING_OPERATORS.has(operator) &&
        (isKeyword(literal, 'true') || isKeyword(literal, 'false'))
      ) {
        throw this.expectedAfter('a number, string or date', literal)
      }
      return { kind: 'compare', path, operator, value: this.parseLiteral() }
    }
    if (isKeyword(token, 'in')) return this.parseIn(path)
    if (isKeyword(token, 'contains')) {
      this.index++
      return { kind: 'contains', path, value: this.parseString() }
    }
    if (isKeyword(token, 'startswith')) {
      this.index++
      return { kind: 'startsWith', path, value: this.parseString() }
    }
    throw this.expected(
      `an operator (=, !=, <, <=, >, >=, in, contains, startsWith) after '${path}'`,
      token,
    )
  }

  /** `identifier ('.' identifier)*`, stopping before a method call such as `.contains(`. */
  private parsePath(what: string): string {
    const first = this.peek()
    if (first.kind !== 'word' || RESERVED.has(first.text.toLowerCase())) {
      throw this.expectedAfter(what, first)
    }
    this.index++
    let path = first.text
    while (isSymbol(this.peek(), '.')) {
      const name = this.peek(1)
      if (name.kind === 'word' && isSymbol(this.peek(2), '(')) break
      this.index++
      if (name.kind !== 'word') throw this.expectedAfter('an attribute name', name)
      this.index++
      path += `.${name.text}`
    }
    const issue = this.pathIssue?.(path)
    if (issue) throw new PqlSyntaxError(`At position ${first.position}: ${issue}`, first.position)
    return path
  }

  /** `.exists()`, `.isNotNull()`, `.contains("…")` or `.startsWith("…")` after a path. */
  private parseMethod(path: string): PqlNode {
    const name = this.peek(1)
    this.index += 3
    let node: PqlNode
    switch (name.kind === 'word' ? name.text.toLowerCase() : '') {
      case 'exists':
      case 'isnotnull':
        node = { kind: 'exists', path }
        break
      case 'contains':
        node = { kind: 'contains', path, value: this.parseString() }
        break
      case 'startswith':
        node = { kind: 'startsWith', path, value: this.parseString() }
        break
      default:
        throw this.expected('exists, isNotNull, contains or startsWith', name)
    }
    const close = this.peek()
    if (!isSymbol(close, ')')) throw this.expectedAfter("')'", close)
    this.index++
    return node
  }

  private parseIn(path: string): PqlNode {
    this.index++
    const open = this.peek()
    if (!isSymbol(open, '[')) throw this.expectedAfter("'['", open)
    this.index++
    if (isSymbol(this.peek(), ']')) throw this.expectedAfter('at least one value', this.peek())
    const values = [this.parseLiteral()]
    for (;;) {
      const token = this.peek()
      if (isSymbol(token, ']')) {
        this.index++
        return { kind: 'in', path, values }
      }
      if (!isSymbol(token, ',')) throw this.expectedAfter("',' or ']'", token)
      this.index++
      values.push(this.parseLiteral())
    }
  }

  private parseString(): string {
    const token = this.peek()
    if (token.kind !== 'string') throw this.expectedAfter('a string', token)
    this.index++
    return token.value
  }

  private parseLiteral(): PqlLiteral {
    const token = this.peek()
    if (token.kind === 'string' || token.kind === 'number') {
      this.index++
      return token.kind === 'string'
        ? { kind: 'string', value: token.value }
        : { kind: 'number', value: token.value }
    }
    if (isKeyword(token, 'true') || isKeyword(token, 'false')) {
      this.index++
      return { kind: 'boolean', value: isKeyword(token, 'true') }
    }
    if (isKeyword(token, 'date')) return this.parseDate()
    throw this.expectedAfter('a value', token)
  }

  /** `date("YYYY-MM-DD")` or `date("<ISO 8601 date-time>")`. */
  private parseDate(): PqlLiteral {
    this.index++
    const open = this.peek()
    if (!isSymbol(open, '(')) throw this.expectedAfter("'('", open)
    this.index++
    const text = this.peek()
    if (text.kind !== 'string') throw this.expectedAfter('a date string', text)
    if (Number.isNaN(parseIsoInstant(text.value))) {
      throw this.expected('a date as YYYY-MM-DD or an ISO 8601 date-time', text)
    }
    this.index++
    const close = this.peek()
    if (!isSymbol(close, ')')) throw this.expectedAfter("')'", close)
    this.index++
    return { kind: 'date', value: text.value }
  }
}

/**
 * Parses PQL text into its syntax tree. Throws `PqlSyntaxError` naming the position of the first
 * problem: the offending token, the end of input, or the opening quote of an unterminated string.
 */
export function parsePql(text: string, pathIssue?: PathCheck): PqlNode {
  return new Parser(text, pathIssue).parse()
}
