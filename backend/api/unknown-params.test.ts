import { describe, expect, it } from 'vitest'
import { FLOW_SPEC_IDS, SPEC_IDS } from '../../contracts/connection-spec'
import type { ProblemBody } from '../../contracts/problem'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, startTestBackend } from '../testing/api'
import { bearerConnection, createHttpDataflow, httpTarget } from '../testing/fixtures'

const env = startTestBackend()

const DEFINITIONS = '/data/core/ups/segment/definitions'
const PROFILES = '/data/core/ups/profiles'
const ENDPOINT = 'hooks.example/profiles'

type Ids = Awaited<ReturnType<typeof createHttpDataflow>> & { profileId: string }

interface Case {
  /** `METHOD path`, the path without its query. */
  route: string
  path: (ids: Ids) => string
  /** A body the route takes, for routes that read one. */
  body?: (ids: Ids) => Record<string, unknown>
  /** Query parameters the route takes, kept beside the unknown one. */
  query?: string
}

const pql = { type: 'PQL', format: 'pql/text', value: 'person.name.firstName = "Zed"' }

const flowBody = (ids: Ids) => ({
  name: 'Another webhook',
  flowSpec: { id: FLOW_SPEC_IDS.profileDestinations, version: '1.0' },
  sourceConnectionIds: [ids.source.id],
  targetConnectionIds: [ids.target.id],
})

const CASES: Case[] = [
  { route: 'GET /connectionSpecs', path: () => `${FS}/connectionSpecs` },
  { route: 'GET /connectionSpecs/{id}', path: () => `${FS}/connectionSpecs/${SPEC_IDS.httpApi}` },
  {
    route: 'POST /connectionSpecs/{id}/test',
    path: () => `${FS}/connectionSpecs/${SPEC_IDS.httpApi}/test`,
    body: () => ({ auth: bearerConnection().auth }),
  },
  { route: 'GET /flowSpecs', path: () => `${FS}/flowSpecs` },
  {
    route: 'GET /flowSpecs/{id}',
    path: () => `${FS}/flowSpecs/${FLOW_SPEC_IDS.profileDestinations}`,
  },
  { route: 'GET /connections', path: () => `${FS}/connections`, query: 'limit=10' },
  { route: 'POST /connections', path: () => `${FS}/connections`, body: () => bearerConnection() },
  { route: 'GET /connections/{id}', path: (ids) => `${FS}/connections/${ids.base.id}` },
  { route: 'GET /connections/{id}/test', path: (ids) => `${FS}/connections/${ids.base.id}/test` },
  { route: 'GET /targetConnections', path: () => `${FS}/targetConnections` },
  {
    route: 'POST /targetConnections',
    path: () => `${FS}/targetConnections`,
    body: (ids) => httpTarget(ids.base.id),
  },
  {
    route: 'GET /targetConnections/{id}',
    path: (ids) => `${FS}/targetConnections/${ids.target.id}`,
  },
  { route: 'GET /sourceConnections', path: () => `${FS}/sourceConnections` },
  {
    route: 'POST /sourceConnections',
    path: () => `${FS}/sourceConnections`,
    body: () => ({
      name: 'Another source',
      connectionSpec: { id: SPEC_IDS.profileStore, version: '1.0' },
      data: { format: 'json' },
    }),
  },
  {
    route: 'GET /sourceConnections/{id}',
    path: (ids) => `${FS}/sourceConnections/${ids.source.id}`,
  },
  { route: 'GET /flows', path: () => `${FS}/flows`, query: 'orderby=-createdAt' },
  { route: 'POST /flows', path: () => `${FS}/flows`, body: flowBody },
  { route: 'GET /flows/{id}', path: (ids) => `${FS}/flows/${ids.flow.id}` },
  {
    route: 'POST /flows/{id}/action',
    path: (ids) => `${FS}/flows/${ids.flow.id}/action`,
    query: 'op=DISABLE',
  },
  { route: 'GET /flows/{id}/exports', path: (ids) => `${FS}/flows/${ids.flow.id}/exports` },
  { route: 'GET /runs', path: () => `${FS}/runs`, query: 'count=true' },
  { route: 'GET /segment/definitions', path: () => DEFINITIONS, query: 'limit=5' },
  {
    route: 'POST /segment/definitions',
    path: () => DEFINITIONS,
    body: () => ({ name: 'First name Zed', expression: pql }),
  },
  {
    route: 'GET /segment/definitions/{id}',
    path: () => `${DEFINITIONS}/${SEED_AUDIENCE_IDS.firstNameJohn}`,
  },
  {
    route: 'PATCH /segment/definitions/{id}',
    path: () => `${DEFINITIONS}/${SEED_AUDIENCE_IDS.firstNameJohn}`,
    body: () => ({ name: 'First name Zed', expression: pql }),
  },
  { route: 'GET /profiles', path: () => PROFILES, query: 'search=a' },
  { route: 'GET /profiles/{id}', path: (ids) => `${PROFILES}/${ids.profileId}` },
  { route: 'GET /profiles/traffic', path: () => `${PROFILES}/traffic` },
  {
    route: 'POST /profiles/traffic',
    path: () => `${PROFILES}/traffic`,
    body: () => ({ updatesPerSecond: 1, durationSeconds: 1 }),
  },
  {
    route: 'GET /access/entities',
    path: () => '/data/core/ups/access/entities',
    query: 'entityId=x',
  },
  {
    route: 'GET /demo/receiver/scenario',
    path: () => '/demo/receiver/scenario',
    query: `endpoint=${ENDPOINT}`,
  },
  {
    route: 'PUT /demo/receiver/scenario',
    path: () => '/demo/receiver/scenario',
    query: `endpoint=${ENDPOINT}`,
    body: () => ({ kind: 'always-500' }),
  },
  {
    route: 'GET /demo/receiver/requests',
    path: () => '/demo/receiver/requests',
    query: `endpoint=${ENDPOINT}`,
  },
  {
    route: 'GET /demo/streams/{kind}/{name}/records',
    path: () => '/demo/streams/kinesis/s/records',
  },
  { route: 'POST /demo/reset', path: () => '/demo/reset' },
]

