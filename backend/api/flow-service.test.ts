import { describe, expect, it } from 'vitest'
import { SPEC_IDS } from '../../contracts/connection-spec'
import { call, FS, startTestBackend } from '../testing/api'
import { bearerConnection, createHttpDataflow, httpTarget } from '../testing/fixtures'

startTestBackend()

interface Problem {
  type: string
  title: string
  status: number
  report: { 'detailed-message': string; 'request-id': string }
  errorDetails?: { path: string; message: string }[]
}
interface Created {
  id: string
  etag: string
}
type Items<T = Record<string, unknown>> = { items: T[]; _links?: { next: { href: string } } }

const segmentsPath = '/transformations/0/params/segmentSelectors/selectors'
const profilesPath = '/transformations/0/params/profileSelectors/selectors'

async function firstAudienceIds(count: number): Promise<string[]> {
  const { body } = await call<{ segments: { id: string }[] }>(
    'GET',
    '/data/core/ups/segment/definitions',
  )
  return body.segments.slice(0, count).map((s) => s.id)
}

describe('errors in the Flow Service problem shape', () => {
  it('answers 400 FLOW-2105 without x-sandbox-name', async () => {
    const res = await call<Problem>('GET', `${FS}/connections`, { sandbox: null })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body).toMatchObject({
      type: 'https://ns.adobe.com/aep/errors/FLOW-2105-400',
      status: 400,
      report: { 'detailed-message': expect.stringContaining('x-sandbox-name') },
    })
    expect(res.body.report['request-id']).toMatch(/[0-9a-f-]{36}/)
  })

  it('answers 404 for an unknown sandbox', async () => {
    const res = await call<Problem>('GET', `${FS}/connections`, { sandbox: 'staging' })
    expect(res.status).toBe(404)
  })

  it.each([
    'connections',
    'targetConnections',
    'sourceConnections',
    'flows',
    'connectionSpecs',
    'flowSpecs',
  ])('answers 404 FLOW-1439 for an unknown %s id', async (resource) => {
    const res = await call<Problem>('GET', `${FS}/${resource}/00000000-0000-0000-0000-000000000000`)
    expect(res.status).toBe(404)
    expect(res.body.type).toBe('https://ns.adobe.com/aep/errors/FLOW-1439-404')
    expect(res.body.title).toBe('Resource not found')
  })

  it('answers 400 naming each bad field of an invalid body', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      body: { description: 42, connectionSpec: {} },
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path).sort()).toEqual([
      'connectionSpec.id',
      'description',
      'name',
    ])
  })

  it('validates auth params against the destination auth spec, with their paths', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      body: bearerConnection({
        auth: {
          specName: 'OAuth 2 Client Credentials',
          params: { accessTokenUrl: 'ftp://token', clientId: 'id' },
        },
      }),
    })
    expect(res.status).toBe(400)
    const paths = res.body.errorDetails?.map((e) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'auth.params.accessTokenUrl',
        'auth.params.clientSecret',
        'auth.params.clientCredentialsType',
      ]),
    )
  })

  it('rejects an auth spec name the destination does not have', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      body: bearerConnection({ auth: { specName: 'Kerberos', params: {} } }),
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.[0]?.path).toBe('auth.specName')
  })

  it('answers 400 FLOW-1413 for an unknown connection spec', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      body: bearerConnection({ connectionSpec: { id: 'not-a-spec', version: '1.0' } }),
    })
    expect(res.status).toBe(400)
    expect(res.body.type).toBe('https://ns.adobe.com/aep/errors/FLOW-1413-400')
  })

  it('answers 400 for malformed JSON', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, { rawBody: '{"name": ' })
    expect(res.status).toBe(400)
    expect(res.body.title).toBe('Malformed JSON')
  })

  it('answers 400 for a body that is not declared as JSON', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      rawBody: JSON.stringify(bearerConnection()),
      headers: { 'content-type': 'text/plain' },
    })
    expect(res.status).toBe(400)
    expect(res.body.report['detailed-message']).toBe('A valid content-type must be specified.')
  })

  it('answers 400 FLOW-1403 without If-Match and 412 FLOW-1404 with a stale etag', async () => {
    const { flow } = await createHttpDataflow()
    const patch = [{ op: 'replace', path: '/name', value: 'Renamed' }]
    const missing = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, { body: patch })
    expect(missing.status).toBe(400)
    expect(missing.body.type).toBe('https://ns.adobe.com/aep/errors/FLOW-1403-400')

    const first = await call<Created>('PATCH', `${FS}/flows/${flow.id}`, {
      body: patch,
      headers: { 'if-match': flow.etag },
    })
    expect(first.status).toBe(200)
    const stale = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      body: patch,
      headers: { 'if-match': flow.etag },
    })
    expect(stale.status).toBe(412)
    expect(stale.body).toMatchObject({
      type: 'https://ns.adobe.com/aep/errors/FLOW-1404-412',
      title: 'Version not matching',
    })
  })

  it('refuses to delete an account that a dataflow uses', async () => {
    const { base } = await createHttpDataflow()
    const res = await call<Problem>('DELETE', `${FS}/connections/${base.id}`)
    expect(res.status).toBe(400)
    expect(res.body.type).toBe('https://ns.adobe.com/aep/errors/FLOW-1418-400')
    expect((await call('GET', `${FS}/connections/${base.id}`)).status).toBe(200)
  })
})

