import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { XdmObject, XdmValue } from '../../../../contracts/profile'
import { parseIsoInstant } from './iso-date'
import {
  compilePql,
  evaluatePql,
  parsePql,
  pqlPaths,
  PqlSyntaxError,
  tryParsePql,
  type PqlLiteral,
  type PqlNode,
} from './pql'

const john: XdmObject = {
  person: {
    name: { firstName: 'John', lastName: 'Doe' },
    gender: 'male',
    birthDate: '1970-04-12',
  },
  homeAddress: { city: 'Hill Valley', countryCode: 'US' },
  mobilePhone: { number: null },
  loyalty: { tier: 'gold', points: 5200, member: true },
  vehicles: ['Toyota Hilux', 'DeLorean'],
  watchedMovies: ['Back to the Future', 'Back to the Future Part II'],
  interests: ['science fiction', 'time travel'],
  favoriteGenre: 'cyberpunk',
  lastPurchase: '2024-03-09T20:00:00Z',
  _demo: { loyalty: { level: 3 } },
}

function printString(value: string): string {
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replaceAll('\n', '\\n')
    .replaceAll('\t', '\\t')
  return `"${escaped}"`
}

function printLiteral(literal: PqlLiteral): string {
  switch (literal.kind) {
    case 'string':
      return printString(literal.value)
    case 'date':
      return `date(${printString(literal.value)})`
    default:
      return String(literal.value)
  }
}

/** Prints a tree as PQL, parenthesizing nested `and`/`or` so that it parses back to the same tree. */
function printPql(node: PqlNode): string {
  const operand = (child: PqlNode) =>
    child.kind === 'and' || child.kind === 'or' ? `(${printPql(child)})` : printPql(child)
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.operands.map(operand).join(` ${node.kind} `)
    case 'not':
      return `not ${operand(node.operand)}`
    case 'exists':
      return `exists ${node.path}`
    case 'compare':
      return `${node.path} ${node.operator} ${printLiteral(node.value)}`
    case 'in':
      return `${node.path} in [${node.values.map(printLiteral).join(', ')}]`
    default:
      return `${node.path} ${node.kind} ${printString(node.value)}`
  }
}

/**
 * Parses and evaluates text: 'parsed', or 'syntax error' for a PqlSyntaxError whose position lies in
 * the text and is named by its message. Anything else thrown escapes and fails the property.
 */
function parseOutcome(text: string): string {
  try {
    compilePql(parsePql(text))({})
    return 'parsed'
  } catch (error) {
    if (!(error instanceof PqlSyntaxError)) throw error
    const { position, message } = error
    const wellPlaced = position >= 0 && position <= text.length
    return wellPlaced && message.includes(`at position ${position}`)
      ? 'syntax error'
      : `misplaced ${position}: ${message}`
  }
}

const OUTCOMES = ['parsed', 'syntax error']

const man = (birthDate: string) => ({ person: { gender: 'male', birthDate } })
const purchasedAt = (lastPurchase: string) => ({ lastPurchase })

const compare = (
  path: string,
  operator: '=' | '!=' | '<' | '<=' | '>' | '>=',
  value: PqlLiteral,
): PqlNode => ({ kind: 'compare', path, operator, value })
const str = (value: string): PqlLiteral => ({ kind: 'string', value })
const num = (value: number): PqlLiteral => ({ kind: 'number', value })

