import { expect, type Page } from '@playwright/test'
import { api, FS, HTTP_API_SPEC } from './api'

const PROFILE_STORE_SPEC = '8a9c3494-9708-43d7-ae3f-cda01e5030e1'
const PROFILE_FLOW_SPEC = '71471eba-b620-49e4-90fd-23f1fa0174d8'

interface Created {
  id: string
  etag: string
}

export type Auth =
  | { specName: 'None'; params: Record<string, never> }
  | { specName: 'Bearer token'; params: { token: string } }
  | {
      specName: 'OAuth 2 Client Credentials'
      params: {
        accessTokenUrl: string
        clientId: string
        clientSecret: string
        clientCredentialsType: 'BODY_FORM_ENCODED' | 'BASIC_AUTHORIZATION'
      }
    }

export const NO_AUTH: Auth = { specName: 'None', params: {} }

export interface RunningDataflow {
  flowId: string
  endpoint: string
}

/**
 * An HTTP API dataflow to a demo endpoint, made through the Flow Service API: account, target
 * connection, the Profile Store source, the flow, then the activation PATCH (which backfills).
 */
export async function createActivatedDataflow(
  page: Page,
  {
    name,
    auth = NO_AUTH,
    audiences,
    attributes,
    includeSegmentNames = false,
    alerts = [],
  }: {
    name: string
    auth?: Auth
    audiences: string[]
    attributes: string[]
    includeSegmentNames?: boolean
    /** The destination alerts the dataflow subscribes to, by id. */
    alerts?: string[]
  },
): Promise<RunningDataflow> {
  const endpoint = `https://hooks.example/${name.toLowerCase().replaceAll(/\W+/g, '-')}`
  const account = await api<Created>(page, 'POST', `${FS}/connections`, {
    body: { name: `${name} account`, connectionSpec: { id: HTTP_API_SPEC, version: '1.0' }, auth },
  })
  expect(account.status).toBe(201)
  const target = await api<Created>(page, 'POST', `${FS}/targetConnections`, {
    body: {
      name,
      baseConnectionId: account.body.id,
      connectionSpec: { id: HTTP_API_SPEC, version: '1.0' },
      params: { httpEndpoint: endpoint, includeSegmentNames },
    },
  })
  expect(target.status).toBe(201)
  const filter = encodeURIComponent(`connectionSpec.id==${PROFILE_STORE_SPEC}`)
  const sources = await api<{ items: { id: string }[] }>(
    page,
    'GET',
    `${FS}/sourceConnections?property=${filter}`,
  )
  let sourceId = sources.body.items[0]?.id
  if (!sourceId) {
    const base = await api<Created>(page, 'POST', `${FS}/connections`, {
      body: { name: 'Profile Store', connectionSpec: { id: PROFILE_STORE_SPEC, version: '1.0' } },
    })
    const source = await api<Created>(page, 'POST', `${FS}/sourceConnections`, {
      body: {
        name: 'Profile Store',
        baseConnectionId: base.body.id,
        connectionSpec: { id: PROFILE_STORE_SPEC, version: '1.0' },
      },
    })
    sourceId = source.body.id
  }
  const flow = await api<Created>(page, 'POST', `${FS}/flows`, {
    body: {
      name,
      flowSpec: { id: PROFILE_FLOW_SPEC, version: '1.0' },
      sourceConnectionIds: [sourceId],
      targetConnectionIds: [target.body.id],
      alerts,
    },
  })
  expect(flow.status).toBe(201)
  const patch = await api<Created>(page, 'PATCH', `${FS}/flows/${flow.body.id}`, {
    headers: { 'if-match': flow.body.etag },
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
  expect(patch.status).toBe(200)
  return { flowId: flow.body.id, endpoint }
}

export interface ProfileSummary {
  id: string
  name: string | null
  email: string | null
  primaryIdentity: { namespace: string; id: string } | null
  audienceIds: string[]
}

/** The first profile the profile search finds. */
export async function findProfile(page: Page, search: string): Promise<ProfileSummary> {
  const found = await api<{ profiles: ProfileSummary[] }>(
    page,
    'GET',
    `/data/core/ups/profiles?search=${encodeURIComponent(search)}&limit=5`,
  )
  expect(found.status).toBe(200)
  expect(found.body.profiles.length, `a profile matching ${search}`).toBeGreaterThan(0)
  return found.body.profiles[0]
}

/** A profile update through the profile API (JSON Patch), evaluated at once by the backend. */
export async function patchProfile(page: Page, id: string, operations: unknown[]) {
  const result = await api(page, 'PATCH', `/data/core/ups/profiles/${id}`, { body: operations })
  expect(result.status).toBe(200)
  return result.body
}

/** Sets the demo receiver's fault scenario for an endpoint. */
export async function setScenario(page: Page, endpoint: string, scenario: Record<string, unknown>) {
  const key = encodeURIComponent(endpoint.replace(/^https?:\/\//, ''))
  const result = await api(page, 'PUT', `/demo/receiver/scenario?endpoint=${key}`, {
    body: scenario,
  })
  expect(result.status).toBe(200)
}

/** Opens the Exports tab of a dataflow and waits for the live stream. */
export async function openExports(page: Page, flowId: string) {
  await page.goto(`/prod/destinations/browse/${flowId}/exports`)
  await expect(page.getByRole('table', { name: 'Exported messages' })).toBeVisible()
  await expect(page.getByText('Live', { exact: true })).toBeVisible()
}

/** The row of an exported message, by the profile identity it shows. */
export const exportRow = (page: Page, identity: string) =>
  page
    .getByRole('table', { name: 'Exported messages' })
    .getByRole('row', { name: new RegExp(identity.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
