import { expect, type Locator, type Page } from '@playwright/test'
import { api, FS, HTTP_API_SPEC } from './api'

const PROFILE_STORE_SPEC = '8a9c3494-9708-43d7-ae3f-cda01e5030e1'
const PROFILE_FLOW_SPEC = '71471eba-b620-49e4-90fd-23f1fa0174d8'

/** Seeded audiences (see backend/seed/data/audiences.ts). */
export const AUDIENCES = {
  john: { id: '5b998cb9-9488-4ec3-8d95-fa8338ced490', name: 'First name equals John' },
  menOver50: { id: 'f6d3d7d7-23ee-4a60-98bd-f6cafaa4f4e9', name: 'Men over 50' },
  deLorean: { id: 'd081a42b-d0da-4f74-b58d-54915ecd7ae4', name: 'Customers with DeLorean Cars' },
  sciFi: { id: '6d492458-6b80-44ef-b2a5-90d52dd89555', name: 'Science fiction fans' },
} as const

interface Created {
  id: string
  etag: string
}

export interface SegmentSelector {
  type: string
  value: {
    id: string
    name?: string
    description?: string
    mappingCreatedAt?: number
    mappingUpdatedAt?: number
  }
}

export interface ProfileSelector {
  type: string
  value: { path: string; operator: string }
}

export interface Flow {
  id: string
  name: string
  description: string
  state: 'enabled' | 'disabled'
  etag: string
  targetConnectionIds: string[]
  transformations: {
    name: string
    params: {
      segmentSelectors: { selectors: SegmentSelector[] }
      profileSelectors: { selectors: ProfileSelector[] }
    }
  }[]
}

/** `GET /flows/{id}`: the dataflow as the API returns it. */
export async function getFlow(page: Page, id: string): Promise<Flow> {
  const result = await api<{ items: Flow[] }>(page, 'GET', `${FS}/flows/${id}`)
  expect(result.status).toBe(200)
  return result.body.items[0]
}

async function profileStoreSource(page: Page): Promise<string> {
  const filter = encodeURIComponent(`connectionSpec.id==${PROFILE_STORE_SPEC}`)
  const existing = await api<{ items: Created[] }>(
    page,
    'GET',
    `${FS}/sourceConnections?property=${filter}`,
  )
  if (existing.body.items[0]) return existing.body.items[0].id
  const base = await api<Created>(page, 'POST', `${FS}/connections`, {
    body: {
      name: 'Base connection to Experience Platform',
      connectionSpec: { id: PROFILE_STORE_SPEC, version: '1.0' },
    },
  })
  const source = await api<Created>(page, 'POST', `${FS}/sourceConnections`, {
    body: {
      name: 'Connecting to Profile Service',
      baseConnectionId: base.body.id,
      connectionSpec: { id: PROFILE_STORE_SPEC, version: '1.0' },
      data: { format: 'json' },
      params: {},
    },
  })
  return source.body.id
}

export interface DataflowOptions {
  name?: string
  description?: string
  state?: 'enabled' | 'disabled'
  params?: Record<string, unknown>
  marketingActions?: string[]
  audiences?: { id: string; name: string }[]
  attributes?: string[]
}

/**
 * Creates an HTTP API destination through the Flow Service API, as the streaming tutorial does:
 * a Bearer token account, the target connection, the Profile Store source and the dataflow.
 */
export async function createHttpDataflow(page: Page, options: DataflowOptions = {}) {
  const name = options.name ?? 'Acme webhook'
  const account = await api<Created>(page, 'POST', `${FS}/connections`, {
    body: {
      name: `${name} account`,
      connectionSpec: { id: HTTP_API_SPEC, version: '1.0' },
      auth: { specName: 'Bearer token', params: { token: 'e2e-secret-token-123' } },
    },
  })
  expect(account.status).toBe(201)
  const target = await api<Created>(page, 'POST', `${FS}/targetConnections`, {
    body: {
      name,
      baseConnectionId: account.body.id,
      connectionSpec: { id: HTTP_API_SPEC, version: '1.0' },
      data: { format: 'json' },
      params: { httpEndpoint: 'https://hooks.example/profiles', ...options.params },
    },
  })
  expect(target.status).toBe(201)
  const flow = await api<Created>(page, 'POST', `${FS}/flows`, {
    body: {
      name,
      description: options.description ?? '',
      flowSpec: { id: PROFILE_FLOW_SPEC, version: '1.0' },
      sourceConnectionIds: [await profileStoreSource(page)],
      targetConnectionIds: [target.body.id],
      state: options.state ?? 'enabled',
      marketingActions: options.marketingActions ?? [],
      transformations: [
        {
          name: 'GeneralTransform',
          params: {
            segmentSelectors: {
              selectors: (options.audiences ?? []).map((a) => ({
                type: 'PLATFORM_SEGMENT',
                value: { id: a.id, name: a.name },
              })),
            },
            profileSelectors: {
              selectors: (options.attributes ?? []).map((path) => ({
                type: 'JSON_PATH',
                value: { path, operator: 'EXISTS' },
              })),
            },
          },
        },
      ],
    },
  })
  expect(flow.status).toBe(201)
  return { flowId: flow.body.id, targetId: target.body.id, accountId: account.body.id }
}

/** The row of a Spectrum table, found by the text of its row header (the name column). */
export const tableRow = (table: Locator, name: string | RegExp) =>
  table.getByRole('row', { name: typeof name === 'string' ? new RegExp(`^${name}`) : name })

/** The activation wizard's audiences table. */
export const audiencesTable = (page: Page) => page.getByRole('grid', { name: 'Audiences' })

/**
 * Ticks (or unticks) the checkbox of each named audience in Select audiences, searching for it
 * first: the table renders only the rows in view.
 */
export async function toggleAudiences(page: Page, names: readonly string[]) {
  const search = page.getByRole('searchbox', { name: 'Search audiences' })
  for (const name of names) {
    await search.fill(name)
    await tableRow(audiencesTable(page), name).getByRole('checkbox').click()
  }
  await search.fill('')
}

/** Mapping: Add new field, search the union schema for `path`, select it. */
export async function addField(page: Page, path: string) {
  await page.getByRole('button', { name: 'Add new field' }).click()
  const dialog = page.getByRole('dialog', { name: 'Select field' })
  await dialog.getByRole('searchbox', { name: 'Search fields' }).fill(path)
  await dialog.getByRole('row', { name: path, exact: true }).click()
  await dialog.getByRole('button', { name: 'Select', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await expect(mappedAttributes(page).getByText(path, { exact: true })).toBeVisible()
}

/** The list of attributes on the Mapping step. */
export const mappedAttributes = (page: Page) =>
  page.getByRole('list', { name: 'Mapped attributes' })

/** The wizard's step heading (each step's content starts with a level-2 heading). */
export const stepHeading = (page: Page, name: string) =>
  page.getByRole('heading', { name, level: 2 })
