import { expect, type Page } from '@playwright/test'
import { api, FS } from './api'
import { card, openConsole } from './console'

export const SPEC_IDS = {
  httpApi: 'a1f3c9b2-6d4e-4f7a-9c2b-7e5d1a0f4b6c',
  kinesis: '86043421-563b-46ec-8e6c-e23184711bf6',
  eventHubs: 'bf9f5905-92b7-48bf-bf20-455bc6b60a4e',
  profileStore: '8a9c3494-9708-43d7-ae3f-cda01e5030e1',
}

export const FLOW_SPEC_ID = '71471eba-b620-49e4-90fd-23f1fa0174d8'

/** The demo credentials the in-app token server accepts (contracts/demo-credentials.ts). */
export const DEMO_OAUTH = {
  'Access Token URL': 'https://auth.example/oauth/token',
  'Client ID': 'demo-client',
  'Client Secret': 'demo-secret',
}

/** A text field (secrets included) of the current step, by its label. */
export const field = (page: Page, label: string) =>
  page.getByRole('textbox', { name: label, exact: true })

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

/** The wizard's step list. */
export const steps = (page: Page) => page.getByRole('navigation', { name: 'Workflow steps' })

/** From the catalog card's Set up to the wizard's Authentication step. */
export async function setUp(page: Page, destination: string) {
  await openConsole(page, '/prod/destinations/catalog')
  await card(page, destination).getByRole('button', { name: 'Set up' }).click()
  await expect(page.getByRole('heading', { name: 'Configure new destination' })).toBeVisible()
  await expect(page).toHaveURL(/\/prod\/destinations\/connect\/[^/]+\/authentication$/)
  await expect(page.getByRole('heading', { name: 'Authentication', level: 2 })).toBeVisible()
}

/** Fills text fields by label. */
export async function fill(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await field(page, label).fill(value)
}

/** Fills a new account: its name, the authentication type (when the destination has several) and credentials. */
export async function newAccount(
  page: Page,
  account: {
    name: string
    description?: string
    authType?: string
    fields?: Record<string, string>
  },
) {
  await fill(page, { 'Account name': account.name })
  if (account.description) await fill(page, { Description: account.description })
  if (account.authType) {
    await page
      .getByRole('radiogroup', { name: 'Authentication type' })
      .getByRole('radio', { name: account.authType, exact: true })
      .check()
  }
  await fill(page, account.fields ?? {})
}

/** Connect to destination, and the connected state it leads to. */
export async function connect(page: Page) {
  await button(page, 'Connect to destination').click()
  await expect(page.getByText('Connected', { exact: true })).toBeVisible()
  await expect(button(page, 'Next')).toBeEnabled()
}

/** Next, and the heading of the step it leads to. */
export async function next(page: Page, heading: string) {
  await button(page, 'Next').click()
  await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeFocused()
}

/** Selects Adobe-defined marketing actions by label on the Marketing actions step. */
export async function selectMarketingActions(page: Page, labels: string[]) {
  const table = page.getByRole('grid', { name: 'Adobe-defined marketing actions' })
  for (const label of labels) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    await row.getByRole('checkbox').check()
    await expect(row).toHaveAttribute('aria-selected', 'true')
  }
}

/** Save & Exit from the last step: the destination is saved and Browse opens. */
export async function saveAndExit(page: Page, name: string) {
  await button(page, 'Save & Exit').click()
  await expect(page).toHaveURL(/\/prod\/destinations\/browse$/)
  await expect(page.getByText(`The destination ${name} was saved.`)).toBeVisible()
}

interface Entity {
  id: string
  name: string
  description: string
  etag: string
  connectionSpec: { id: string }
}
export interface SavedAccount extends Entity {
  auth: { specName: string; params: Record<string, unknown> }
}
export interface SavedTarget extends Entity {
  baseConnectionId: string
  params: Record<string, unknown>
}
export interface SavedFlow extends Entity {
  flowSpec: { id: string }
  sourceConnectionIds: string[]
  targetConnectionIds: string[]
  transformations: {
    params: {
      segmentSelectors: { selectors: unknown[] }
      profileSelectors: { selectors: unknown[] }
    }
  }[]
  marketingActions: string[]
  alerts: string[]
}

/** Every destination account, target connection and dataflow of the prod sandbox, through the API. */
export async function saved(page: Page) {
  const accounts = await api<{ items: SavedAccount[] }>(page, 'GET', `${FS}/connections`)
  const targets = await api<{ items: SavedTarget[] }>(page, 'GET', `${FS}/targetConnections`)
  const flows = await api<{ items: SavedFlow[] }>(page, 'GET', `${FS}/flows`)
  return {
    accounts: accounts.body.items.filter((a) => a.connectionSpec.id !== SPEC_IDS.profileStore),
    targets: targets.body.items,
    flows: flows.body.items,
  }
}

/** The one saved destination: its account, target connection and dataflow, checked to belong together. */
export async function savedDestination(page: Page) {
  const { accounts, targets, flows } = await saved(page)
  expect(accounts).toHaveLength(1)
  expect(targets).toHaveLength(1)
  expect(flows).toHaveLength(1)
  const [account, target, flow] = [accounts[0], targets[0], flows[0]]
  expect(target.baseConnectionId).toBe(account.id)
  expect(flow.targetConnectionIds).toEqual([target.id])
  expect(flow.flowSpec.id).toBe(FLOW_SPEC_ID)
  expect(flow.transformations[0]?.params).toEqual({
    segmentSelectors: { selectors: [] },
    profileSelectors: { selectors: [] },
  })
  const source = await api<{ items: { connectionSpec: { id: string } }[] }>(
    page,
    'GET',
    `${FS}/sourceConnections/${flow.sourceConnectionIds[0]}`,
  )
  expect(source.body.items[0]?.connectionSpec.id).toBe(SPEC_IDS.profileStore)
  return { account, target, flow }
}

interface Created {
  id: string
  etag: string
}

/** Creates an account through the Flow Service API. */
export async function createAccount(
  page: Page,
  name: string,
  specId: string,
  auth: { specName: string; params: Record<string, unknown> },
) {
  const created = await api<Created>(page, 'POST', `${FS}/connections`, {
    body: { name, connectionSpec: { id: specId, version: '1.0' }, auth },
  })
  expect(created.status).toBe(201)
  return created.body
}

/** Creates an HTTP API dataflow on an account through the API, as the wizard's save does. */
export async function createDataflow(page: Page, accountId: string, name: string) {
  const target = await api<Created>(page, 'POST', `${FS}/targetConnections`, {
    body: {
      name,
      baseConnectionId: accountId,
      connectionSpec: { id: SPEC_IDS.httpApi, version: '1.0' },
      params: { httpEndpoint: 'https://hooks.example/profiles' },
    },
  })
  const profileStore = { id: SPEC_IDS.profileStore, version: '1.0' }
  const base = await api<Created>(page, 'POST', `${FS}/connections`, {
    body: { name: 'Base connection to Experience Platform', connectionSpec: profileStore },
  })
  const source = await api<Created>(page, 'POST', `${FS}/sourceConnections`, {
    body: {
      name: 'Connecting to Profile Service',
      baseConnectionId: base.body.id,
      connectionSpec: profileStore,
      params: {},
    },
  })
  const flow = await api<Created>(page, 'POST', `${FS}/flows`, {
    body: {
      name,
      flowSpec: { id: FLOW_SPEC_ID, version: '1.0' },
      sourceConnectionIds: [source.body.id],
      targetConnectionIds: [target.body.id],
    },
  })
  expect(flow.status).toBe(201)
  return flow.body
}