describe('seed audiences', () => {
  it.each([
    'person.name.firstName = "John"',
    'person.gender = "male" and person.birthDate < date("1975-11-26")',
    'vehicles contains "DeLorean"',
    'watchedMovies contains "Back to the Future"',
    'interests contains "science fiction" or favoriteGenre in ["sci-fi", "cyberpunk"]',
    'loyalty.tier in ["gold", "platinum"] and loyalty.points >= 5000',
    'homeAddress.countryCode = "US" and not exists mobilePhone.number',
  ])('%s parses, matches the sample profile and not an empty one', (text) => {
    expect(tryParsePql(text).ok).toBe(true)
    expect(evaluatePql(text, john)).toBe(true)
    expect(evaluatePql(text, {})).toBe(false)
  })

  it('First name equals John is case-sensitive', () => {
    const test = compilePql(parsePql('person.name.firstName = "John"'))
    expect(test({ person: { name: { firstName: 'John' } } })).toBe(true)
    expect(test({ person: { name: { firstName: 'john' } } })).toBe(false)
    expect(test({ person: { name: {} } })).toBe(false)
  })

  it('Men over 50 compares the birth date as an instant and needs both conditions', () => {
    const test = compilePql(
      parsePql('person.gender = "male" and person.birthDate < date("1975-11-26")'),
    )
    expect(test(man('1975-11-25'))).toBe(true)
    expect(test(man('1975-11-26'))).toBe(false)
    expect(test(man('1975-11-25T23:59:59.999Z'))).toBe(true)
    expect(test(man('1975-11-26T00:00:00Z'))).toBe(false)
    expect(test(man('1975-11-26T00:30:00+01:00'))).toBe(true)
    expect(test(man('unknown'))).toBe(false)
    expect(test({ person: { gender: 'female', birthDate: '1950-01-01' } })).toBe(false)
    expect(test({ person: { gender: 'male' } })).toBe(false)
  })

  it('Customers with DeLorean Cars and Watched Back to the Future test array elements exactly', () => {
    const delorean = compilePql(parsePql('vehicles contains "DeLorean"'))
    expect(delorean({ vehicles: ['DeLorean'] })).toBe(true)
    expect(delorean({ vehicles: ['delorean', 'DeLorean DMC-12'] })).toBe(false)
    expect(delorean({ vehicles: [] })).toBe(false)
    const movie = compilePql(parsePql('watchedMovies contains "Back to the Future"'))
    expect(movie({ watchedMovies: ['Back to the Future Part III'] })).toBe(false)
    expect(movie({ watchedMovies: ['Back to the Future Part III', 'Back to the Future'] })).toBe(
      true,
    )
  })

  it('Science fiction fans match on either side of the or', () => {
    const test = compilePql(
      parsePql('interests contains "science fiction" or favoriteGenre in ["sci-fi", "cyberpunk"]'),
    )
    expect(test({ interests: ['science fiction'] })).toBe(true)
    expect(test({ favoriteGenre: 'sci-fi' })).toBe(true)
    expect(test({ interests: ['cooking'], favoriteGenre: 'western' })).toBe(false)
  })

  it('gold or platinum members need 5000 points', () => {
    const test = compilePql(
      parsePql('loyalty.tier in ["gold", "platinum"] and loyalty.points >= 5000'),
    )
    expect(test({ loyalty: { tier: 'platinum', points: 5000 } })).toBe(true)
    expect(test({ loyalty: { tier: 'platinum', points: 4999.5 } })).toBe(false)
    expect(test({ loyalty: { tier: 'silver', points: 9000 } })).toBe(false)
    expect(test({ loyalty: { tier: 'gold', points: '9000' } })).toBe(false)
  })

  it('US customers without a mobile number treat null and empty as not existing', () => {
    const test = compilePql(
      parsePql('homeAddress.countryCode = "US" and not exists mobilePhone.number'),
    )
    expect(test({ homeAddress: { countryCode: 'US' } })).toBe(true)
    expect(test({ homeAddress: { countryCode: 'US' }, mobilePhone: { number: '' } })).toBe(true)
    expect(test({ homeAddress: { countryCode: 'US' }, mobilePhone: { number: '+1 555' } })).toBe(
      false,
    )
    expect(test({ homeAddress: { countryCode: 'CA' } })).toBe(false)
  })
})

