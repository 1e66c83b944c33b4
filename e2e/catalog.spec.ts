import { expect, test } from '@playwright/test'
import { api, createHttpApiAccount, FS } from './support/api'
import { card, openConsole, pick } from './support/console'

const ALL = [
  'HTTP API',
  'Amazon Kinesis',
  'Azure Event Hubs',
  'Amazon S3',
  'SFTP',
  'Adobe Campaign',
]

test('the catalog loads from the in-browser backend', async ({ page }) => {
  await openConsole(page)
  await expect(page).toHaveURL(/\/prod\/destinations\/catalog$/)
  await expect(page.getByRole('tab', { name: 'Catalog', selected: true })).toBeVisible()
  for (const name of ALL) {
    await expect(card(page, name)).toBeVisible()
    await expect(card(page, name).getByRole('button', { name: 'Set up' })).toBeVisible()
  }
  await expect(page.getByText('6 destinations')).toBeVisible()
})

test('categories and search narrow the cards', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  const emailMarketing = page.getByRole('checkbox', { name: /Email marketing/ })
  await emailMarketing.click()
  await expect(emailMarketing).toBeChecked()
  await expect(card(page, 'Adobe Campaign')).toBeVisible()
  await expect(card(page, 'HTTP API')).toHaveCount(0)
  await expect(page.getByText('1 destination', { exact: true })).toBeVisible()

  await emailMarketing.click()
  await expect(emailMarketing).not.toBeChecked()
  await expect(page.getByText('6 destinations')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search destinations' }).fill('kinesis')
  await expect(card(page, 'Amazon Kinesis')).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(1)

  await page.getByRole('searchbox', { name: 'Search destinations' }).fill('no such destination')
  await expect(page.getByRole('heading', { name: 'No destinations match' })).toBeVisible()
})

test('a card opens the right rail with its details', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await card(page, 'Azure Event Hubs')
    .getByRole('button', { name: 'Azure Event Hubs details' })
    .click()
  const rail = page.getByRole('complementary', { name: 'Azure Event Hubs details' })
  await expect(rail).toBeVisible()
  await expect(rail.getByText('Cloud storage')).toBeVisible()
  await expect(rail.getByRole('button', { name: 'Set up' })).toBeVisible()
  await rail.getByRole('button', { name: 'Close details' }).click()
  await expect(rail).toHaveCount(0)
})

test('a connection created through the API turns Set up into Activate audiences, and survives a reload', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  const created = await createHttpApiAccount(page)
  expect(created.status).toBe(201)
  await page.reload()
  const http = card(page, 'HTTP API')
  await expect(http.getByRole('button', { name: 'Activate audiences' })).toBeVisible()
  await expect(card(page, 'Amazon Kinesis').getByRole('button', { name: 'Set up' })).toBeVisible()

  await page.getByRole('radio', { name: 'My destinations' }).click()
  await expect(page.getByRole('article')).toHaveCount(1)
  await expect(http).toBeVisible()

  await page.reload()
  await expect(http.getByRole('button', { name: 'Activate audiences' })).toBeVisible()
  const listed = await api<{ items: { id: string }[] }>(page, 'GET', `${FS}/connections`)
  expect(listed.body.items.map((c) => c.id)).toEqual([created.body.id])
})

test('the sandbox switcher isolates data', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await createHttpApiAccount(page, 'prod')
  await page.reload()
  await expect(
    card(page, 'HTTP API').getByRole('button', { name: 'Activate audiences' }),
  ).toBeVisible()

  await pick(page, /Sandbox/, 'Dev (Development)')
  await expect(page).toHaveURL(/\/dev\/destinations\/catalog/)
  await expect(card(page, 'HTTP API').getByRole('button', { name: 'Set up' })).toBeVisible()

  await pick(page, /Sandbox/, 'Prod (Production)')
  await expect(
    card(page, 'HTTP API').getByRole('button', { name: 'Activate audiences' }),
  ).toBeVisible()
})

test('Reset demo data restores the seed of the current sandbox', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await createHttpApiAccount(page, 'prod')
  await createHttpApiAccount(page, 'dev')
  await page.reload()
  await expect(
    card(page, 'HTTP API').getByRole('button', { name: 'Activate audiences' }),
  ).toBeVisible()

  await page.getByRole('button', { name: 'Reset demo data' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Reset demo data?' })
  await dialog.getByRole('button', { name: 'Reset' }).click()
  await expect(page.getByText('The demo data of the prod sandbox was restored.')).toBeVisible()
  await expect(card(page, 'HTTP API').getByRole('button', { name: 'Set up' })).toBeVisible()
  const dev = await api<{ items: unknown[] }>(page, 'GET', `${FS}/connections`, { sandbox: 'dev' })
  expect(dev.body.items).toHaveLength(1)
})

test('the Browse and Accounts tabs open at their own URLs', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page.getByRole('tab', { name: 'Browse' }).click()
  await expect(page).toHaveURL(/\/prod\/destinations\/browse$/)
  await expect(page.getByRole('heading', { name: 'No destinations yet' })).toBeVisible()
  await page.getByRole('tab', { name: 'Accounts' }).click()
  await expect(page).toHaveURL(/\/prod\/destinations\/accounts$/)
})
