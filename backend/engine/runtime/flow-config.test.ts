import { describe, expect, it } from 'vitest'
import { SPEC_IDS } from '../../../contracts/connection-spec'
import { DEMO_CREDENTIALS } from '../../../contracts/demo-credentials'
import { maskSecret } from '../../../contracts/destinations/export-request'
import type { Connection, EntityMeta, TargetConnection } from '../../../contracts/flow-service'
import type { FlowDoc } from '../../store/collections'
import { sandboxAudiences, audiences } from '../rules/export/fixtures'
import { compileFlowConfig, configKey, type DeliveryTarget, type FlowSources } from './flow-config'

const meta = (id: string): EntityMeta => ({
  id,
  createdAt: 1,
  updatedAt: 2,
  createdBy: 'u',
  updatedBy: 'u',
  createdClient: 'c',
  updatedClient: 'c',
  sandboxId: 's',
  sandboxName: 'prod',
  imsOrgId: 'o',
  etag: `"${id}-etag"`,
  version: `"${id}-etag"`,
})

const account = (
  specName: string,
  params: Record<string, unknown>,
  specId: string = SPEC_IDS.httpApi,
): Connection => ({
  ...meta('account'),
  name: 'Account',
  description: '',
  connectionSpec: { id: specId, version: '1.0' },
  state: 'enabled',
  auth: { specName, params },
})

const targetOf = (
  params: Record<string, unknown>,
  specId: string = SPEC_IDS.httpApi,
): TargetConnection => ({
  ...meta('target'),
  name: 'Target',
  description: '',
  baseConnectionId: 'account',
  connectionSpec: { id: specId, version: '1.0' },
  state: 'enabled',
  data: { format: 'json' },
  params,
})

const flow: FlowDoc = {
  ...meta('flow'),
  name: 'Flow',
  description: '',
  flowSpec: { id: 'spec', version: '1.0' },
  state: 'enabled',
  sourceConnectionIds: ['source'],
  targetConnectionIds: ['target'],
  transformations: [
    {
      name: 'GeneralTransform',
      params: {
        profileSelectors: {
          selectors: [
            { type: 'JSON_PATH', value: { path: 'person.name.firstName', operator: 'EXISTS' } },
          ],
        },
        segmentSelectors: {
          selectors: [
            {
              type: 'PLATFORM_SEGMENT',
              value: { id: audiences.firstNameJohn.id, mappingCreatedAt: 5, mappingUpdatedAt: 6 },
            },
            { type: 'PLATFORM_SEGMENT', value: { id: 'unknown-audience' } },
          ],
        },
      },
    },
  ],
  marketingActions: [],
  alerts: [],
  lastOperation: { started: 1, updated: 1, operation: 'create', status: { value: 'completed' } },
}

const sources = (overrides: Partial<FlowSources>): FlowSources => ({
  flow,
  target: targetOf({
    httpEndpoint: 'https://hooks.example/profiles',
    headers: 'x-team:growth',
    includeSegmentNames: true,
  }),
  account: account('None', {}),
  audiences: sandboxAudiences,
  audiencesVersion: 1,
  ...overrides,
})

const httpTarget = (delivery: DeliveryTarget | undefined) => {
  if (delivery?.kind !== 'http') throw new Error(`expected an HTTP target, got ${delivery?.kind}`)
  return delivery
}

const oauth = DEMO_CREDENTIALS.oauth