describe('comparison operators', () => {
  it.each([
    ['loyalty.points = 5200', true],
    ['loyalty.points != 5200', false],
    ['loyalty.points != 10', true],
    ['loyalty.points < 5200', false],
    ['loyalty.points < 5200.5', true],
    ['loyalty.points <= 5200', true],
    ['loyalty.points > 5199.99', true],
    ['loyalty.points > 5200', false],
    ['loyalty.points >= 5200', true],
    ['loyalty.points >= 5201', false],
    ['loyalty.points > -1', true],
    ['_demo.loyalty.level = 3', true],
  ])('numbers: %s is %s', (text, expected) => {
    expect(evaluatePql(text, john)).toBe(expected)
  })

  it.each([
    ['loyalty.tier = "gold"', true],
    ['loyalty.tier = "Gold"', false],
    ['loyalty.tier != "Gold"', true],
    ['loyalty.tier != "gold"', false],
    ['loyalty.tier < "silver"', true],
    ['loyalty.tier < "gold"', false],
    ['loyalty.tier <= "gold"', true],
    ['loyalty.tier > "Zinc"', true],
    ['loyalty.tier >= "golden"', false],
  ])('strings compare ordinally: %s is %s', (text, expected) => {
    expect(evaluatePql(text, john)).toBe(expected)
  })

  it.each([
    ['loyalty.member = true', true],
    ['loyalty.member = false', false],
    ['loyalty.member != false', true],
    ['loyalty.member != true', false],
  ])('booleans: %s is %s', (text, expected) => {
    expect(evaluatePql(text, john)).toBe(expected)
  })

  it.each([
    ['loyalty.points = "5200"', false],
    ['loyalty.points != "5200"', false],
    ['loyalty.tier = 1', false],
    ['loyalty.member = "true"', false],
    ['loyalty.member != 1', false],
    ['loyalty.points = true', false],
    ['vehicles = "DeLorean"', false],
    ['loyalty = "gold"', false],
  ])('types are strict: %s is %s', (text, expected) => {
    expect(evaluatePql(text, john)).toBe(expected)
  })
})

describe('literals', () => {
  it('reads strings with escapes in double and single quotes', () => {
    expect(parsePql(String.raw`a = "say \"hi\" \\ \n\t'"`)).toEqual(
      compare('a', '=', str('say "hi" \\ \n\t\'')),
    )
    expect(parsePql(String.raw`a = 'it\'s "fine"'`)).toEqual(compare('a', '=', str('it\'s "fine"')))
    expect(parsePql('a = ""')).toEqual(compare('a', '=', str('')))
  })

  it('reads integers, decimals and negative numbers', () => {
    expect(parsePql('a = 42')).toEqual(compare('a', '=', num(42)))
    expect(parsePql('a = -3.25')).toEqual(compare('a', '=', num(-3.25)))
    expect(parsePql('a>=0.5')).toEqual(compare('a', '>=', num(0.5)))
  })

  it('reads booleans and dates', () => {
    expect(parsePql('a = true')).toEqual(compare('a', '=', { kind: 'boolean', value: true }))
    expect(parsePql('a != FALSE')).toEqual(compare('a', '!=', { kind: 'boolean', value: false }))
    expect(parsePql('a < date("2024-02-29")')).toEqual(
      compare('a', '<', { kind: 'date', value: '2024-02-29' }),
    )
    expect(parsePql("a < DATE('2024-02-29T10:00:00.123+02:00')")).toEqual(
      compare('a', '<', { kind: 'date', value: '2024-02-29T10:00:00.123+02:00' }),
    )
  })

  it('produces JSON-serializable trees', () => {
    const ast = parsePql(
      'a in [1, "x", true, date("2020-01-01")] and not (b contains "y" or c.startsWith("z"))',
    )
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast)
  })
})

