import { describe, expect, it } from 'vitest'
import { FLOW_SPEC_IDS, SPEC_IDS, type ConnectionSpec } from '../../../contracts/connection-spec'
import {
  emptyGeneralTransform,
  type Connection,
  type EntityMeta,
  type Flow,
  type TargetConnection,
} from '../../../contracts/flow-service'
import {
  accountRows,
  accountUsername,
  connectionTypeLabel,
  searchRows,
  sortRows,
} from './account-rows'

const meta = (id: string): EntityMeta => ({
  id,
  createdAt: 0,
  updatedAt: 0,
  createdBy: 'demo',
  updatedBy: 'demo',
  createdClient: 'console',
  updatedClient: 'console',
  sandboxId: 'prod',
  sandboxName: 'prod',
  imsOrgId: 'demo@AdobeOrg',
  etag: '"1"',
  version: '1',
})

const spec = (id: string, name: string, auth: [string, string][], isDestination = true) =>
  ({
    id,
    name,
    providerId: 'adobe',
    version: '1.0',
    description: '',
    logo: '',
    attributes: {
      isSource: !isDestination,
      isDestination,
      category: 'Streaming',
      frequency: 'Streaming',
      connectionType: 'Profile-based',
      supportsAudiences: true,
      supportsDatasets: false,
    },
    authSpec: auth.map(([authName, type]) => ({
      name: authName,
      type,
      spec: { type: 'object', properties: {} },
    })),
    targetSpec: null,
  }) satisfies ConnectionSpec

const specs = [
  spec(SPEC_IDS.httpApi, 'HTTP API', [
    ['Bearer token', 'BEARER'],
    ['OAuth 2 Password', 'OAUTH2_PASSWORD'],
  ]),
  spec(SPEC_IDS.kinesis, 'Amazon Kinesis', [['Aws Kinesis authentication credentials', 'KINESIS']]),
  spec(SPEC_IDS.profileStore, 'Profile Store', [], false),
]

const account = (
  id: string,
  name: string,
  specId: string,
  auth?: Connection['auth'],
): Connection => ({
  ...meta(id),
  name,
  description: '',
  connectionSpec: { id: specId, version: '1.0' },
  state: 'enabled',
  auth,
})

const target = (id: string, baseConnectionId: string): TargetConnection => ({
  ...meta(id),
  name: id,
  description: '',
  baseConnectionId,
  connectionSpec: { id: SPEC_IDS.httpApi, version: '1.0' },
  state: 'enabled',
  data: { format: 'json' },
  params: {},
})

const flow = (id: string, name: string, targetId: string): Flow => ({
  ...meta(id),
  name,
  description: '',
  flowSpec: { id: FLOW_SPEC_IDS.profileDestinations, version: '1.0' },
  state: 'enabled',
  sourceConnectionIds: ['source'],
  targetConnectionIds: [targetId],
  transformations: [emptyGeneralTransform()],
  marketingActions: [],
  alerts: [],
  inheritedAttributes: {
    properties: { isDestinationFlow: true },
    sourceConnections: [],
    targetConnections: [],
  },
  runs: '',
  lastOperation: { started: 0, updated: 0, operation: 'create', status: { value: 'completed' } },
})

const connections = [
  account('a', 'Webhook bearer', SPEC_IDS.httpApi, {
    specName: 'Bearer token',
    params: { token: '********', authorizedDate: '2026-11-26T09:00:00.000Z' },
  }),
  account('b', 'Acme OAuth', SPEC_IDS.httpApi, {
    specName: 'OAuth 2 Password',
    params: {
      username: 'demo-user',
      clientId: 'demo-client',
      authorizedDate: '2026-11-25T09:00:00.000Z',
    },
  }),
  account('c', 'Kinesis prod', SPEC_IDS.kinesis, {
    specName: 'Aws Kinesis authentication credentials',
    params: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
  }),
  account('p', 'Base connection to Experience Platform', SPEC_IDS.profileStore),
]

describe('accountRows', () => {
  const rows = accountRows(
    connections,
    specs,
    [target('t1', 'a'), target('t2', 'a'), target('t3', 'b')],
    [flow('f1', 'Webhook one', 't1'), flow('f2', 'Webhook two', 't2'), flow('f3', 'Other', 'tx')],
  )

  it('lists destination accounts only', () => {
    expect(rows.map((r) => r.name)).toEqual(['Webhook bearer', 'Acme OAuth', 'Kinesis prod'])
  })

  it('names the destination, the connection type and the user', () => {
    expect(rows.map((r) => [r.destination, r.connectionType, r.username])).toEqual([
      ['HTTP API', 'Bearer token', ''],
      ['HTTP API', 'OAuth 2', 'demo-user'],
      ['Amazon Kinesis', 'Access Key', 'AKIAIOSFODNN7EXAMPLE'],
    ])
  })

  it('counts the dataflows whose target connection uses the account', () => {
    expect(rows.map((r) => r.flows.map((f) => f.name))).toEqual([
      ['Webhook one', 'Webhook two'],
      [],
      [],
    ])
  })

  it('reads the authorization date', () => {
    expect(rows.map((r) => r.authorizedAt)).toEqual([
      Date.UTC(2026, 10, 26, 9),
      Date.UTC(2026, 10, 25, 9),
      null,
    ])
  })

  it('searches every word in name, destination, type and username', () => {
    expect(searchRows(rows, 'http oauth').map((r) => r.id)).toEqual(['b'])
    expect(searchRows(rows, 'KINESIS').map((r) => r.id)).toEqual(['c'])
    expect(searchRows(rows, '  ').map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })

  it('sorts by name or by authorization date, unauthorized last', () => {
    expect(sortRows(rows, 'name', 'ascending').map((r) => r.id)).toEqual(['b', 'c', 'a'])
    expect(sortRows(rows, 'name', 'descending').map((r) => r.id)).toEqual(['a', 'c', 'b'])
    expect(sortRows(rows, 'authorized', 'ascending').map((r) => r.id)).toEqual(['b', 'a', 'c'])
    expect(sortRows(rows, 'authorized', 'descending').map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('connectionTypeLabel', () => {
  it.each([
    ['NONE', 'None'],
    ['BEARER', 'Bearer token'],
    ['OAUTH2_CLIENT_CREDENTIALS', 'OAuth 2'],
    ['EVENT_HUBS', 'Access Key'],
    ['SFTP_WITH_PASSWORD', 'Basic authentication for SFTP'],
    ['SOMETHING_NEW', 'SOMETHING_NEW'],
  ])('labels %s as %s', (type, label) => {
    expect(connectionTypeLabel(type)).toBe(label)
  })
})

describe('accountUsername', () => {
  it('prefers the username, then the client or key ID', () => {
    expect(accountUsername({ username: 'jdoe', clientId: 'c' })).toBe('jdoe')
    expect(accountUsername({ clientId: 'c', clientSecret: '********' })).toBe('c')
    expect(accountUsername({ sasKeyName: 'RootManageSharedAccessKey' })).toBe(
      'RootManageSharedAccessKey',
    )
    expect(accountUsername({ token: '********' })).toBe('')
  })
})
