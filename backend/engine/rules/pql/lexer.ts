import { PqlSyntaxError } from './syntax'

/**
 * A token of PQL text. `text` is the source as written; `position` its 0-based offset. Words are
 * identifiers and keywords alike (the parser tells them apart). Lexing stops at the first invalid
 * character with an `invalid` token, which the parser throws when it reaches it, so the leftmost
 * problem is the one reported.
 */
export type Token =
  | { kind: 'word'; text: string; position: number }
  | { kind: 'string'; text: string; value: string; position: number }
  | { kind: 'number'; text: string; value: number; position: number }
  | { kind: 'symbol'; text: string; position: number }
  | { kind: 'end'; text: ''; position: number }
  | { kind: 'invalid'; error: PqlSyntaxError; position: number }

const ESCAPES: Readonly<Partial<Record<string, string>>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  n: '\n',
  t: '\t',
}

const isWordStart = (char: string): boolean =>
  (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_'
const isDigit = (char: string): boolean => char >= '0' && char <= '9'
const isWordPart = (char: string): boolean => isWordStart(char) || isDigit(char)
const isSpace = (char: string): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r'

function lexString(text: string, start: number): Token {
  const quote = text[start]
  let value = ''
  let chunkStart = start + 1
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index]
    if (char === quote) {
      value += text.slice(chunkStart, index)
      return { kind: 'string', text: text.slice(start, index + 1), value, position: start }
    }
    if (char === '\\') {
      const escaped = ESCAPES[text.charAt(index + 1)]
      if (escaped === undefined) {
        const found = index + 1 < text.length ? `'\\${text[index + 1]}'` : 'end of input'
        const error = new PqlSyntaxError(
          `Expected an escape (\\" \\' \\\\ \\n \\t) at position ${index}, found ${found}`,
          index,
        )
        return { kind: 'invalid', error, position: index }
      }
      value += text.slice(chunkStart, index) + escaped
      index++
      chunkStart = index + 1
    }
  }
  const error = new PqlSyntaxError(
    `Unterminated string starting at position ${start}: expected a closing ${quote} before end of input`,
    start,
  )
  return { kind: 'invalid', error, position: start }
}

function lexNumber(text: string, start: number): Token {
  let end = text[start] === '-' ? start + 1 : start
  while (isDigit(text.charAt(end))) end++
  if (text[end] === '.' && isDigit(text.charAt(end + 1))) {
    end++
    while (isDigit(text.charAt(end))) end++
  }
  const source = text.slice(start, end)
  const value = Number(source)
  if (!Number.isFinite(value)) {
    const error = new PqlSyntaxError(
      `Expected a number within range at position ${start}, found ${source}`,
      start,
    )
    return { kind: 'invalid', error, position: start }
  }
  return { kind: 'number', text: source, value, position: start }
}

const SYMBOLS = ['!=', '<=', '>=', '(', ')', '[', ']', ',', '.', '=', '<', '>']

/** Splits PQL text into tokens, ending with an `end` token or an `invalid` one. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  for (;;) {
    while (index < text.length && isSpace(text.charAt(index))) index++
    if (index >= text.length) {
      tokens.push({ kind: 'end', text: '', position: text.length })
      return tokens
    }
    const char = text.charAt(index)
    let token: Token
    if (isWordStart(char)) {
      let end = index + 1
      while (isWordPart(text.charAt(end))) end++
      token = { kind: 'word', text: text.slice(index, end), position: index }
    } else if (isDigit(char) || (char === '-' && isDigit(text.charAt(index + 1)))) {
      token = lexNumber(text, index)
    } else if (char === '"' || char === "'") {
      token = lexString(text, index)
    } else {
      const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, index))
      if (symbol === undefined) {
        const found = String.fromCodePoint(text.codePointAt(index) ?? 0)
        const error = new PqlSyntaxError(
          `Unexpected character '${found}' at position ${index}`,
          index,
        )
        token = { kind: 'invalid', error, position: index }
      } else {
        token = { kind: 'symbol', text: symbol, position: index }
      }
    }
    tokens.push(token)
    if (token.kind === 'invalid') return tokens
    index = token.position + token.text.length
  }
}
