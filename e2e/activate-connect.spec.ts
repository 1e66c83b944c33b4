import { expect, test } from '@playwright/test'
import {
  addField,
  AUDIENCES,
  getFlow,
  stepHeading,
  tableRow,
  toggleAudiences,
} from './support/activate'
import { HTTP_API_SPEC } from './support/api'
import { card, openConsole } from './support/console'

const ATTRIBUTES = [
  'person.name.firstName',
  'person.name.lastName',
  'personalEmail.address',
  'mobilePhone.number',
]

test('connect an HTTP API destination, then activate two audiences and four attributes', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  await card(page, 'HTTP API').getByRole('button', { name: 'Set up' }).click()
  await expect(page.getByRole('heading', { name: 'Configure new destination' })).toBeVisible()

  await page.getByRole('textbox', { name: 'Account name', exact: true }).fill('Acme account')
  await page
    .getByRole('radiogroup', { name: 'Authentication type' })
    .getByRole('radio', { name: 'Bearer token', exact: true })
    .check()
  await page.getByRole('textbox', { name: 'Bearer token', exact: true }).fill('e2e-token-123')
  await page.getByRole('button', { name: 'Connect to destination' }).click()
  await expect(page.getByText('Connected', { exact: true })).toBeVisible()

  const next = page.getByRole('button', { name: 'Next', exact: true })
  await next.click()
  await expect(stepHeading(page, 'Destination details')).toBeVisible()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme webhook')
  await page
    .getByRole('textbox', { name: 'HTTP Endpoint', exact: true })
    .fill('https://hooks.example/profiles')
  await next.click()
  await expect(stepHeading(page, 'Marketing actions')).toBeVisible()
  const actions = page.getByRole('grid', { name: 'Adobe-defined marketing actions' })
  await tableRow(actions, 'Export to Third Party').getByRole('checkbox').check()
  await next.click()
  await expect(stepHeading(page, 'Alerts')).toBeVisible()
  await next.click()

  await expect(page).toHaveURL(/\/prod\/destinations\/browse\/[^/]+\/activate$/)
  const flowId = /\/browse\/([^/]+)\/activate$/.exec(page.url())![1]
  await expect(page.getByRole('heading', { name: 'Activate destination', level: 1 })).toBeVisible()
  await expect(page.getByText('Acme webhook · HTTP API')).toBeVisible()

  await toggleAudiences(page, [AUDIENCES.menOver50.name, AUDIENCES.john.name])
  await next.click()
  await expect(stepHeading(page, 'Select attributes')).toBeVisible()
  for (const path of ATTRIBUTES) await addField(page, path)
  await next.click()

  await expect(stepHeading(page, 'Review')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Marketing actions' })).toContainText(
    'Export to Third Party',
  )
  await expect(page.getByRole('region', { name: 'Data usage policy check' })).toContainText(
    'No policy violations',
  )
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}/activation$`))
  const activated = page.getByRole('grid', { name: 'Activated audiences' })
  await expect(tableRow(activated, AUDIENCES.menOver50.name)).toBeVisible()
  await expect(tableRow(activated, AUDIENCES.john.name)).toBeVisible()

  const flow = await getFlow(page, flowId)
  expect(flow).toMatchObject({
    id: flowId,
    name: 'Acme webhook',
    state: 'enabled',
    flowSpec: { id: '71471eba-b620-49e4-90fd-23f1fa0174d8', version: '1.0' },
    sourceConnectionIds: [expect.any(String)],
    targetConnectionIds: [expect.any(String)],
    marketingActions: ['exportToThirdParty'],
    inheritedAttributes: {
      properties: { isDestinationFlow: true },
      targetConnections: [{ connectionSpec: { id: HTTP_API_SPEC } }],
    },
    runs: `/runs?property=flowId==${flowId}`,
  })
  expect(flow.transformations).toEqual([
    {
      name: 'GeneralTransform',
      params: {
        profileSelectors: {
          selectors: ATTRIBUTES.map((path) => ({
            type: 'JSON_PATH',
            value: { path, operator: 'EXISTS' },
          })),
        },
        segmentSelectors: {
          selectors: [AUDIENCES.menOver50, AUDIENCES.john].map(({ id, name }) => ({
            type: 'PLATFORM_SEGMENT',
            value: {
              id,
              name,
              description: expect.any(String),
              mappingCreatedAt: expect.any(Number),
              mappingUpdatedAt: expect.any(Number),
            },
          })),
        },
      },
    },
  ])
  const [men, john] = flow.transformations[0].params.segmentSelectors.selectors
  expect(men.value.mappingUpdatedAt).toBe(men.value.mappingCreatedAt)
  expect(john.value.mappingCreatedAt).toBe(men.value.mappingCreatedAt)
})
