import { expect, type Page, test } from '@playwright/test'
import { api, FS } from './support/api'
import { chooseAction, openConsole } from './support/console'
import {
  button,
  createAccount,
  createDataflow,
  DEMO_OAUTH,
  SPEC_IDS,
  type SavedAccount,
} from './support/connect'

const bearer = (token = 'e2e-secret-token-123') => ({
  specName: 'Bearer token',
  params: { token },
})

const oauthPassword = {
  specName: 'OAuth 2 Password',
  params: {
    accessTokenUrl: DEMO_OAUTH['Access Token URL'],
    clientId: DEMO_OAUTH['Client ID'],
    clientSecret: DEMO_OAUTH['Client Secret'],
    username: 'demo-user',
    password: 'demo-password',
  },
}

async function openAccounts(page: Page) {
  await page.goto('/prod/destinations/accounts')
  await expect(page.getByRole('tab', { name: 'Accounts', selected: true })).toBeVisible()
  return page.getByRole('grid', { name: 'Accounts' })
}

const row = (page: Page, name: string) =>
  page
    .getByRole('grid', { name: 'Accounts' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })

async function rowAction(page: Page, name: string, action: string) {
  await chooseAction(
    page,
    row(page, name).getByRole('button', { name: `Actions for ${name}` }),
    action,
  )
}

const getAccount = async (page: Page, id: string) =>
  (await api<{ items: SavedAccount[] }>(page, 'GET', `${FS}/connections/${id}`)).body.items[0]

test('the Accounts tab lists every destination account with its type, user and dataflows', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  const used = await createAccount(page, 'Webhook bearer', SPEC_IDS.httpApi, bearer())
  await createAccount(page, 'Acme OAuth', SPEC_IDS.httpApi, oauthPassword)
  await createAccount(page, 'Kinesis prod', SPEC_IDS.kinesis, {
    specName: 'Aws Kinesis authentication credentials',
    params: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
    },
  })
  await createDataflow(page, used.id, 'Webhook one')
  await createDataflow(page, used.id, 'Webhook two')

  const table = await openAccounts(page)
  for (const column of [
    'Name',
    'Destination',
    'Connection Type',
    'Username',
    'Connections',
    'Authorization date',
  ]) {
    await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible()
  }
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(row(page, 'Webhook bearer')).toContainText('HTTP API')
  await expect(row(page, 'Webhook bearer')).toContainText('Bearer token')
  await expect(row(page, 'Webhook bearer').getByRole('gridcell').nth(4)).toHaveText('2')
  await expect(row(page, 'Acme OAuth')).toContainText('OAuth 2')
  await expect(row(page, 'Acme OAuth')).toContainText('demo-user')
  await expect(row(page, 'Kinesis prod')).toContainText('Access Key')
  await expect(row(page, 'Kinesis prod')).toContainText(/\w{3} \d{1,2}, \d{4}/)
  await expect(table).not.toContainText('Base connection to Experience Platform')

  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('kinesis')
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(row(page, 'Kinesis prod')).toBeVisible()
  await expect(page.getByText('1 account', { exact: true })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('nothing like this')
  await expect(page.getByRole('heading', { name: 'No accounts match' })).toBeVisible()
})

test('Edit details renames an account and replaces its bearer token', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  const created = await createAccount(page, 'Old name', SPEC_IDS.httpApi, bearer())
  const before = await getAccount(page, created.id)
  await openAccounts(page)
  await rowAction(page, 'Old name', 'Edit details')
  const dialog = page.getByRole('dialog', { name: 'Edit details' })
  await expect(dialog.getByRole('textbox', { name: 'Account name' })).toHaveValue('Old name')
  await dialog.getByRole('textbox', { name: 'Account name' }).fill('New name')
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Rotated token')
  await dialog.getByRole('switch', { name: 'Enter new credentials' }).check()
  await dialog.getByRole('textbox', { name: 'Bearer token' }).fill('rotated-token-456')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByText('The account New name was updated.')).toBeVisible()
  await expect(row(page, 'New name')).toBeVisible()

  const after = await getAccount(page, created.id)
  expect(after).toMatchObject({
    name: 'New name',
    description: 'Rotated token',
    auth: { specName: 'Bearer token', params: { token: '********' } },
  })
  expect(after.etag).not.toBe(before.etag)
})

test('Edit details checks new OAuth credentials and keeps the account when they are wrong', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  const created = await createAccount(page, 'Acme OAuth', SPEC_IDS.httpApi, oauthPassword)
  await openAccounts(page)
  await rowAction(page, 'Acme OAuth', 'Edit details')
  const dialog = page.getByRole('dialog', { name: 'Edit details' })
  await dialog.getByRole('textbox', { name: 'Account name' }).fill('Renamed OAuth')
  await dialog.getByRole('switch', { name: 'Enter new credentials' }).check()
  await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveValue('demo-user')
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue('demo-client')
  await expect(dialog.getByRole('textbox', { name: 'Client Secret' })).toHaveValue('')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Client Secret' })).toHaveAccessibleDescription(
    'Enter the client secret.',
  )
  await dialog.getByRole('textbox', { name: 'Client Secret' }).fill('wrong-secret')
  await dialog.getByRole('textbox', { name: 'Password' }).fill('demo-password')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toContainText(
    'The token server rejected the client ID or client secret (invalid_client).',
  )
  expect((await getAccount(page, created.id)).name).toBe('Acme OAuth')

  await dialog.getByRole('textbox', { name: 'Client Secret' }).fill('demo-secret')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  expect((await getAccount(page, created.id)).name).toBe('Renamed OAuth')
})

test('Delete removes an account no dataflow uses', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  const created = await createAccount(page, 'Unused account', SPEC_IDS.httpApi, bearer())
  await openAccounts(page)
  await rowAction(page, 'Unused account', 'Delete')
  const dialog = page.getByRole('dialog', { name: 'Delete account?' })
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByText('The account Unused account was deleted.')).toBeVisible()
  await expect(row(page, 'Unused account')).toHaveCount(0)
  const gone = await api(page, 'GET', `${FS}/connections/${created.id}`)
  expect(gone.status).toBe(404)
})

test('an account in use cannot be deleted', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  const used = await createAccount(page, 'Busy account', SPEC_IDS.httpApi, bearer())
  await createDataflow(page, used.id, 'Busy webhook')
  await openAccounts(page)
  await expect(row(page, 'Busy account').getByRole('gridcell').nth(4)).toHaveText('1')
  await rowAction(page, 'Busy account', 'Delete')
  const dialog = page.getByRole('dialog', { name: 'This account is in use' })
  await expect(dialog.getByRole('list', { name: 'Dataflows using this account' })).toHaveText(
    'Busy webhook',
  )
  await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  expect((await api(page, 'GET', `${FS}/connections/${used.id}`)).status).toBe(200)
})

test('the API’s refusal is shown when a dataflow started using the account meanwhile', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  const account = await createAccount(page, 'Quiet account', SPEC_IDS.httpApi, bearer())
  await openAccounts(page)
  await expect(row(page, 'Quiet account').getByRole('gridcell').nth(4)).toHaveText('0')
  await createDataflow(page, account.id, 'Late webhook')

  await rowAction(page, 'Quiet account', 'Delete')
  const dialog = page.getByRole('dialog', { name: 'Delete account?' })
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Connection in use')
  await expect(dialog.getByRole('alert')).toContainText(
    `Cannot delete base connection '${account.id}': it is used in flows`,
  )
  await button(page, 'Cancel').click()
  await expect(row(page, 'Quiet account').getByRole('gridcell').nth(4)).toHaveText('1')
})
