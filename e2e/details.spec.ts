import { expect, test, type Page } from '@playwright/test'
import { AUDIENCES, createHttpDataflow, getFlow, tableRow } from './support/activate'
import { api, FS } from './support/api'
import { openConsole } from './support/console'

const rail = (page: Page) => page.getByRole('complementary', { name: 'Destination details' })

/** The value of a fact of the right rail (a `dd` labelled by its `dt`). */
const fact = (page: Page, label: string) =>
  rail(page)
    .getByRole('definition')
    .and(rail(page).getByLabel(label, { exact: true }))

/** A date as the console shows it. */
const shown = (ms: number) =>
  new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ms)

test.beforeEach(async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
})

test('the details page shows the destination in the right rail, and its tabs', async ({ page }) => {
  const { flowId } = await createHttpDataflow(page, {
    name: 'Acme webhook',
    description: 'Profiles for the CRM',
    marketingActions: ['exportToThirdParty', 'emailTargeting'],
  })
  await page.goto('/prod/destinations/browse')
  await page.getByRole('link', { name: 'Acme webhook', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}$`))
  await expect(page.getByRole('heading', { name: 'Acme webhook', level: 1 })).toBeVisible()

  await expect(fact(page, 'Destination name')).toContainText('Acme webhook')
  await expect(fact(page, 'Description')).toContainText('Profiles for the CRM')
  await expect(fact(page, 'Destination')).toHaveText('HTTP API')
  await expect(fact(page, 'Status')).toHaveText('Enabled')
  await expect(fact(page, 'Marketing actions')).toHaveText('Export to Third Party, Email Targeting')
  await expect(fact(page, 'Category')).toHaveText('Streaming')
  await expect(fact(page, 'Connection type')).toHaveText('Profile-based')
  await expect(fact(page, 'Frequency')).toHaveText('Streaming')
  await expect(fact(page, 'Created by')).not.toBeEmpty()
  await expect(fact(page, 'Created')).not.toBeEmpty()

  await expect(page.getByRole('tab', { name: 'Dataflow runs', selected: true })).toBeVisible()
  await expect(page.getByRole('grid', { name: 'Dataflow runs' })).toBeVisible()
  await expect(
    page.getByRole('grid', { name: 'Dataflow runs' }).getByRole('row').nth(1),
  ).toContainText('Processing')
  await page.getByRole('tab', { name: 'Exports' }).click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}/exports$`))
  await expect(page.getByRole('table', { name: 'Exported messages' })).toBeVisible()
  await expect(page.getByText(/No exported message yet/)).toBeVisible()
  await page.getByRole('tab', { name: 'Activation data' }).click()
  await expect(page.getByRole('heading', { name: 'No audiences activated' })).toBeVisible()
  await page
    .getByRole('tabpanel', { name: 'Activation data' })
    .getByRole('button', { name: 'Activate audiences' })
    .click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}/activate$`))
})

test('Destination name and Description are edited in place', async ({ page }) => {
  const { flowId } = await createHttpDataflow(page, { name: 'Acme webhook' })
  await page.goto(`/prod/destinations/browse/${flowId}`)

  await rail(page).getByRole('button', { name: 'Edit Destination name' }).click()
  const name = rail(page).getByRole('textbox', { name: 'Destination name' })
  await expect(name).toBeFocused()
  await name.fill('   ')
  await rail(page).getByRole('button', { name: 'Save' }).click()
  await expect(rail(page).getByText('Enter a name.')).toBeVisible()
  await name.press('Escape')
  await expect(name).toHaveCount(0)
  await expect(fact(page, 'Destination name')).toContainText('Acme webhook')

  await rail(page).getByRole('button', { name: 'Edit Destination name' }).click()
  await name.fill('Acme CRM webhook')
  await name.press('Enter')
  await expect(name).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Acme CRM webhook', level: 1 })).toBeVisible()
  await expect(fact(page, 'Destination name')).toContainText('Acme CRM webhook')

  await rail(page).getByRole('button', { name: 'Edit Description' }).click()
  await rail(page).getByRole('textbox', { name: 'Description' }).fill('Profiles for the CRM team')
  await rail(page).getByRole('button', { name: 'Save' }).click()
  await expect(fact(page, 'Description')).toContainText('Profiles for the CRM team')

  const flow = await getFlow(page, flowId)
  expect(flow.name).toBe('Acme CRM webhook')
  expect(flow.description).toBe('Profiles for the CRM team')

  await page.reload()
  await expect(fact(page, 'Destination name')).toContainText('Acme CRM webhook')
})

test('an in-place edit based on an old version is refused, not saved over', async ({ page }) => {
  const { flowId } = await createHttpDataflow(page, { name: 'Acme webhook' })
  await page.goto(`/prod/destinations/browse/${flowId}`)
  await rail(page).getByRole('button', { name: 'Edit Destination name' }).click()

  const current = await getFlow(page, flowId)
  await api(page, 'PATCH', `${FS}/flows/${flowId}`, {
    headers: { 'if-match': current.etag },
    body: [{ op: 'replace', path: '/name', value: 'Renamed elsewhere' }],
  })
  await rail(page).getByRole('textbox', { name: 'Destination name' }).fill('Mine')
  await rail(page).getByRole('button', { name: 'Save' }).click()
  await expect(rail(page).getByText('This destination changed since the page loaded')).toBeVisible()
  expect((await getFlow(page, flowId)).name).toBe('Renamed elsewhere')
  await rail(page).getByRole('button', { name: 'Cancel' }).click()
  await expect(fact(page, 'Destination name')).toContainText('Renamed elsewhere')
})

test('the Enabled toggle disables and enables the dataflow', async ({ page }) => {
  const { flowId } = await createHttpDataflow(page)
  await page.goto(`/prod/destinations/browse/${flowId}`)
  const enabled = rail(page).getByRole('switch', { name: 'Enabled' })
  await expect(enabled).toBeChecked()

  await enabled.click()
  await expect(page.getByText('Acme webhook is disabled: exports are paused.')).toBeVisible()
  await expect(enabled).not.toBeChecked()
  await expect(fact(page, 'Status')).toHaveText('Disabled')
  expect((await getFlow(page, flowId)).state).toBe('disabled')

  await page.goto('/prod/destinations/browse')
  await expect(
    tableRow(page.getByRole('grid', { name: 'Destination dataflows' }), 'Acme webhook').getByText(
      'Disabled',
    ),
  ).toBeVisible()

  await page.goto(`/prod/destinations/browse/${flowId}`)
  await enabled.click()
  await expect(enabled).toBeChecked()
  await expect(fact(page, 'Status')).toHaveText('Enabled')
  expect((await getFlow(page, flowId)).state).toBe('enabled')
})

test('Activation data lists the mapped audiences with their mapping dates and removes some', async ({
  page,
}) => {
  const { flowId } = await createHttpDataflow(page, {
    audiences: [AUDIENCES.john, AUDIENCES.menOver50, AUDIENCES.sciFi],
    attributes: ['personalEmail.address'],
  })
  const before = await getFlow(page, flowId)
  await page.goto(`/prod/destinations/browse/${flowId}/activation`)
  const table = page.getByRole('grid', { name: 'Activated audiences' })
  for (const column of ['Name', 'Audience ID', 'Mapping created', 'Mapping updated']) {
    await expect(table.getByRole('columnheader', { name: column })).toBeVisible()
  }
  await expect(table.getByRole('row')).toHaveCount(4)
  const created = before.transformations[0].params.segmentSelectors.selectors[0].value
  const john = tableRow(table, AUDIENCES.john.name)
  await expect(john.getByRole('gridcell').nth(2)).toHaveText(shown(created.mappingCreatedAt!))
  await expect(john.getByRole('gridcell').nth(3)).toHaveText(shown(created.mappingUpdatedAt!))
  await expect(page.getByRole('list', { name: 'Mapped attributes' })).toHaveText(
    'personalEmail.address',
  )

  await page.getByRole('searchbox', { name: 'Search audiences' }).fill('men')
  await expect(table.getByRole('row')).toHaveCount(2)
  const remove = page.getByRole('button', { name: 'Remove audiences' })
  await expect(remove).toBeDisabled()
  await tableRow(table, AUDIENCES.menOver50.name).getByRole('checkbox').click()
  await page.getByRole('searchbox', { name: 'Search audiences' }).clear()
  await tableRow(table, AUDIENCES.john.name).getByRole('checkbox').click()

  await remove.click()
  const confirm = page.getByRole('alertdialog', { name: 'Remove audiences?' })
  await expect(confirm).toContainText('Remove 2 audiences from Acme webhook?')
  await confirm.getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByText('2 audiences removed from Acme webhook.')).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(tableRow(table, AUDIENCES.sciFi.name)).toBeVisible()

  const after = await getFlow(page, flowId)
  expect(after.transformations[0].params.segmentSelectors.selectors).toEqual([
    before.transformations[0].params.segmentSelectors.selectors[2],
  ])
  expect(after.transformations[0].params.profileSelectors).toEqual(
    before.transformations[0].params.profileSelectors,
  )
})

test('Edit destination changes the destination details with the wizard validation', async ({
  page,
}) => {
  const { flowId, targetId } = await createHttpDataflow(page, {
    params: { headers: 'x-team:crm', queryParameters: 'source=aep' },
  })
  await page.goto(`/prod/destinations/browse/${flowId}`)
  await rail(page).getByRole('button', { name: 'Edit destination', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit destination' })
  const headers = dialog.getByRole('textbox', { name: 'Headers' })
  await expect(headers).toHaveValue('x-team:crm')
  await expect(dialog.getByRole('textbox', { name: 'Query parameters' })).toHaveValue('source=aep')

  await headers.fill('x-team:crm,Authorization:Basic abc')
  await dialog.getByRole('textbox', { name: 'HTTP Endpoint' }).fill('ftp://hooks.example')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText(/Authorization.*cannot be set/)).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'HTTP Endpoint' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )

  await headers.fill('x-team:crm,x-region:eu')
  await dialog.getByRole('textbox', { name: 'HTTP Endpoint' }).fill('https://crm.example/hook')
  await dialog.getByRole('switch', { name: 'Include Segment Names' }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByText('The destination details of Acme webhook were saved.')).toBeVisible()

  const target = await api<{ items: { params: Record<string, unknown> }[] }>(
    page,
    'GET',
    `${FS}/targetConnections/${targetId}`,
  )
  expect(target.body.items[0].params).toEqual({
    headers: 'x-team:crm,x-region:eu',
    httpEndpoint: 'https://crm.example/hook',
    queryParameters: 'source=aep',
    includeSegmentNames: true,
    includeSegmentTimestamps: false,
  })
})

test('Delete on the details page removes the destination and goes back to Browse', async ({
  page,
}) => {
  const { flowId } = await createHttpDataflow(page, { audiences: [AUDIENCES.john] })
  await page.goto(`/prod/destinations/browse/${flowId}`)
  await rail(page).getByRole('button', { name: 'Delete' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete destination?' })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(page).toHaveURL(/\/prod\/destinations\/browse$/)
  await expect(page.getByRole('heading', { name: 'No destinations yet' })).toBeVisible()
  expect((await api(page, 'GET', `${FS}/flows/${flowId}`)).status).toBe(404)

  await page.goto(`/prod/destinations/browse/${flowId}`)
  await expect(page.getByRole('heading', { name: 'Destination not found' })).toBeVisible()
})