describe('dates', () => {
  it('compares date-only attribute values as midnight UTC', () => {
    expect(evaluatePql('lastPurchase = date("2024-03-09")', purchasedAt('2024-03-09'))).toBe(true)
    expect(
      evaluatePql('lastPurchase = date("2024-03-09T00:00:00Z")', purchasedAt('2024-03-09')),
    ).toBe(true)
    expect(
      evaluatePql('lastPurchase > date("2024-03-08T23:59:59Z")', purchasedAt('2024-03-09')),
    ).toBe(true)
    expect(
      evaluatePql('lastPurchase < date("2024-03-09T00:00:01Z")', purchasedAt('2024-03-09')),
    ).toBe(true)
  })

  it('compares date-time attribute values as instants, offsets included', () => {
    const text = 'lastPurchase = date("2024-03-10T01:30:00+05:30")'
    expect(evaluatePql(text, purchasedAt('2024-03-09T20:00:00Z'))).toBe(true)
    expect(evaluatePql(text, purchasedAt('2024-03-09T20:00:00.000Z'))).toBe(true)
    expect(evaluatePql(text, purchasedAt('2024-03-09T15:00-0500'))).toBe(true)
    expect(evaluatePql(text, purchasedAt('2024-03-09T20:00:00'))).toBe(true)
    expect(evaluatePql(text, purchasedAt('2024-03-09T20:00:01Z'))).toBe(false)
    expect(evaluatePql('lastPurchase >= date("2024-03-09")', john)).toBe(true)
    expect(evaluatePql('lastPurchase <= date("2024-03-09")', john)).toBe(false)
    expect(evaluatePql('lastPurchase != date("2024-03-09")', john)).toBe(true)
  })

  it('treats attribute values that are not ISO dates as absent', () => {
    for (const value of ['09/03/2024', '2024-02-30', '2023-02-29', '2024-03-09T24:00:00Z', '']) {
      expect(evaluatePql('lastPurchase != date("2024-03-09")', purchasedAt(value))).toBe(false)
      expect(evaluatePql('lastPurchase < date("2999-01-01")', purchasedAt(value))).toBe(false)
    }
    expect(evaluatePql('lastPurchase < date("2999-01-01")', { lastPurchase: 1_700_000_000 })).toBe(
      false,
    )
  })

  it('matches dates in lists as instants and strings as strings', () => {
    const text = 'd in [date("2024-01-01"), "someday"]'
    expect(evaluatePql(text, { d: '2024-01-01T00:00:00Z' })).toBe(true)
    expect(evaluatePql(text, { d: 'someday' })).toBe(true)
    expect(evaluatePql(text, { d: '2024-01-02' })).toBe(false)
  })

  it('reads any ISO 8601 instant the way Date does', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString()
          expect(parseIsoInstant(iso)).toBe(date.getTime())
          expect(parseIsoInstant(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)))
          expect(parseIsoInstant(iso.slice(0, 19))).toBe(Date.parse(`${iso.slice(0, 19)}Z`))
        },
      ),
    )
  })
})

describe('contains and startsWith', () => {
  it('tests substrings of strings, case-sensitively', () => {
    expect(evaluatePql('homeAddress.city contains "Valley"', john)).toBe(true)
    expect(evaluatePql('homeAddress.city contains "valley"', john)).toBe(false)
    expect(evaluatePql('homeAddress.city startsWith "Hill"', john)).toBe(true)
    expect(evaluatePql('homeAddress.city startsWith "Valley"', john)).toBe(false)
  })

  it('tests elements of arrays, and only strings for startsWith', () => {
    expect(evaluatePql('interests contains "time travel"', john)).toBe(true)
    expect(evaluatePql('interests contains "time"', john)).toBe(false)
    expect(evaluatePql('scores contains "1"', { scores: [1, 2] })).toBe(false)
    expect(evaluatePql('interests startsWith "science"', john)).toBe(false)
    expect(evaluatePql('loyalty.points startsWith "5"', john)).toBe(false)
  })
})

describe('in', () => {
  it('is true when the attribute equals any listed value of its type', () => {
    expect(evaluatePql('loyalty.points in [1, 5200]', john)).toBe(true)
    expect(evaluatePql('loyalty.points in ["5200"]', john)).toBe(false)
    expect(evaluatePql('loyalty.member in [false, true]', john)).toBe(true)
    expect(evaluatePql('loyalty.member in [false]', john)).toBe(false)
    expect(evaluatePql('loyalty.tier in ["Gold", "silver"]', john)).toBe(false)
    expect(evaluatePql('vehicles in ["DeLorean"]', john)).toBe(false)
  })
})

describe('absent attributes', () => {
  const absent: XdmObject = {
    nothing: null,
    list: ['a'],
    scalar: 'text',
    person: { name: null },
  }
  it.each([
    'missing = "x"',
    'missing != "x"',
    'missing < 5',
    'missing <= 5',
    'missing > 5',
    'missing >= 5',
    'missing = true',
    'missing != false',
    'missing < date("2020-01-01")',
    'missing != date("2020-01-01")',
    'missing in ["x", 1, true]',
    'missing contains "x"',
    'missing startsWith ""',
    'exists missing',
    'nothing != "x"',
    'nothing contains ""',
    'exists nothing',
    'person.name.firstName != "x"',
    'exists person.name.firstName',
    'scalar.length = 4',
    'list.length = 1',
    'constructor != "x"',
    'exists toString',
    'exists __proto__',
  ])('%s is false', (text) => {
    expect(evaluatePql(text, absent)).toBe(false)
  })

  it('makes not (p = x) true where p != x is false', () => {
    expect(evaluatePql('not (missing = "x")', absent)).toBe(true)
    expect(evaluatePql('missing != "x"', absent)).toBe(false)
  })

  it('lets exists see empty arrays and objects but not empty strings', () => {
    expect(evaluatePql('exists a', { a: [] })).toBe(true)
    expect(evaluatePql('exists a', { a: {} })).toBe(true)
    expect(evaluatePql('exists a', { a: 0 })).toBe(true)
    expect(evaluatePql('exists a', { a: false })).toBe(true)
    expect(evaluatePql('exists a', { a: '' })).toBe(false)
    expect(evaluatePql('a = ""', { a: '' })).toBe(true)
  })
})

