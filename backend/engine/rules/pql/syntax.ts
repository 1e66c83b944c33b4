/** Comparison operators of PQL. */
export type PqlComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>='

/** A literal value. A date keeps the ISO 8601 text it was written with. */
export type PqlLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: string }

/**
 * The syntax tree of a PQL expression: plain, JSON-serializable data. Paths are dotted attribute
 * paths (`person.name.firstName`). `and` and `or` are n-ary; each holds at least two operands when
 * produced by the parser.
 */
export type PqlNode =
  | { kind: 'or'; operands: PqlNode[] }
  | { kind: 'and'; operands: PqlNode[] }
  | { kind: 'not'; operand: PqlNode }
  | { kind: 'exists'; path: string }
  | { kind: 'compare'; path: string; operator: PqlComparisonOperator; value: PqlLiteral }
  | { kind: 'in'; path: string; values: PqlLiteral[] }
  | { kind: 'contains'; path: string; value: string }
  | { kind: 'startsWith'; path: string; value: string }

/** A PQL text that does not parse. `position` is the 0-based offset into the text. */
export class PqlSyntaxError extends Error {
  override name = 'PqlSyntaxError'
  readonly position: number

  constructor(message: string, position: number) {
    super(message)
    this.position = position
  }
}
