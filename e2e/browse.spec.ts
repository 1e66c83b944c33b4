import { expect, test, type Page } from '@playwright/test'
import { AUDIENCES, createHttpDataflow, getFlow, tableRow } from './support/activate'
import { api, FS } from './support/api'
import { chooseAction, openConsole, pick } from './support/console'

const dataflows = (page: Page) => page.getByRole('grid', { name: 'Destination dataflows' })

/** The names in the Name column, top to bottom. */
const names = (page: Page) => dataflows(page).getByRole('rowheader').getByRole('link')

const loyaltyActions = (page: Page) =>
  page.getByRole('button', { name: 'Actions for Loyalty webhook' })

/** Three dataflows created one after the other: Zephyr (disabled), Acme, Loyalty. */
async function seedDataflows(page: Page) {
  const zephyr = await createHttpDataflow(page, {
    name: 'Zephyr CRM',
    state: 'disabled',
    audiences: [AUDIENCES.john],
  })
  const acme = await createHttpDataflow(page, {
    name: 'Acme webhook',
    audiences: [AUDIENCES.john, AUDIENCES.menOver50, AUDIENCES.sciFi],
  })
  const loyalty = await createHttpDataflow(page, { name: 'Loyalty webhook' })
  return { zephyr, acme, loyalty }
}

test.beforeEach(async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
})

test('Browse lists the dataflows with AEP columns, newest first', async ({ page }) => {
  const { acme } = await seedDataflows(page)
  await page.getByRole('tab', { name: 'Browse' }).click()
  await expect(page).toHaveURL(/\/prod\/destinations\/browse$/)
  for (const column of [
    'Name',
    'Destination',
    'Status',
    'Activation Data',
    'Last Dataflow Run Status',
    'Last Dataflow Run Date',
    'Created',
    'Modified',
  ]) {
    await expect(
      dataflows(page).getByRole('columnheader', { name: column, exact: true }),
    ).toBeVisible()
  }
  await expect(names(page)).toHaveText(['Loyalty webhook', 'Acme webhook', 'Zephyr CRM'])
  const row = tableRow(dataflows(page), 'Acme webhook')
  await expect(row.getByRole('gridcell', { name: 'HTTP API' })).toBeVisible()
  await expect(row.getByRole('gridcell', { name: 'Enabled' })).toBeVisible()
  await expect(tableRow(dataflows(page), 'Zephyr CRM').getByText('Disabled')).toBeVisible()

  await row.getByRole('link', { name: '3 audiences activated to Acme webhook' }).click()
  await expect(page).toHaveURL(new RegExp(`/browse/${acme.flowId}/activation$`))
  await expect(page.getByRole('tab', { name: 'Activation data', selected: true })).toBeVisible()
})

test('search as you type, the status filter and sorting narrow and order the table', async ({
  page,
}) => {
  await seedDataflows(page)
  await page.goto('/prod/destinations/browse')
  const search = page.getByRole('searchbox', { name: 'Search dataflows' })

  await search.pressSequentially('webh')
  await expect(names(page)).toHaveText(['Loyalty webhook', 'Acme webhook'])
  await search.pressSequentially('ook loy')
  await expect(names(page)).toHaveText(['Loyalty webhook'])
  await expect(page.getByText('1 dataflow', { exact: true })).toBeVisible()
  await search.fill('no such dataflow')
  await expect(page.getByRole('heading', { name: 'No dataflows match' })).toBeVisible()
  await search.clear()

  await pick(page, /Status/, 'Disabled')
  await expect(names(page)).toHaveText(['Zephyr CRM'])
  await pick(page, /Status/, 'Enabled')
  await expect(names(page)).toHaveText(['Loyalty webhook', 'Acme webhook'])
  await expect(page).toHaveURL(/status=enabled/)
  await pick(page, /Status/, 'All')
  await expect(names(page)).toHaveCount(3)

  const header = (name: string) => dataflows(page).getByRole('columnheader', { name, exact: true })
  await header('Name').click()
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending')
  await expect(names(page)).toHaveText(['Acme webhook', 'Loyalty webhook', 'Zephyr CRM'])
  await header('Name').click()
  await expect(header('Name')).toHaveAttribute('aria-sort', 'descending')
  await expect(names(page)).toHaveText(['Zephyr CRM', 'Loyalty webhook', 'Acme webhook'])
  await header('Activation Data').click()
  await expect(names(page)).toHaveText(['Loyalty webhook', 'Zephyr CRM', 'Acme webhook'])
  await header('Created').click()
  await expect(names(page)).toHaveText(['Zephyr CRM', 'Acme webhook', 'Loyalty webhook'])

  await page.reload()
  await expect(header('Created')).toHaveAttribute('aria-sort', 'ascending')
  await expect(names(page)).toHaveText(['Zephyr CRM', 'Acme webhook', 'Loyalty webhook'])
})

test('Delete from the row menu asks first, then unmaps the audiences and removes the dataflow', async ({
  page,
}) => {
  const { acme, loyalty } = await seedDataflows(page)
  await page.goto('/prod/destinations/browse')
  const menu = page.getByRole('button', { name: 'Actions for Acme webhook' })

  await chooseAction(page, menu, 'Delete')
  const confirm = page.getByRole('alertdialog', { name: 'Delete destination?' })
  await expect(confirm).toContainText('unmaps all of its activated audiences')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(names(page)).toHaveCount(3)

  await chooseAction(page, menu, 'Delete')
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByText('Acme webhook was deleted.')).toBeVisible()
  await expect(names(page)).toHaveText(['Loyalty webhook', 'Zephyr CRM'])

  const gone = await api(page, 'GET', `${FS}/flows/${acme.flowId}`)
  expect(gone.status).toBe(404)
  const target = await api(page, 'GET', `${FS}/targetConnections/${acme.targetId}`)
  expect(target.status).toBe(404)
  expect((await getFlow(page, loyalty.flowId)).name).toBe('Loyalty webhook')

  await page.reload()
  await expect(names(page)).toHaveText(['Loyalty webhook', 'Zephyr CRM'])
})

test('the row menu opens the activation workflow and Edit destination', async ({ page }) => {
  const { loyalty } = await seedDataflows(page)
  await page.goto('/prod/destinations/browse')

  await chooseAction(page, loyaltyActions(page), 'Edit destination')
  const dialog = page.getByRole('dialog', { name: 'Edit destination' })
  const endpoint = dialog.getByRole('textbox', { name: 'HTTP Endpoint' })
  await expect(endpoint).toHaveValue('https://hooks.example/profiles')
  await endpoint.fill('https://loyalty.example/v2/profiles')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  const target = await api<{ items: { params: { httpEndpoint: string } }[] }>(
    page,
    'GET',
    `${FS}/targetConnections/${loyalty.targetId}`,
  )
  expect(target.body.items[0].params.httpEndpoint).toBe('https://loyalty.example/v2/profiles')

  await chooseAction(page, loyaltyActions(page), 'Activate audiences')
  await expect(page).toHaveURL(new RegExp(`/browse/${loyalty.flowId}/activate$`))
  await expect(page.getByRole('heading', { name: 'Activate destination' })).toBeVisible()
})