describe('logic', () => {
  const a = compare('a', '=', num(1))
  const b = compare('b', '=', num(1))
  const c = compare('c', '=', num(1))

  it('binds and tighter than or', () => {
    expect(parsePql('a = 1 or b = 1 and c = 1')).toEqual({
      kind: 'or',
      operands: [a, { kind: 'and', operands: [b, c] }],
    })
    expect(parsePql('a = 1 and b = 1 or c = 1')).toEqual({
      kind: 'or',
      operands: [{ kind: 'and', operands: [a, b] }, c],
    })
    expect(evaluatePql('a = 1 or b = 1 and c = 1', { a: 1 })).toBe(true)
    expect(evaluatePql('(a = 1 or b = 1) and c = 1', { a: 1 })).toBe(false)
  })

  it('groups with parentheses and flattens chains', () => {
    expect(parsePql('(a = 1 or b = 1) and c = 1')).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [a, b] }, c],
    })
    expect(parsePql('a = 1 or b = 1 or c = 1')).toEqual({ kind: 'or', operands: [a, b, c] })
    expect(parsePql('((a = 1))')).toEqual(a)
  })

  it('binds not tighter than and', () => {
    expect(parsePql('not a = 1 and b = 1')).toEqual({
      kind: 'and',
      operands: [{ kind: 'not', operand: a }, b],
    })
    expect(parsePql('not (a = 1 and b = 1)')).toEqual({
      kind: 'not',
      operand: { kind: 'and', operands: [a, b] },
    })
    expect(evaluatePql('not a = 1', { a: 2 })).toBe(true)
    expect(evaluatePql('not not a = 1', { a: 1 })).toBe(true)
    expect(evaluatePql('not (a = 1 and b = 1)', { a: 1, b: 1 })).toBe(false)
  })

  it('reads keywords in any case and paths case-sensitively', () => {
    const ast = parsePql(
      'NOT A = 1 AND b In [1] Or c CONTAINS "x" oR d StartsWith "y" and EXISTS e',
    )
    expect(ast).toEqual(
      parsePql('not A = 1 and b in [1] or c contains "x" or d startsWith "y" and exists e'),
    )
    expect(evaluatePql('Loyalty.tier = "gold"', john)).toBe(false)
  })
})

describe('method-call style', () => {
  it.each([
    ['person.name.firstName.startsWith("Jo")', 'person.name.firstName startsWith "Jo"'],
    ['vehicles.contains("DeLorean")', 'vehicles contains "DeLorean"'],
    ["homeAddress.city.contains('Valley')", 'homeAddress.city contains "Valley"'],
    ['mobilePhone.number.exists()', 'exists mobilePhone.number'],
    ['mobilePhone.number.isNotNull()', 'exists mobilePhone.number'],
    ['a . b . CONTAINS ( "x" )', 'a.b contains "x"'],
    ['not a.exists() and b.isNotNull()', 'not exists a and exists b'],
  ])('%s is %s', (method, infix) => {
    expect(parsePql(method)).toEqual(parsePql(infix))
  })

  it('evaluates like the infix form', () => {
    expect(evaluatePql('person.name.firstName.startsWith("Jo")', john)).toBe(true)
    expect(evaluatePql('mobilePhone.number.isNotNull()', john)).toBe(false)
    expect(evaluatePql('person.name.exists()', john)).toBe(true)
  })

  it('lets keywords name path segments after the first', () => {
    expect(parsePql('a.in = 1 and a.contains contains "x" and a.exists.b.exists()')).toEqual({
      kind: 'and',
      operands: [
        compare('a.in', '=', num(1)),
        { kind: 'contains', path: 'a.contains', value: 'x' },
        { kind: 'exists', path: 'a.exists.b' },
      ],
    })
  })
})

