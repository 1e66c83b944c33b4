import { assert, constantFrom, property, record, string, uniqueArray } from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkHeadersAgainstAuth,
  formatHeaders,
  type Header,
  parseHeaders,
  headerClashes,
} from './headers'

function errorsOf(input: string) {
  const result = parseHeaders(input)
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(input)}`)
  return result.errors
}

function headersOf(input: string) {
  const result = parseHeaders(input)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.headers
}

describe('parseHeaders', () => {
  it('parses AEP’s format', () => {
    expect(headersOf('x-team:growth,x-env:prod')).toEqual([
      { name: 'x-team', value: 'growth' },
      { name: 'x-env', value: 'prod' },
    ])
  })

  it('splits each entry at its first colon and allows = in values', () => {
    expect(headersOf('x-time:12:30,x-sig:a=b==,x-url:https://a.example/?q=1')).toEqual([
      { name: 'x-time', value: '12:30' },
      { name: 'x-sig', value: 'a=b==' },
      { name: 'x-url', value: 'https://a.example/?q=1' },
    ])
  })

  it('trims whitespace around entries, names and values', () => {
    expect(headersOf('  x-a : one two ,\tx-b:2  ')).toEqual([
      { name: 'x-a', value: 'one two' },
      { name: 'x-b', value: '2' },
    ])
  })

  it.each(['', '   ', '\n\t'])('reads %j as no headers', (input) => {
    expect(parseHeaders(input)).toEqual({ ok: true, headers: [] })
  })

  it('ignores a trailing comma', () => {
    expect(headersOf('x-a:1,')).toEqual([{ name: 'x-a', value: '1' }])
    expect(headersOf('x-a:1 , , ')).toEqual([{ name: 'x-a', value: '1' }])
  })

  it('rejects an empty entry in the middle or at the start', () => {
    expect(errorsOf('a:1,,b:2')).toEqual([
      { entry: '', message: 'Entry 2 is empty: remove the extra comma' },
    ])
    expect(errorsOf(',a:1')).toEqual([
      { entry: '', message: 'Entry 1 is empty: remove the extra comma' },
    ])
  })

  it.each(['x-team', 'x-team:', 'x-team:   ', 'x-team:%20'])(
    'reports %j as having no value',
    (input) => {
      expect(errorsOf(input)).toEqual([{ entry: input.trim(), message: '`x-team` has no value' }])
    },
  )

  it('reports an entry without a name', () => {
    expect(errorsOf(':growth')).toEqual([
      { entry: ':growth', message: '`:growth` has no header name' },
    ])
  })

  it.each(['x team:1', 'x(y):1', 'x/y:1', 'é:1', 'x"y:1'])('rejects the name in %j', (input) => {
    const [error] = errorsOf(input)
    expect(error?.message).toMatch(/is not a valid header name/)
  })

  it('accepts every RFC 9110 token character in names', () => {
    expect(headersOf("x!#$%&'*+-.^_`|~09AZaz:1")).toEqual([
      { name: "x!#$%&'*+-.^_`|~09AZaz", value: '1' },
    ])
  })

  it('compares names case-insensitively for duplicates', () => {
    expect(errorsOf('x-team:a,X-Team:b')).toEqual([
      { entry: 'X-Team:b', message: '`X-Team` appears more than once' },
    ])
  })

  it('reports a name repeated many times once', () => {
    expect(errorsOf('a:1,A:2,a:3')).toHaveLength(1)
  })

  it.each([
    'Accept-Charset',
    'Accept-Encoding',
    'Access-Control-Request-Headers',
    'Access-Control-Request-Method',
    'Connection',
    'Content-Length',
    'Cookie',
    'Cookie2',
    'Date',
    'DNT',
    'Expect',
    'Host',
    'Keep-Alive',
    'Origin',
    'Referer',
    'Set-Cookie',
    'TE',
    'Trailer',
    'Transfer-Encoding',
    'Upgrade',
    'Via',
  ])('rejects the forbidden request header %s, in any case', (name) => {
    for (const spelling of [name, name.toLowerCase(), name.toUpperCase()]) {
      expect(errorsOf(`${spelling}:x`)).toEqual([
        {
          entry: `${spelling}:x`,
          message: `\`${spelling}\` cannot be set: it is a forbidden request header that browsers and HTTP clients set themselves`,
        },
      ])
    }
  })

  it.each([
    ['Proxy-Authorization', 'Proxy-'],
    ['proxy-x', 'proxy-'],
    ['Sec-Fetch-Mode', 'Sec-'],
    ['SEC-CH-UA', 'SEC-'],
  ])('rejects %s by its prefix', (name, prefix) => {
    expect(errorsOf(`${name}:1`)[0]?.message).toBe(
      `\`${name}\` cannot be set: header names starting with ${prefix} are reserved for browsers and HTTP clients`,
    )
  })

  it('accepts names that only contain a forbidden word', () => {
    expect(headersOf('x-host:a,Hosts:b,x-sec-token:c')).toHaveLength(3)
  })

  it('reserves Content-Type for the JSON export', () => {
    expect(errorsOf('content-type:text/plain')).toEqual([
      {
        entry: 'content-type:text/plain',
        message: '`content-type` cannot be set: the export is always sent as application/json',
      },
    ])
  })

  it('rejects overriding the method to CONNECT, TRACE or TRACK', () => {
    expect(errorsOf('X-HTTP-Method-Override:trace')[0]?.message).toMatch(/cannot be set to trace/)
    expect(errorsOf('X-Method-Override:GET%2C TRACK')).toHaveLength(1)
    expect(headersOf('X-HTTP-Method:PATCH')).toEqual([{ name: 'X-HTTP-Method', value: 'PATCH' }])
  })

  it('percent-decodes values', () => {
    expect(headersOf('x-list:a%2Cb,x-pct:100%25,x-sp:a%20b%3Ac')).toEqual([
      { name: 'x-list', value: 'a,b' },
      { name: 'x-pct', value: '100%' },
      { name: 'x-sp', value: 'a b:c' },
    ])
  })

  it.each(['x-pct:50%', 'x-pct:%zz', 'x-pct:%FF', 'x-pct:%E2%82'])(
    'rejects the malformed escape in %j',
    (input) => {
      expect(errorsOf(input)).toEqual([
        {
          entry: input,
          message: '`x-pct` has a malformed percent escape in its value: write a literal % as %25',
        },
      ])
    },
  )

  it.each(['x-a:é', 'x-a:%C3%A9', 'x-a:a%0D%0AHost: evil', 'x-a:a%00b', 'x-a:😀'])(
    'rejects characters a header value cannot carry in %j',
    (input) => {
      expect(errorsOf(input)[0]?.message).toBe(
        '`x-a` has a value with a character HTTP headers cannot carry: use printable ASCII characters',
      )
    },
  )

  it('collects every error', () => {
    expect(errorsOf('x-a,x b:1,,Host:h,ok:1,OK:2').map((e) => e.entry)).toEqual([
      'x-a',
      'x b:1',
      '',
      'Host:h',
      'OK:2',
    ])
  })
})

