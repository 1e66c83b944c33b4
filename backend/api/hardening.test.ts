import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../contracts/limits'
import { call, FS, startTestBackend } from '../testing/api'
import { bearerConnection, createHttpDataflow, httpTarget } from '../testing/fixtures'

startTestBackend()

interface Problem {
  type: string
  status: number
  errorDetails?: { path: string; message: string }[]
}

/** JSON text of `depth` objects nested in one another, built as text (no recursion). */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`

describe('body limits', () => {
  it('refuses a body nested past the depth limit with 400, and keeps nothing', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      rawBody: JSON.stringify(bearerConnection({ description: '@' })).replace('"@"', nested(5000)),
    })
    expect(res.status).toBe(400)
    expect(res.body.type).toContain('FLOW-1407-400')
    const list = await call('GET', `${FS}/connections`)
    expect(list.status).toBe(200)
  })

  it('accepts nesting up to the limit as far as depth goes', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      rawBody: JSON.stringify(bearerConnection({ description: '@' })).replace(
        '"@"',
        nested(LIMITS.jsonDepth - 1),
      ),
    })
    expect(res.body.type ?? '').not.toContain('FLOW-1407')
  })

  it('refuses a deeply nested JSON Patch value with 400', async () => {
    const { flow } = await createHttpDataflow()
    const res = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      rawBody: `[{"op":"replace","path":"/name","value":${nested(5000)}}]`,
      headers: { 'if-match': flow.etag },
    })
    expect(res.status).toBe(400)
  })

  it('refuses a body past the size limit with 413 in the problem shape', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      body: bearerConnection({ description: 'x'.repeat(LIMITS.bodyBytes) }),
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.type).toContain('FLOW-1408-413')
  })
})

describe('JSON Patch paths that can never apply', () => {
  it.each([
    [{ op: 'add', path: '/__proto__/polluted', value: 1 }],
    [{ op: 'add', path: '/transformations/constructor/prototype/x', value: 1 }],
    [{ op: 'replace', path: '/name/constructor', value: 'x' }],
    [{ op: 'add', path: '/transformations/0/__proto__/polluted', value: 1 }],
    [{ op: 'add', path: '/transformations/0/constructor/prototype/polluted', value: 1 }],
    [{ op: 'copy', from: '/__proto__', path: '/name' }],
    [{ op: 'move', from: '/transformations', path: '/transformations/0/x' }],
  ])('answers 400 FLOW-1405 for %j', async (operation) => {
    const { flow } = await createHttpDataflow()
    const res = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      body: [operation],
      headers: { 'if-match': flow.etag },
    })
    expect(res.status).toBe(400)
    expect(res.body.type).toContain('FLOW-1405-400')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('answers 400 on an account for a __proto__ path', async () => {
    const created = await call<{ id: string; etag: string }>('POST', `${FS}/connections`, {
      body: bearerConnection(),
    })
    const res = await call<Problem>('PATCH', `${FS}/connections/${created.body.id}`, {
      body: [{ op: 'add', path: '/auth/params/__proto__/polluted', value: 1 }],
      headers: { 'if-match': created.body.etag },
    })
    expect(res.status).toBe(400)
    expect(res.body.type).toContain('FLOW-1405-400')
  })

  it.each([
    [{ op: 'add', path: '/attributes/__proto__/polluted', value: 1 }],
    [{ op: 'add', path: '/attributes/constructor/prototype/polluted', value: 1 }],
    [{ op: 'move', from: '/attributes/person', path: '/attributes/person/name' }],
  ])('answers 400 on a profile for %j', async (operation) => {
    const list = await call<{ profiles: { id: string }[] }>(
      'GET',
      '/data/core/ups/profiles?limit=1',
    )
    const res = await call<Problem>(
      'PATCH',
      `/data/core/ups/profiles/${list.body.profiles[0].id}`,
      {
        body: [operation],
      },
    )
    expect(res.status).toBe(400)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('values that were stored as typed', () => {
  it.each([
    'https://hooks.example/a\r\nX-Injected: 1',
    'https://hooks.example/\nb',
    'https://hooks.example/\tb',
  ])('refuses the HTTP endpoint %j with 400 on params.httpEndpoint', async (httpEndpoint) => {
    const base = await call<{ id: string }>('POST', `${FS}/connections`, {
      body: bearerConnection(),
    })
    const res = await call<Problem>('POST', `${FS}/targetConnections`, {
      body: httpTarget(base.body.id, { httpEndpoint }),
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path)).toContain('params.httpEndpoint')
  })

  it('refuses a profile selector path that is no field of the union schema', async () => {
    const { flow } = await createHttpDataflow()
    const res = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      body: [
        {
          op: 'add',
          path: '/transformations/0/params/profileSelectors/selectors/-',
          value: { type: 'JSON_PATH', value: { path: 'person.noSuchField', operator: 'EXISTS' } },
        },
      ],
      headers: { 'if-match': flow.etag },
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path)).toContain(
      'transformations.0.params.profileSelectors.selectors.0.value.path',
    )
  })

  it.each(['limit=-10', 'limit=abc', 'limit=0', 'limit=101', 'limit=1.5', 'start=-1', 'start=x'])(
    'answers 400 FLOW-1406 for segment definitions ?%s',
    async (query) => {
      const res = await call<Problem>('GET', `/data/core/ups/segment/definitions?${query}`)
      expect(res.status).toBe(400)
      expect(res.body.type).toContain('FLOW-1406-400')
    },
  )

  it('pages segment definitions with start and limit', async () => {
    const all = await call<{ segments: { id: string }[] }>(
      'GET',
      '/data/core/ups/segment/definitions',
    )
    const page = await call<{ segments: { id: string }[]; page: { totalPages: number } }>(
      'GET',
      '/data/core/ups/segment/definitions?start=1&limit=2',
    )
    expect(page.body.segments.map((s) => s.id)).toEqual(
      all.body.segments.slice(1, 3).map((s) => s.id),
    )
    expect(page.body.page.totalPages).toBe(Math.ceil(all.body.segments.length / 2))
  })

  it.each(['name,id', '-', 'name desc', '--name', 'a..b'])(
    'answers 400 FLOW-1406 for orderby=%s',
    async (orderby) => {
      const res = await call<Problem>('GET', `${FS}/flows?orderby=${encodeURIComponent(orderby)}`)
      expect(res.status).toBe(400)
      expect(res.body.type).toContain('FLOW-1406-400')
    },
  )
})

/** A text one character past `limit`. */
const over = (limit: number) => 'a'.repeat(limit + 1)

describe('field limits', () => {
  it('refuses a token past the limit with 400 naming auth.params.token', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      body: bearerConnection({
        auth: { specName: 'Bearer token', params: { token: over(LIMITS.secret) } },
      }),
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path)).toContain('auth.params.token')
  })

  it.each([
    ['httpEndpoint', `https://hooks.example/${over(LIMITS.url)}`],
    ['headers', `x-a:${over(LIMITS.headers)}`],
    ['queryParameters', `a=${over(LIMITS.queryParameters)}`],
  ])('refuses params.%s past the limit with 400 naming it', async (field, value) => {
    const base = await call<{ id: string }>('POST', `${FS}/connections`, {
      body: bearerConnection(),
    })
    const res = await call<Problem>('POST', `${FS}/targetConnections`, {
      body: httpTarget(base.body.id, { [field]: value }),
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path)).toContain(`params.${field}`)
  })

  it.each([
    ['/marketingActions', [over(LIMITS.label)], 'marketingActions.0'],
    ['/alerts', Array.from({ length: LIMITS.listItems + 1 }, (_, i) => `a${i}`), 'alerts'],
    ['/name', over(LIMITS.name), 'name'],
  ])('refuses a flow %s past the limit with 400 naming it', async (path, value, named) => {
    const { flow } = await createHttpDataflow()
    const res = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      body: [{ op: 'replace', path, value }],
      headers: { 'if-match': flow.etag },
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path)).toContain(named)
  })

  it('refuses PQL past the limit with 400 naming expression.value', async () => {
    const res = await call<Problem>('POST', '/data/core/ups/segment/definitions', {
      body: {
        name: 'Long PQL',
        expression: { type: 'PQL', format: 'pql/text', value: over(LIMITS.pql) },
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path)).toContain('expression.value')
  })
})