describe('syntax errors', () => {
  it.each([
    [
      'person.name.firstName = "Jo',
      24,
      'Unterminated string starting at position 24: expected a closing " before end of input',
    ],
    [
      "a = 'it",
      4,
      "Unterminated string starting at position 4: expected a closing ' before end of input",
    ],
    [
      'person.name.firstName = ',
      24,
      "Expected a value after '=' at position 24, found end of input",
    ],
    ['a = and b = 1', 4, "Expected a value after '=' at position 4, found 'and'"],
    [
      '(a = 1 or b = 2',
      15,
      "Expected ')' at position 15 to close the '(' from position 0, found end of input",
    ],
    [
      'not (a = 1 and (b = 2) c',
      23,
      "Expected ')' at position 23 to close the '(' from position 4, found 'c'",
    ],
    ['a = 1 b', 6, "Expected 'and', 'or' or end of input at position 6, found 'b'"],
    ['a = 1)', 5, "Expected 'and', 'or' or end of input at position 5, found ')'"],
    ['a = 1 & b = 2', 6, "Unexpected character '&' at position 6"],
    ['a = 1 and b == 2', 13, "Expected a value after '=' at position 13, found '='"],
    ['a ! 1', 2, "Unexpected character '!' at position 2"],
    ['a = - 1', 4, "Unexpected character '-' at position 4"],
    ['tags in []', 9, "Expected at least one value after '[' at position 9, found ']'"],
    ['tags in ["a",]', 13, "Expected a value after ',' at position 13, found ']'"],
    ['tags in ["a" "b"]', 13, `Expected ',' or ']' after "a" at position 13, found "b"`],
    ['tags in "a"', 8, `Expected '[' after 'in' at position 8, found "a"`],
    ['flag < true', 7, "Expected a number, string or date after '<' at position 7, found 'true'"],
    [
      'flag >= FALSE',
      8,
      "Expected a number, string or date after '>=' at position 8, found 'FALSE'",
    ],
    ['a contains 5', 11, "Expected a string after 'contains' at position 11, found 5"],
    [
      'a startsWith date("2020-01-01")',
      13,
      "Expected a string after 'startsWith' at position 13, found 'date'",
    ],
    ['a.contains(x)', 11, "Expected a string after '(' at position 11, found 'x'"],
    ['a.contains("x"', 14, 'Expected \')\' after "x" at position 14, found end of input'],
    [
      'a.matches("x")',
      2,
      "Expected exists, isNotNull, contains or startsWith at position 2, found 'matches'",
    ],
    ['a.exists(', 9, "Expected ')' after '(' at position 9, found end of input"],
    ['a.', 2, "Expected an attribute name after '.' at position 2, found end of input"],
    ['a.1 = 1', 2, "Expected an attribute name after '.' at position 2, found 1"],
    [
      'person.name',
      11,
      "Expected an operator (=, !=, <, <=, >, >=, in, contains, startsWith) after 'person.name' at position 11, found end of input",
    ],
    ['', 0, "Expected an attribute path, 'exists', 'not' or '(' at position 0, found end of input"],
    [
      'a = 1 and ',
      10,
      "Expected an attribute path, 'exists', 'not' or '(' after 'and' at position 10, found end of input",
    ],
    [
      'not',
      3,
      "Expected an attribute path, 'exists', 'not' or '(' after 'not' at position 3, found end of input",
    ],
    ['and = 1', 0, "Expected an attribute path, 'exists', 'not' or '(' at position 0, found 'and'"],
    ['exists (a)', 7, "Expected an attribute path after 'exists' at position 7, found '('"],
    ['5 = a', 0, "Expected an attribute path, 'exists', 'not' or '(' at position 0, found 5"],
    [
      'd < date("2024-02-30")',
      9,
      `Expected a date as YYYY-MM-DD or an ISO 8601 date-time at position 9, found "2024-02-30"`,
    ],
    [
      'd < date("yesterday")',
      9,
      `Expected a date as YYYY-MM-DD or an ISO 8601 date-time at position 9, found "yesterday"`,
    ],
    ['d < date(2024)', 9, "Expected a date string after '(' at position 9, found 2024"],
    ['d < date "2024-01-01"', 9, `Expected '(' after 'date' at position 9, found "2024-01-01"`],
    [
      'd < date("2024-01-01"',
      21,
      `Expected ')' after "2024-01-01" at position 21, found end of input`,
    ],
    ['a = "x\\q"', 6, "Expected an escape (\\\" \\' \\\\ \\n \\t) at position 6, found '\\q'"],
    ['a = "x\\', 6, 'Expected an escape (\\" \\\' \\\\ \\n \\t) at position 6, found end of input'],
    [
      `a = 1${'9'.repeat(400)}`,
      4,
      `Expected a number within range at position 4, found 1${'9'.repeat(400)}`,
    ],
  ])('%j fails at %i', (text, position, message) => {
    expect(tryParsePql(text)).toEqual({ ok: false, position, message })
  })

  it('throws PqlSyntaxError from parsePql and evaluatePql', () => {
    expect(() => parsePql('a =')).toThrow(PqlSyntaxError)
    expect(() => evaluatePql('a =', {})).toThrow("Expected a value after '=' at position 3")
    expect(() => parsePql('x in []')).toThrow(
      expect.objectContaining({ name: 'PqlSyntaxError', position: 6 }),
    )
  })

  it('reports the leftmost problem', () => {
    expect(tryParsePql('a = = #')).toMatchObject({ ok: false, position: 4 })
    expect(tryParsePql('a = 1 #')).toMatchObject({ ok: false, position: 6 })
    expect(tryParsePql('a.b #')).toMatchObject({ ok: false, position: 4 })
  })

  it('rejects nesting deeper than 200 as a syntax error', () => {
    expect(tryParsePql(`${'('.repeat(200)}a = 1${')'.repeat(200)}`).ok).toBe(true)
    expect(tryParsePql(`${'('.repeat(201)}a = 1${')'.repeat(201)}`)).toMatchObject({
      ok: false,
      position: 200,
    })
    expect(tryParsePql(`${'not '.repeat(100_000)}a = 1`)).toMatchObject({
      ok: false,
      position: 800,
    })
  })
})