describe('compileFlowConfig', () => {
  it('compiles the mapped audiences (known ones, with mapping times), attributes and toggles', () => {
    const config = compileFlowConfig(sources({}))
    expect(config?.prepared.mappedAudiences.map((a) => a.id)).toEqual([audiences.firstNameJohn.id])
    expect(config?.prepared.mappedAudiences[0].entryFields).toEqual({
      name: 'First name equals John',
    })
    expect(config?.prepared.mappedAttributes).toEqual(['person.name.firstName'])
    expect(config).toMatchObject({ enabled: true, destination: 'http', flowId: 'flow' })
  })

  it.each([
    ['None', {}, null],
    ['Bearer token', { token: DEMO_CREDENTIALS.bearerToken }, DEMO_CREDENTIALS.bearerToken],
    [
      'OAuth 2 Password',
      {
        accessTokenUrl: oauth.accessTokenUrl,
        clientId: 'id',
        clientSecret: 'secret',
        username: 'u',
        password: 'p',
      },
      'the-access-token',
    ],
    [
      'OAuth 2 Client Credentials',
      {
        accessTokenUrl: oauth.accessTokenUrl,
        clientId: 'id',
        clientSecret: 'secret',
        clientCredentialsType: 'BODY_FORM_ENCODED',
      },
      'the-access-token',
    ],
    [
      'OAuth 2 Client Credentials',
      {
        accessTokenUrl: oauth.accessTokenUrl,
        clientId: 'id',
        clientSecret: 'secret',
        clientCredentialsType: 'BASIC_AUTHORIZATION',
      },
      'the-access-token',
    ],
  ])('builds the export headers of %s', (specName, params, token) => {
    const http = httpTarget(
      compileFlowConfig(sources({ account: account(specName, params) }))?.target,
    )
    const accessToken = specName.startsWith('OAuth') ? 'the-access-token' : null
    const headers = http.headers(accessToken)
    expect(http.oauth === null).toBe(!specName.startsWith('OAuth'))
    expect(headers.actual).toEqual({
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'x-team': 'growth',
    })
    expect(headers.sent.find((h) => h.name === 'Authorization')?.value).toBe(
      token ? `Bearer ${maskSecret(token)}` : undefined,
    )
    expect(http.headers(accessToken)).toBe(headers)
    expect(headers.request).toEqual({
      method: 'POST',
      url: 'https://hooks.example/profiles',
      headers: headers.sent,
    })
  })

  it('reports unusable details or credentials as an invalid target', () => {
    expect(
      compileFlowConfig(sources({ account: account('Bearer token', {}) }))?.target,
    ).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('credentials'),
    })
    expect(
      compileFlowConfig(sources({ target: targetOf({ httpEndpoint: 'nope' }) }))?.target.kind,
    ).toBe('invalid')
  })

  it('reads Kinesis and Event Hubs targets and checks the demo credentials', () => {
    const kinesis = compileFlowConfig(
      sources({
        account: account(
          'Aws Kinesis authentication credentials',
          { ...DEMO_CREDENTIALS.aws, region: 'eu-west-1' },
          SPEC_IDS.kinesis,
        ),
        target: targetOf({ stream: 'events' }, SPEC_IDS.kinesis),
      }),
    )
    expect(kinesis?.target).toEqual({
      kind: 'kinesis',
      name: 'events',
      region: 'eu-west-1',
      accepted: true,
    })
    const hubs = compileFlowConfig(
      sources({
        account: account(
          'Azure EventHub authentication credentials',
          { ...DEMO_CREDENTIALS.eventHubs, sasKey: 'x', namespace: 'acme-demo' },
          SPEC_IDS.eventHubs,
        ),
        target: targetOf({ eventHubName: 'hub' }, SPEC_IDS.eventHubs),
      }),
    )
    expect(hubs?.target).toEqual({
      kind: 'event-hubs',
      name: 'hub',
      namespace: 'acme-demo',
      accepted: false,
    })
  })

  it('runs no batch destination, and changes its key with any source', () => {
    expect(compileFlowConfig(sources({ target: targetOf({}, SPEC_IDS.s3) }))).toBeNull()
    const base = sources({})
    expect(configKey({ ...base, audiencesVersion: 2 })).not.toBe(configKey(base))
    expect(configKey({ ...base, account: { ...base.account!, etag: 'new' } })).not.toBe(
      configKey(base),
    )
  })
})
