import { assert, property, record, string, uniqueArray } from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  appendQueryParameters,
  formatQueryParameters,
  parseQueryParameters,
  type QueryParameter,
} from './query'

function errorsOf(input: string) {
  const result = parseQueryParameters(input)
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(input)}`)
  return result.errors
}

function parametersOf(input: string) {
  const result = parseQueryParameters(input)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.parameters
}

describe('parseQueryParameters', () => {
  it('parses AEP’s format', () => {
    expect(parametersOf('parameter1=value&parameter2=value')).toEqual([
      { name: 'parameter1', value: 'value' },
      { name: 'parameter2', value: 'value' },
    ])
  })

  it('ignores a leading ?', () => {
    expect(parametersOf(' ?a=1')).toEqual([{ name: 'a', value: '1' }])
    expect(parametersOf('?')).toEqual([])
  })

  it('splits each entry at its first = and allows : in values', () => {
    expect(parametersOf('sig=a=b==&at=12:30')).toEqual([
      { name: 'sig', value: 'a=b==' },
      { name: 'at', value: '12:30' },
    ])
  })

  it('trims whitespace around entries, names and values', () => {
    expect(parametersOf('  a = 1 &\tb=two words  ')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'two words' },
    ])
  })

  it('allows an explicitly empty value', () => {
    expect(parametersOf('debug=&a=1')).toEqual([
      { name: 'debug', value: '' },
      { name: 'a', value: '1' },
    ])
  })

  it.each(['', '  '])('reads %j as no parameters', (input) => {
    expect(parseQueryParameters(input)).toEqual({ ok: true, parameters: [] })
  })

  it('reports an entry without =', () => {
    expect(errorsOf('a=1&flag')).toEqual([{ entry: 'flag', message: '`flag` has no value' }])
  })

  it.each(['=1', ' = 1', '+=1', '%20=1'])('reports %j as having no name', (input) => {
    expect(errorsOf(input)).toEqual([
      { entry: input.trim(), message: `\`${input.trim()}\` has no parameter name` },
    ])
  })

  it('decodes like URLSearchParams, + meaning a space', () => {
    expect(parametersOf('q=a+b%2Bc&list=x%26y%3Dz&name%20x=%C3%A9')).toEqual([
      { name: 'q', value: 'a b+c' },
      { name: 'list', value: 'x&y=z' },
      { name: 'name x', value: 'é' },
    ])
  })

  it.each([
    ['discount=50%', 'discount'],
    ['q=%zz', 'q'],
    ['q=%E2%82', 'q'],
    ['a%zz=1', 'a%zz'],
  ])('reports the malformed escape in %j', (input, name) => {
    expect(errorsOf(input)).toEqual([
      {
        entry: input,
        message: `\`${name}\` has a malformed percent escape: write a literal % as %25`,
      },
    ])
  })

  it('rejects duplicate names, which are case-sensitive', () => {
    expect(errorsOf('id=1&id=2&id=3')).toEqual([
      { entry: 'id=2', message: '`id` appears more than once' },
    ])
    expect(errorsOf('a%20b=1&a+b=2')).toHaveLength(1)
    expect(parametersOf('id=1&ID=2')).toHaveLength(2)
  })

  it('ignores a trailing & and rejects an empty entry in the middle', () => {
    expect(parametersOf('a=1&')).toEqual([{ name: 'a', value: '1' }])
    expect(errorsOf('a=1&&b=2')).toEqual([
      { entry: '', message: 'Entry 2 is empty: remove the extra &' },
    ])
  })

  it('collects every error', () => {
    expect(errorsOf('flag&=x&&q=%&a=1&a=2').map((e) => e.entry)).toEqual([
      'flag',
      '=x',
      '',
      'q=%',
      'a=2',
    ])
  })
})

describe('formatQueryParameters', () => {
  it('form-encodes names and values', () => {
    expect(
      formatQueryParameters([
        { name: 'q', value: 'a b&c=d' },
        { name: 'at', value: '12:30' },
        { name: 'empty', value: '' },
      ]),
    ).toBe('q=a+b%26c%3Dd&at=12%3A30&empty=')
  })

  const text = string({ unit: 'binary', maxLength: 20 })
  const parameterList = uniqueArray(
    record({ name: text.filter((n) => n.trim() !== ''), value: text }),
    { maxLength: 8, selector: (parameter: QueryParameter) => parameter.name },
  )

  it('is undone by parseQueryParameters for any valid parameters', () => {
    assert(
      property(parameterList, (parameters) => {
        expect(parseQueryParameters(formatQueryParameters(parameters))).toEqual({
          ok: true,
          parameters,
        })
      }),
    )
  })
})

describe('appendQueryParameters', () => {
  it('appends encoded parameters to an endpoint without a query', () => {
    expect(
      appendQueryParameters('https://webhook.example/profiles', [
        { name: 'tenant', value: 'acme corp' },
        { name: 'sig', value: 'a&b=c#d' },
      ]),
    ).toBe('https://webhook.example/profiles?tenant=acme+corp&sig=a%26b%3Dc%23d')
  })

  it('keeps the endpoint’s own query as written', () => {
    expect(
      appendQueryParameters('https://webhook.example/in?src=aep%20x&flag', [
        { name: 'q', value: 'é' },
      ]),
    ).toBe('https://webhook.example/in?src=aep%20x&flag&q=%C3%A9')
  })

  it('does not double the separator', () => {
    expect(appendQueryParameters('https://webhook.example/in?', [{ name: 'a', value: '1' }])).toBe(
      'https://webhook.example/in?a=1',
    )
    expect(
      appendQueryParameters('https://webhook.example/in?x=1&', [{ name: 'a', value: '1' }]),
    ).toBe('https://webhook.example/in?x=1&a=1')
  })

  it('returns the normalized endpoint when there is nothing to append', () => {
    expect(appendQueryParameters('https://Webhook.example', [])).toBe('https://webhook.example/')
  })

  it('round-trips through URLSearchParams', () => {
    const parameters = [
      { name: 'a b', value: '1+1=2' },
      { name: 'emoji', value: '😀' },
    ]
    const url = new URL(appendQueryParameters('https://webhook.example/in?own=1', parameters))
    expect([...url.searchParams]).toEqual([
      ['own', '1'],
      ['a b', '1+1=2'],
      ['emoji', '😀'],
    ])
  })
})