describe('connections', () => {
  it('creates with 201, an id and a quoted etag', async () => {
    const res = await call<Created>('POST', `${FS}/connections`, { body: bearerConnection() })
    expect(res.status).toBe(201)
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.body.etag).toMatch(/^".+"$/)
  })

  it.each([
    ['Bearer token', { token: 'bearer-secret-123456' }, ['token']],
    [
      'OAuth 2 Password',
      {
        accessTokenUrl: 'https://auth.example/oauth/token',
        clientId: 'demo-client',
        clientSecret: 'demo-secret',
        username: 'demo-user',
        password: 'demo-password',
      },
      ['clientSecret', 'password'],
    ],
    [
      'OAuth 2 Client Credentials',
      {
        accessTokenUrl: 'https://auth.example/oauth/token',
        clientId: 'demo-client',
        clientSecret: 'demo-secret',
        clientCredentialsType: 'BASIC_AUTHORIZATION',
      },
      ['clientSecret'],
    ],
  ])('never returns %s secrets in clear', async (specName, params, secrets) => {
    const created = await call<Created>('POST', `${FS}/connections`, {
      body: bearerConnection({ auth: { specName, params } }),
    })
    expect(created.status).toBe(201)
    const one = await call<Items>('GET', `${FS}/connections/${created.body.id}`)
    const all = await call<Items>('GET', `${FS}/connections`)
    for (const item of [one.body.items[0], all.body.items[0]]) {
      const shown = (item.auth as { params: Record<string, unknown> }).params
      for (const key of secrets) expect(shown[key]).toBe('********')
      const text = JSON.stringify(item)
      for (const key of secrets) expect(text).not.toContain((params as Record<string, string>)[key])
    }
  })

  it('keeps a secret when a PATCH sends the mask back, and changes the etag', async () => {
    const created = await call<Created>('POST', `${FS}/connections`, { body: bearerConnection() })
    const res = await call<Created>('PATCH', `${FS}/connections/${created.body.id}`, {
      body: [
        { op: 'replace', path: '/name', value: 'Renamed account' },
        { op: 'replace', path: '/auth/params/token', value: '********' },
      ],
      headers: { 'if-match': created.body.etag },
    })
    expect(res.status).toBe(200)
    expect(res.body.etag).not.toBe(created.body.etag)
    const item = (await call<Items>('GET', `${FS}/connections/${created.body.id}`)).body.items[0]
    expect(item?.name).toBe('Renamed account')
  })
})

