import { FLOW_SPEC_IDS, SPEC_IDS } from '../../contracts/connection-spec'
import { call, FS } from './api'

export const bearerConnection = (overrides: Record<string, unknown> = {}) => ({
  name: 'Acme webhook account',
  description: 'Bearer token account',
  connectionSpec: { id: SPEC_IDS.httpApi, version: '1.0' },
  auth: { specName: 'Bearer token', params: { token: 'secret-token-0123456789' } },
  ...overrides,
})

export const httpTarget = (baseConnectionId: string, params: Record<string, unknown> = {}) => ({
  name: 'Acme webhook',
  description: '',
  baseConnectionId,
  connectionSpec: { id: SPEC_IDS.httpApi, version: '1.0' },
  data: { format: 'json' },
  params: { httpEndpoint: 'https://hooks.example/profiles', ...params },
})

interface Created {
  id: string
  etag: string
}

/** Creates an account, a target connection, the Profile Store source and a dataflow. */
export async function createHttpDataflow(sandbox = 'prod') {
  const base = await call<Created>('POST', `${FS}/connections`, {
    body: bearerConnection(),
    sandbox,
  })
  const target = await call<Created>('POST', `${FS}/targetConnections`, {
    body: httpTarget(base.body.id),
    sandbox,
  })
  const profileBase = await call<Created>('POST', `${FS}/connections`, {
    body: {
      name: 'Base connection to Experience Platform',
      connectionSpec: { id: SPEC_IDS.profileStore, version: '1.0' },
    },
    sandbox,
  })
  const source = await call<Created>('POST', `${FS}/sourceConnections`, {
    body: {
      name: 'Connecting to Profile Service',
      baseConnectionId: profileBase.body.id,
      connectionSpec: { id: SPEC_IDS.profileStore, version: '1.0' },
      data: { format: 'json' },
      params: {},
    },
    sandbox,
  })
  const flow = await call<Created>('POST', `${FS}/flows`, {
    body: {
      name: 'Acme webhook',
      flowSpec: { id: FLOW_SPEC_IDS.profileDestinations, version: '1.0' },
      sourceConnectionIds: [source.body.id],
      targetConnectionIds: [target.body.id],
    },
    sandbox,
  })
  return { base: base.body, target: target.body, source: source.body, flow: flow.body }
}