/** Bodies with an unknown property inside an object the API defines, and its path. */
const NESTED: { route: string; path: string; body: (ids: Ids) => unknown }[] = [
  {
    route: 'POST /connections',
    path: 'auth.bogus',
    body: () => bearerConnection({ auth: { ...bearerConnection().auth, bogus: 1 } }),
  },
  {
    route: 'POST /connections',
    path: 'auth.params.bogus',
    body: () =>
      bearerConnection({ auth: { specName: 'Bearer token', params: { token: 't', bogus: 1 } } }),
  },
  {
    route: 'POST /connections',
    path: 'connectionSpec.bogus',
    body: () => bearerConnection({ connectionSpec: { id: SPEC_IDS.httpApi, bogus: 1 } }),
  },
  {
    route: 'POST /targetConnections',
    path: 'params.bogus',
    body: (ids) => httpTarget(ids.base.id, { bogus: 1 }),
  },
  {
    route: 'POST /targetConnections',
    path: 'data.bogus',
    body: (ids) => ({ ...httpTarget(ids.base.id), data: { format: 'json', bogus: 1 } }),
  },
  {
    route: 'POST /flows',
    path: 'transformations.0.params.bogus',
    body: (ids) => ({
      ...flowBody(ids),
      transformations: [
        {
          name: 'GeneralTransform',
          params: {
            profileSelectors: { selectors: [] },
            segmentSelectors: { selectors: [] },
            bogus: 1,
          },
        },
      ],
    }),
  },
  {
    route: 'POST /segment/definitions',
    path: 'expression.bogus',
    body: () => ({ name: 'First name Zed', expression: { ...pql, bogus: 1 } }),
  },
]

const methodOf = (route: string) => route.split(' ')[0]

async function setUp(): Promise<Ids> {
  const ids = await createHttpDataflow()
  const profiles = await call<{ profiles: { id: string }[] }>('GET', `${PROFILES}?limit=1`)
  return { ...ids, profileId: profiles.body.profiles[0].id }
}

/** What the sandbox stores, to show a refused request changed nothing. */
async function stored(): Promise<string> {
  const sandbox = await env.backend.db.sandbox('prod')
  return JSON.stringify(
    (
      [
        'connections',
        'targetConnections',
        'sourceConnections',
        'flows',
        'audiences',
        'profiles',
      ] as const
    ).map((name) => sandbox.collection(name).all()),
  )
}

/** Sends a request; what it answered, whether the problem names `field`, and what it changed. */
async function attempt(method: string, path: string, body: unknown, field: string) {
  const before = await stored()
  const res = await call<ProblemBody>(method, path, body === undefined ? {} : { body })
  return {
    status: res.status,
    type: res.body.type,
    named: res.body.errorDetails?.some((e) => e.path === field) ?? false,
    changed: (await stored()) !== before,
  }
}

const refused = (code: string) => ({
  status: 400,
  type: expect.stringContaining(code) as unknown,
  named: true,
  changed: false,
})

describe('a parameter the API does not know is refused by name', () => {
  it.each(CASES)('$route refuses an unknown query parameter', async (c) => {
    const ids = await setUp()
    const query = [c.query, 'bogus=1'].filter(Boolean).join('&')
    expect(
      await attempt(methodOf(c.route), `${c.path(ids)}?${query}`, c.body?.(ids), 'bogus'),
    ).toEqual(refused('FLOW-1406-400'))
  })

  it.each(CASES.filter((c) => c.body))('$route refuses an unknown body property', async (c) => {
    const ids = await setUp()
    const path = `${c.path(ids)}${c.query ? `?${c.query}` : ''}`
    expect(await attempt(methodOf(c.route), path, { ...c.body!(ids), bogus: 1 }, 'bogus')).toEqual(
      refused('FLOW-1400-400'),
    )
  })

  it.each(NESTED)('$route refuses $path', async (c) => {
    const ids = await setUp()
    const route = CASES.find((r) => r.route === c.route)!
    expect(await attempt(methodOf(c.route), route.path(ids), c.body(ids), c.path)).toEqual(
      refused('FLOW-1400-400'),
    )
  })

  it.each(CASES.filter((c) => c.body))('$route takes the same body without it', async (c) => {
    const ids = await setUp()
    const res = await call(methodOf(c.route), `${c.path(ids)}${c.query ? `?${c.query}` : ''}`, {
      body: c.body!(ids),
    })
    expect(res.status).toBeLessThan(300)
  })

  it('takes the data schema and every list parameter flow-service.yaml documents', async () => {
    const ids = await setUp()
    const target = await call('POST', `${FS}/targetConnections`, {
      body: {
        ...httpTarget(ids.base.id),
        data: { format: 'json', schema: { id: '1.0', version: '1.0' } },
      },
    })
    expect(target.status).toBe(201)
    const list = await call(
      'GET',
      `${FS}/flows?property=name==x&orderby=-createdAt&limit=5&count=true&continuationToken=${btoa('0')}`,
    )
    expect(list.status).toBe(200)
  })
})