describe('flows and JSON Patch', () => {
  it('applies add, replace and remove on /transformations/0/... paths', async () => {
    const { flow } = await createHttpDataflow()
    const [a, b] = await firstAudienceIds(2)
    const added = await call<Created>('PATCH', `${FS}/flows/${flow.id}`, {
      headers: { 'if-match': flow.etag },
      body: [
        {
          op: 'add',
          path: `${segmentsPath}/-`,
          value: { type: 'PLATFORM_SEGMENT', value: { id: a } },
        },
        {
          op: 'add',
          path: `${segmentsPath}/-`,
          value: { type: 'PLATFORM_SEGMENT', value: { id: b } },
        },
        {
          op: 'add',
          path: `${profilesPath}/-`,
          value: {
            type: 'JSON_PATH',
            value: { path: 'personalEmail.address', operator: 'EXISTS' },
          },
        },
      ],
    })
    expect(added.status).toBe(200)
    const replaced = await call<Created>('PATCH', `${FS}/flows/${flow.id}`, {
      headers: { 'if-match': added.body.etag },
      body: [
        {
          op: 'replace',
          path: `${profilesPath}/0/value/path`,
          value: 'person.name.firstName',
        },
        { op: 'remove', path: `${segmentsPath}/0` },
      ],
    })
    expect(replaced.status).toBe(200)
    expect(new Set([flow.etag, added.body.etag, replaced.body.etag]).size).toBe(3)

    const got = await call<
      Items<{
        transformations: {
          params: Record<string, { selectors: { value: Record<string, unknown> }[] }>
        }[]
        etag: string
      }>
    >('GET', `${FS}/flows/${flow.id}`)
    const item = got.body.items[0]
    expect(item.etag).toBe(replaced.body.etag)
    const params = item.transformations[0].params
    expect(params.segmentSelectors.selectors.map((s) => s.value.id)).toEqual([b])
    expect(params.segmentSelectors.selectors[0].value).toMatchObject({
      mappingCreatedAt: expect.any(Number),
      mappingUpdatedAt: expect.any(Number),
      name: expect.any(String),
    })
    expect(params.profileSelectors.selectors[0].value).toEqual({
      path: 'person.name.firstName',
      operator: 'EXISTS',
    })
  })

  it('rejects patches that break the flow, naming the operation or field', async () => {
    const { flow } = await createHttpDataflow()
    const headers = { 'if-match': flow.etag }
    const unresolvable = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      headers,
      body: [{ op: 'remove', path: `${segmentsPath}/3` }],
    })
    expect(unresolvable.status).toBe(400)
    expect(unresolvable.body.report['detailed-message']).toContain('Operation 0')

    const readOnly = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      headers,
      body: [{ op: 'replace', path: '/flowSpec/id', value: 'x' }],
    })
    expect(readOnly.status).toBe(400)
    expect(readOnly.body.report['detailed-message']).toContain('read-only')

    const unknownAudience = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      headers,
      body: [
        {
          op: 'add',
          path: `${segmentsPath}/-`,
          value: { type: 'PLATFORM_SEGMENT', value: { id: 'no-such-audience' } },
        },
      ],
    })
    expect(unknownAudience.status).toBe(400)
    expect(unknownAudience.body.errorDetails?.[0]?.path).toBe(
      'transformations.0.params.segmentSelectors.selectors.0.value.id',
    )

    const identity = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      headers,
      body: [
        {
          op: 'add',
          path: `${profilesPath}/-`,
          value: { type: 'JSON_PATH', value: { path: 'identityMap.ecid', operator: 'EXISTS' } },
        },
      ],
    })
    expect(identity.status).toBe(400)
    const unchanged = await call<Items<{ etag: string }>>('GET', `${FS}/flows/${flow.id}`)
    expect(unchanged.body.items[0]?.etag).toBe(flow.etag)
  })

  it('returns the documented flow shape with inherited attributes', async () => {
    const { flow, target } = await createHttpDataflow()
    const got = await call<Items>('GET', `${FS}/flows/${flow.id}`)
    expect(got.body.items[0]).toMatchObject({
      id: flow.id,
      state: 'enabled',
      flowSpec: { id: '71471eba-b620-49e4-90fd-23f1fa0174d8', version: '1.0' },
      targetConnectionIds: [target.id],
      inheritedAttributes: { properties: { isDestinationFlow: true } },
      runs: `/runs?property=flowId==${flow.id}`,
      transformations: [
        {
          name: 'GeneralTransform',
          params: { profileSelectors: { selectors: [] }, segmentSelectors: { selectors: [] } },
        },
      ],
    })
  })

  it('refuses a custom Authorization header when the account authenticates already', async () => {
    const bearer = await call<Created>('POST', `${FS}/connections`, { body: bearerConnection() })
    const refused = await call<Problem>('POST', `${FS}/targetConnections`, {
      body: httpTarget(bearer.body.id, { headers: 'Authorization:Bearer abc' }),
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errorDetails).toEqual([
      expect.objectContaining({
        path: 'params.headers',
        message: expect.stringContaining('Bearer token'),
      }),
    ])
    const none = await call<Created>('POST', `${FS}/connections`, {
      body: bearerConnection({ auth: { specName: 'None', params: {} } }),
    })
    const allowed = await call('POST', `${FS}/targetConnections`, {
      body: httpTarget(none.body.id, { headers: 'Authorization:Bearer abc' }),
    })
    expect(allowed.status).toBe(201)
  })

  it('validates destination details on target connections', async () => {
    const base = await call<Created>('POST', `${FS}/connections`, { body: bearerConnection() })
    const res = await call<Problem>('POST', `${FS}/targetConnections`, {
      body: httpTarget(base.body.id, { httpEndpoint: 'not a url', headers: 'x-team' }),
    })
    expect(res.status).toBe(400)
    const paths = res.body.errorDetails?.map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['params.httpEndpoint', 'params.headers']))
    expect(res.body.report['detailed-message']).toContain('`x-team` has no value')
  })
})