describe('tryParsePql', () => {
  it('answers the tree when the text parses', () => {
    expect(tryParsePql('exists a')).toEqual({ ok: true, ast: { kind: 'exists', path: 'a' } })
  })
})

describe('compilePql', () => {
  it('refuses trees the parser would not produce', () => {
    expect(() => compilePql(compare('a', '<', { kind: 'boolean', value: true }))).toThrow(
      RangeError,
    )
    expect(() => compilePql(compare('a', '=', { kind: 'date', value: 'soon' }))).toThrow(RangeError)
    expect(() =>
      compilePql({ kind: 'in', path: 'a', values: [{ kind: 'date', value: '' }] }),
    ).toThrow(RangeError)
  })

  it('returns a reusable test', () => {
    const test = compilePql(parsePql('loyalty.points > 100'))
    const profiles = Array.from({ length: 1000 }, (_, points) => ({ loyalty: { points } }))
    expect(profiles.filter(test)).toHaveLength(899)
  })
})

describe('pqlPaths', () => {
  it('lists each path read, once, in order of appearance', () => {
    const ast = parsePql(
      'person.gender = "male" and (not exists mobilePhone.number or person.gender in ["x"]) and vehicles.contains("a") and a.b startsWith "c"',
    )
    expect(pqlPaths(ast)).toEqual(['person.gender', 'mobilePhone.number', 'vehicles', 'a.b'])
  })
})