describe('formatHeaders', () => {
  it('writes AEP’s format and encodes % and , in values', () => {
    expect(
      formatHeaders([
        { name: 'x-list', value: 'a,b' },
        { name: 'x-pct', value: '100%' },
        { name: 'x-time', value: '12:30' },
      ]),
    ).toBe('x-list:a%2Cb,x-pct:100%25,x-time:12:30')
  })

  it('writes nothing for no headers', () => {
    expect(formatHeaders([])).toBe('')
  })

  const tchar = constantFrom(
    ..."!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split(''),
  )
  const valueChar = constantFrom(
    '\t',
    ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  )
  const headerName = string({ unit: tchar, minLength: 1, maxLength: 20 }).filter(
    (n) => parseHeaders(`${n}:x`).ok,
  )
  const headerValue = string({ unit: valueChar, minLength: 1, maxLength: 40 }).filter(
    (v) => v.trim() === v && v !== '',
  )
  const headerList = uniqueArray(record({ name: headerName, value: headerValue }), {
    maxLength: 8,
    selector: (header: Header) => header.name.toLowerCase(),
  })

  it('is undone by parseHeaders for any valid headers', () => {
    assert(
      property(headerList, (headers) => {
        expect(parseHeaders(formatHeaders(headers))).toEqual({ ok: true, headers })
      }),
    )
  })
})

describe('checkHeadersAgainstAuth', () => {
  const headers = [
    { name: 'x-team', value: 'growth' },
    { name: 'authorization', value: 'Basic abc' },
  ]

  it('lets None accounts send their own Authorization header', () => {
    expect(checkHeadersAgainstAuth(headers, 'NONE')).toEqual([])
  })

  it('rejects Authorization when the authentication sets it', () => {
    expect(checkHeadersAgainstAuth(headers, 'BEARER')).toEqual([
      {
        entry: 'authorization',
        message:
          '`authorization` cannot be set: the Bearer token authentication of this account sets it',
      },
    ])
    expect(checkHeadersAgainstAuth(headers, 'OAUTH2_PASSWORD')[0]?.message).toMatch(
      /OAuth 2 Password/,
    )
    expect(checkHeadersAgainstAuth(headers, 'OAUTH2_CLIENT_CREDENTIALS')).toHaveLength(1)
  })

  it('accepts other headers for every authentication', () => {
    expect(checkHeadersAgainstAuth([{ name: 'x-team', value: 'a' }], 'BEARER')).toEqual([])
  })
})

describe('headerClashes', () => {
  it('applies the clash rule to a Headers field value and an auth type', () => {
    expect(headerClashes('x-team:growth,authorization:Basic abc', 'BEARER')).toEqual([
      {
        entry: 'authorization',
        message:
          '`authorization` cannot be set: the Bearer token authentication of this account sets it',
      },
    ])
    expect(headerClashes('Authorization:Basic abc', 'NONE')).toEqual([])
  })

  it('finds none while the headers or the auth type cannot be read yet', () => {
    expect(headerClashes('Authorization', 'BEARER')).toEqual([])
    expect(headerClashes(undefined, 'BEARER')).toEqual([])
    expect(headerClashes('Authorization:Basic abc', undefined)).toEqual([])
    expect(headerClashes('Authorization:Basic abc', 'KINESIS')).toEqual([])
  })
})