describe('lists', () => {
  it('filters with property=, orders, limits and pages with continuationToken', async () => {
    for (const name of ['Charlie', 'Alpha', 'Bravo']) {
      await call('POST', `${FS}/connections`, { body: bearerConnection({ name }) })
    }
    await call('POST', `${FS}/connections`, {
      body: {
        name: 'Kinesis account',
        connectionSpec: { id: SPEC_IDS.kinesis, version: '1.0' },
        auth: {
          specName: 'Aws Kinesis authentication credentials',
          params: {
            accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
            secretKey: 'wJalrXUtnFEMI/K7MDENG',
            region: 'us-east-1',
          },
        },
      },
    })
    const filter = encodeURIComponent(`connectionSpec.id==${SPEC_IDS.httpApi}`)
    const page1 = await call<Items<{ name: string }>>(
      'GET',
      `${FS}/connections?property=${filter}&orderby=name&limit=2`,
    )
    expect(page1.body.items.map((i) => i.name)).toEqual(['Alpha', 'Bravo'])
    expect(page1.body._links?.next.href).toContain('continuationToken=')
    const page2 = await call<Items<{ name: string }>>('GET', page1.body._links!.next.href)
    expect(page2.body.items.map((i) => i.name)).toEqual(['Charlie'])
    expect(page2.body._links).toBeUndefined()

    const desc = await call<Items<{ name: string }>>(
      'GET',
      `${FS}/connections?orderby=-name&limit=1`,
    )
    expect(desc.body.items.map((i) => i.name)).toEqual(['Kinesis account'])
    const count = await call<{ count: number }>('GET', `${FS}/connections?count=true`)
    expect(count.body.count).toBe(4)
    const bad = await call<Problem>('GET', `${FS}/connections?limit=500`)
    expect(bad.status).toBe(400)
  })

  it('lists the seeded connection specs and flow specs', async () => {
    const specs = await call<Items<{ id: string }>>('GET', `${FS}/connectionSpecs`)
    expect(specs.body.items.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        SPEC_IDS.httpApi,
        SPEC_IDS.kinesis,
        SPEC_IDS.eventHubs,
        SPEC_IDS.campaign,
        SPEC_IDS.s3,
        SPEC_IDS.sftp,
        SPEC_IDS.profileStore,
      ]),
    )
    const flowSpec = await call<Items>(
      'GET',
      `${FS}/flowSpecs/71471eba-b620-49e4-90fd-23f1fa0174d8`,
    )
    expect(flowSpec.body.items[0]).toMatchObject({ name: 'Profile based destinations' })
  })
})

describe('sandboxes', () => {
  it('keeps each sandbox apart', async () => {
    const created = await call<Created>('POST', `${FS}/connections`, {
      body: bearerConnection(),
      sandbox: 'dev',
    })
    expect(
      (await call<Items>('GET', `${FS}/connections`, { sandbox: 'dev' })).body.items,
    ).toHaveLength(1)
    expect(
      (await call<Items>('GET', `${FS}/connections`, { sandbox: 'prod' })).body.items,
    ).toHaveLength(0)
    expect(
      (await call('GET', `${FS}/connections/${created.body.id}`, { sandbox: 'prod' })).status,
    ).toBe(404)
  })

  it('restores the seed of one sandbox on reset', async () => {
    await call('POST', `${FS}/connections`, { body: bearerConnection(), sandbox: 'dev' })
    await call('POST', `${FS}/connections`, { body: bearerConnection(), sandbox: 'prod' })
    const reset = await call('POST', '/demo/reset', { body: {}, sandbox: 'dev' })
    expect(reset.status).toBe(200)
    expect(
      (await call<Items>('GET', `${FS}/connections`, { sandbox: 'dev' })).body.items,
    ).toHaveLength(0)
    expect(
      (await call<Items>('GET', `${FS}/connections`, { sandbox: 'prod' })).body.items,
    ).toHaveLength(1)
    const segments = await call<{ segments: unknown[] }>(
      'GET',
      '/data/core/ups/segment/definitions',
      {
        sandbox: 'dev',
      },
    )
    expect(segments.body.segments.length).toBeGreaterThanOrEqual(8)
  })
})

describe('segment definitions', () => {
  it('lists audiences with PQL and profile counts, and reads one', async () => {
    const list = await call<{
      segments: {
        id: string
        name: string
        expression: { type: string }
        metrics: { data: { totalProfiles: number } }
      }[]
    }>('GET', '/data/core/ups/segment/definitions')
    expect(list.status).toBe(200)
    const john = list.body.segments.find((s) => s.name === 'First name equals John')
    expect(john?.expression.type).toBe('PQL')
    expect(john?.metrics.data.totalProfiles).toBeGreaterThan(0)
    const one = await call<{ id: string }>('GET', `/data/core/ups/segment/definitions/${john!.id}`)
    expect(one.body.id).toBe(john!.id)
    expect((await call('GET', '/data/core/ups/segment/definitions/nope')).status).toBe(404)
  })
})
