import { SPEC_IDS, FLOW_SPEC_IDS } from '../../contracts/connection-spec'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import type { ExportList, ExportRecord } from '../../contracts/engine/exports'
import type { ProfileUpdateResult } from '../../contracts/engine/profiles'
import type { JsonPatchOperation } from '../../contracts/flow-service'
import type { Profile } from '../../contracts/profile'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS } from './api'

interface Created {
  id: string
  etag: string
}

const demo = DEMO_CREDENTIALS.oauth

/** The account params of each HTTP API authentication, with the demo credentials. */
export const HTTP_AUTH = {
  none: { specName: 'None', params: {} },
  bearer: { specName: 'Bearer token', params: { token: DEMO_CREDENTIALS.bearerToken } },
  password: {
    specName: 'OAuth 2 Password',
    params: {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      username: demo.username,
      password: demo.password,
    },
  },
  bodyForm: {
    specName: 'OAuth 2 Client Credentials',
    params: {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      clientCredentialsType: 'BODY_FORM_ENCODED',
    },
  },
  basic: {
    specName: 'OAuth 2 Client Credentials',
    params: {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      clientCredentialsType: 'BASIC_AUTHORIZATION',
    },
  },
} as const

/** The docs' example dataflow: three audiences, four attributes. */
export const EXAMPLE_AUDIENCES = [
  SEED_AUDIENCE_IDS.firstNameJohn,
  SEED_AUDIENCE_IDS.deLoreanOwners,
  SEED_AUDIENCE_IDS.menOver50,
]
export const EXAMPLE_ATTRIBUTES = [
  'person.name.firstName',
  'person.name.lastName',
  'person.birthDate',
  'personalEmail.address',
]

export interface DataflowOptions {
  specId?: string
  auth?: { specName: string; params: Record<string, unknown> }
  params?: Record<string, unknown>
  audiences?: string[]
  attributes?: string[]
  sandbox?: string
}

async function created(method: string, path: string, body: unknown, sandbox: string) {
  const res = await call<Created>(method, path, { body, sandbox })
  if (res.status !== 201)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * Creates an account, a target connection, the Profile Store source and a dataflow over the API,
 * then activates audiences and attributes with the activation PATCH, as the UI does.
 */
export async function activateDataflow(options: DataflowOptions = {}) {
  const {
    specId = SPEC_IDS.httpApi,
    auth = HTTP_AUTH.bearer,
    params = { httpEndpoint: DEMO_CREDENTIALS.endpoint },
    audiences = EXAMPLE_AUDIENCES,
    attributes = EXAMPLE_ATTRIBUTES,
    sandbox = 'prod',
  } = options
  const base = await created(
    'POST',
    `${FS}/connections`,
    { name: 'Account', connectionSpec: { id: specId, version: '1.0' }, auth },
    sandbox,
  )
  const target = await created(
    'POST',
    `${FS}/targetConnections`,
    {
      name: 'Destination',
      baseConnectionId: base.id,
      connectionSpec: { id: specId, version: '1.0' },
      params,
    },
    sandbox,
  )
  const profileBase = await created(
    'POST',
    `${FS}/connections`,
    { name: 'Profile Store', connectionSpec: { id: SPEC_IDS.profileStore, version: '1.0' } },
    sandbox,
  )
  const source = await created(
    'POST',
    `${FS}/sourceConnections`,
    {
      name: 'Profile Store',
      baseConnectionId: profileBase.id,
      connectionSpec: { id: SPEC_IDS.profileStore, version: '1.0' },
    },
    sandbox,
  )
  const flow = await created(
    'POST',
    `${FS}/flows`,
    {
      name: 'Dataflow',
      flowSpec: { id: FLOW_SPEC_IDS.profileDestinations, version: '1.0' },
      sourceConnectionIds: [source.id],
      targetConnectionIds: [target.id],
    },
    sandbox,
  )
  const patch = await call<Created>('PATCH', `${FS}/flows/${flow.id}`, {
    sandbox,
    headers: { 'if-match': flow.etag },
    body: [
      ...audiences.map((id) => ({
        op: 'add',
        path: '/transformations/0/params/segmentSelectors/selectors/-',
        value: { type: 'PLATFORM_SEGMENT', value: { id } },
      })),
      ...attributes.map((path) => ({
        op: 'add',
        path: '/transformations/0/params/profileSelectors/selectors/-',
        value: { type: 'JSON_PATH', value: { path, operator: 'EXISTS' } },
      })),
    ],
  })
  if (patch.status !== 200) throw new Error(`activation: ${JSON.stringify(patch.body)}`)
  return { flowId: flow.id, etag: patch.body.etag, targetId: target.id, accountId: base.id }
}

export async function updateProfile(
  id: string,
  operations: JsonPatchOperation[],
  sandbox = 'prod',
) {
  const res = await call<ProfileUpdateResult>('PATCH', `/data/core/ups/profiles/${id}`, {
    body: operations,
    sandbox,
  })
  if (res.status !== 200) throw new Error(`PATCH profile: ${JSON.stringify(res.body)}`)
  return res.body
}

export async function listExports(flowId: string, query = '', sandbox = 'prod') {
  return (await call<ExportList>('GET', `${FS}/flows/${flowId}/exports${query}`, { sandbox })).body
}

export async function exportRecord(flowId: string, exportId: string, sandbox = 'prod') {
  const res = await call<ExportRecord>('GET', `${FS}/flows/${flowId}/exports/${exportId}`, {
    sandbox,
  })
  if (res.status !== 200) throw new Error(`GET export: ${JSON.stringify(res.body)}`)
  return res.body
}

/** Profiles by id, straight from the store (tests pick subjects with it). */
export async function profilesWhere(
  sandboxes: {
    sandbox(name: string): Promise<{ collection(name: 'profiles'): { all(): Profile[] } }>
  },
  predicate: (profile: Profile) => boolean,
  sandbox = 'prod',
) {
  return (await sandboxes.sandbox(sandbox)).collection('profiles').all().filter(predicate)
}

export const isRealizedIn = (profile: Profile, audienceId: string) =>
  profile.segmentMembership.ups[audienceId]?.status === 'realized'