describe('properties', () => {
  const reserved = new Set(['and', 'or', 'not', 'exists', 'in', 'contains', 'startswith'])
  const identifier = fc.oneof(
    fc.constantFrom('a', 'b', '_demo'),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/),
  )
  const path = fc
    .tuple(
      identifier.filter((segment) => !reserved.has(segment.toLowerCase())),
      fc.array(fc.oneof(identifier, fc.constantFrom('in', 'exists', 'Contains', 'not')), {
        maxLength: 3,
      }),
    )
    .map(([first, rest]) => [first, ...rest].join('.'))
  const stringValue = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('"', "'", '\\', '\n', '\t', '\\"'),
  )
  const date = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .chain((value) =>
      fc.constantFrom(
        value.toISOString(),
        value.toISOString().slice(0, 10),
        value.toISOString().slice(0, 19),
      ),
    )
  const literal: fc.Arbitrary<PqlLiteral> = fc.oneof(
    stringValue.map((value) => ({ kind: 'string' as const, value })),
    fc
      .integer({ min: -1e9, max: 1e9 })
      .map((value) => ({ kind: 'number' as const, value: value / 100 })),
    fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
    date.map((value) => ({ kind: 'date' as const, value })),
  )
  const operators = ['=', '!=', '<', '<=', '>', '>='] as const
  const predicate: fc.Arbitrary<PqlNode> = fc.oneof(
    path.map((p) => ({ kind: 'exists' as const, path: p })),
    fc
      .tuple(path, fc.constantFrom(...operators), literal)
      .filter(
        ([, operator, value]) => value.kind !== 'boolean' || operator === '=' || operator === '!=',
      )
      .map(([p, operator, value]) => compare(p, operator, value)),
    fc
      .tuple(path, fc.array(literal, { minLength: 1, maxLength: 4 }))
      .map(([p, values]) => ({ kind: 'in' as const, path: p, values })),
    fc
      .tuple(path, fc.constantFrom('contains' as const, 'startsWith' as const), stringValue)
      .map(([p, kind, value]) => ({ kind, path: p, value })),
  )
  const { node: ast } = fc.letrec<{ node: PqlNode }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'pql' },
      predicate,
      tie('node').map((operand) => ({ kind: 'not' as const, operand })),
      fc
        .tuple(
          fc.constantFrom('and' as const, 'or' as const),
          fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
        )
        .map(([kind, operands]) => ({ kind, operands })),
    ),
  }))

  it('parses printed trees back to the same tree', () => {
    fc.assert(
      fc.property(ast, (tree) => {
        expect(parsePql(printPql(tree))).toEqual(tree)
      }),
    )
  })

  it('throws nothing but PqlSyntaxError on mutated printed trees', () => {
    fc.assert(
      fc.property(
        ast,
        fc.nat(),
        fc.nat({ max: 4 }),
        fc.string({ maxLength: 3 }),
        (tree, at, cut, insert) => {
          const printed = printPql(tree)
          const start = at % (printed.length + 1)
          expect(OUTCOMES).toContain(
            parseOutcome(printed.slice(0, start) + insert + printed.slice(start + cut)),
          )
        },
      ),
    )
  })

  it('throws nothing but PqlSyntaxError on token soup', () => {
    const token = fc.constantFrom(
      'a',
      'b.c',
      '_demo.x',
      'AND',
      'or',
      'Not',
      'exists',
      'in',
      'contains',
      'startsWith',
      '.exists()',
      '.isNotNull()',
      '.contains(',
      '.startsWith(',
      '.',
      '=',
      '!=',
      '<',
      '<=',
      '>',
      '>=',
      '(',
      ')',
      '[',
      ']',
      ',',
      '"s"',
      "'q'",
      '"',
      "'",
      '\\',
      '1',
      '-2.5',
      '-',
      '1.',
      'true',
      'FALSE',
      'date(',
      'date("2020-01-01")',
      '"2020-01-01T10:00:00Z"',
      '#',
      '!',
      '==',
      '\n',
      'é',
      '😀',
    )
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 24 }),
        fc.constantFrom(' ', ''),
        (tokens, separator) => {
          expect(OUTCOMES).toContain(parseOutcome(tokens.join(separator)))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('throws nothing but PqlSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(OUTCOMES).toContain(parseOutcome(text))
      }),
    )
  })

  it('evaluates any tree on any attributes without throwing, with not as negation', () => {
    const key = fc.constantFrom('a', 'b', 'x', 'in', '_demo', 'constructor')
    const { value } = fc.letrec<{ value: XdmValue }>((tie) => ({
      value: fc.oneof(
        { maxDepth: 3 },
        fc.constantFrom('', 'x', '2020-01-01', '2020-01-01T10:00:00+02:00', null),
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 3 }),
      ),
    }))
    const attributes = fc.dictionary(key, value, { maxKeys: 4 })
    fc.assert(
      fc.property(ast, attributes, (tree, profile) => {
        const result = compilePql(tree)(profile)
        expect(compilePql({ kind: 'not', operand: tree })(profile)).toBe(!result)
      }),
    )
  })
})
