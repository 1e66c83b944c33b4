import type { XdmObject } from '../../../../contracts/profile'
import { compilePql } from './evaluate'
import { parsePql, type PathCheck } from './parser'
import { PqlSyntaxError, type PqlNode } from './syntax'

export { compilePql, pqlPaths } from './evaluate'
export { parsePql } from './parser'
export { PqlSyntaxError } from './syntax'
export type { PqlComparisonOperator, PqlLiteral, PqlNode } from './syntax'

export type PqlParseResult =
  { ok: true; ast: PqlNode } | { ok: false; message: string; position: number }

/**
 * Parses PQL text, answering a syntax error as data instead of throwing it; `pathIssue` refuses
 * attribute paths (an audience's paths must be fields of the profile schema).
 */
export function tryParsePql(text: string, pathIssue?: PathCheck): PqlParseResult {
  try {
    return { ok: true, ast: parsePql(text, pathIssue) }
  } catch (error) {
    if (error instanceof PqlSyntaxError) {
      return { ok: false, message: error.message, position: error.position }
    }
    throw error
  }
}

/** Parses, compiles and evaluates in one go; compile once with `compilePql` for repeated use. */
export function evaluatePql(text: string, attributes: XdmObject): boolean {
  return compilePql(parsePql(text))(attributes)
}
