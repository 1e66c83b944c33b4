import { expect, test } from '@playwright/test'
import { api, createHttpApiAccount, FS } from './support/api'
import { openConsole } from './support/console'
import {
  button,
  connect,
  field,
  fill,
  newAccount,
  next,
  saveAndExit,
  saved,
  savedDestination,
  setUp,
  SPEC_IDS,
  steps,
} from './support/connect'

const bearerAccount = {
  name: 'Wizard account',
  description: 'Kept across steps',
  authType: 'Bearer token',
  fields: { 'Bearer token': 'wizard-token-0123456789' },
}

test('Back and Next keep what was entered on every step', async ({ page }) => {
  await setUp(page, 'HTTP API')
  await newAccount(page, bearerAccount)
  await connect(page)
  await next(page, 'Destination details')
  await fill(page, {
    Name: 'Wizard webhook',
    'HTTP Endpoint': 'https://hooks.example/wizard',
    Headers: 'x-team:growth',
  })
  await page.getByRole('switch', { name: 'Include Segment Names' }).check()
  await next(page, 'Marketing actions')
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Data Science', exact: true }) })
    .getByRole('checkbox')
    .check()

  await button(page, 'Back').click()
  await expect(page).toHaveURL(/\/details$/)
  await expect(field(page, 'Name')).toHaveValue('Wizard webhook')
  await expect(field(page, 'Headers')).toHaveValue('x-team:growth')
  await expect(page.getByRole('switch', { name: 'Include Segment Names' })).toBeChecked()

  await button(page, 'Back').click()
  await expect(page).toHaveURL(/\/authentication$/)
  await expect(field(page, 'Account name')).toHaveValue('Wizard account')
  await expect(field(page, 'Description')).toHaveValue('Kept across steps')
  await expect(page.getByRole('radio', { name: 'Bearer token', exact: true })).toBeChecked()
  await expect(field(page, 'Bearer token')).toHaveValue('wizard-token-0123456789')
  await expect(page.getByText('Connected', { exact: true })).toBeVisible()

  await steps(page).getByRole('button', { name: 'Marketing actions' }).click()
  await expect(
    page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Data Science', exact: true }) }),
  ).toHaveAttribute('aria-selected', 'true')
  await page.goBack()
  await expect(page).toHaveURL(/\/authentication$/)
  await page.goForward()
  await next(page, 'Alerts')
  await saveAndExit(page, 'Wizard webhook')
  const { flow } = await savedDestination(page)
  expect(flow.marketingActions).toEqual(['dataScience'])
})

test('a bad Headers string points at the bad entry and blocks Next', async ({ page }) => {
  await setUp(page, 'HTTP API')
  await newAccount(page, bearerAccount)
  await connect(page)
  await next(page, 'Destination details')
  await fill(page, {
    Name: 'Header checks',
    'HTTP Endpoint': 'https://hooks.example/headers',
    Headers: 'x-team:growth,x-env,Host:evil.example,x-team:again',
  })
  await button(page, 'Next').click()
  await expect(page).toHaveURL(/\/details$/)
  const headers = field(page, 'Headers')
  await expect(headers).toHaveAttribute('aria-invalid', 'true')
  await expect(headers).toBeFocused()
  await expect(headers).toHaveAccessibleDescription(/x-env has no value/)
  await expect(headers).toHaveAccessibleDescription(
    /Host cannot be set: it is a forbidden request header/,
  )
  await expect(headers).toHaveAccessibleDescription(/x-team appears more than once/)
  const preview = page.getByRole('region', { name: 'Request preview' })
  await expect(preview).toContainText('Headers: x-env has no value')

  await fill(page, { Headers: 'Authorization:Basic abc' })
  await expect(preview).toContainText(
    'Authorization cannot be set: the Bearer token authentication',
  )
  await fill(page, { Headers: 'x-team:growth, x-time: 12:30' })
  await expect(headers).not.toHaveAttribute('aria-invalid', 'true')
  await expect(preview.getByRole('row', { name: 'x-time' })).toContainText('12:30')
  await next(page, 'Marketing actions')
})

test('a deep link to a later step goes back to the first unfinished one', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page.goto(`/prod/destinations/connect/${SPEC_IDS.httpApi}/alerts`)
  await expect(page).toHaveURL(/\/authentication$/)
  await expect(page.getByRole('heading', { name: 'Authentication', level: 2 })).toBeVisible()

  await newAccount(page, { name: 'Deep link account', authType: 'None' })
  await connect(page)
  await page.goto(`/prod/destinations/connect/${SPEC_IDS.httpApi}/governance`)
  await expect(page).toHaveURL(/\/details$/)
  await expect(field(page, 'Name')).toHaveValue('')
  await page.goto(`/prod/destinations/connect/${SPEC_IDS.httpApi}`)
  await expect(page).toHaveURL(/\/authentication$/)
  await expect(field(page, 'Account name')).toHaveValue('Deep link account')
})

test('a reload keeps the draft but asks for secrets again', async ({ page }) => {
  await setUp(page, 'HTTP API')
  await newAccount(page, bearerAccount)
  await connect(page)
  await page.reload()
  await expect(field(page, 'Account name')).toHaveValue('Wizard account')
  await expect(field(page, 'Bearer token')).toHaveValue('')
  await expect(button(page, 'Next')).toBeDisabled()
})

test('Cancel asks before discarding the draft', async ({ page }) => {
  await setUp(page, 'HTTP API')
  await fill(page, { 'Account name': 'To be discarded' })
  await button(page, 'Cancel').click()
  const dialog = page.getByRole('alertdialog', { name: 'Discard this destination?' })
  await dialog.getByRole('button', { name: 'Keep editing' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(field(page, 'Account name')).toHaveValue('To be discarded')

  await button(page, 'Cancel').click()
  await dialog.getByRole('button', { name: 'Discard' }).click()
  await expect(page).toHaveURL(/\/prod\/destinations\/catalog$/)
  await page.goto(`/prod/destinations/connect/${SPEC_IDS.httpApi}`)
  await expect(field(page, 'Account name')).toHaveValue('')
})

test('an existing account is reused without asking for its credentials', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  const existing = await createHttpApiAccount(page, 'prod', 'Saved bearer account')
  await page.goto(`/prod/destinations/connect/${SPEC_IDS.httpApi}`)
  await page.getByRole('radio', { name: 'Existing account' }).check()
  await expect(button(page, 'Next')).toBeDisabled()
  const accounts = page.getByRole('grid', { name: 'Saved HTTP API accounts' })
  await accounts.getByRole('row', { name: /Saved bearer account/ }).click()
  await expect(accounts.getByRole('row', { name: /Saved bearer account/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(field(page, 'Bearer token')).toHaveCount(0)

  await next(page, 'Destination details')
  await fill(page, {
    Name: 'Reused account webhook',
    'HTTP Endpoint': 'https://hooks.example/reuse',
  })
  await expect(page.getByRole('region', { name: 'Request preview' })).toContainText('Bearer ••••••')
  await next(page, 'Marketing actions')
  await next(page, 'Alerts')
  await saveAndExit(page, 'Reused account webhook')

  const { account, target } = await savedDestination(page)
  expect(account.id).toBe(existing.body.id)
  expect(target.baseConnectionId).toBe(existing.body.id)
})

test('a failed save shows the API’s message on the step that caused it and leaves nothing behind', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  const existing = await createHttpApiAccount(page, 'prod', 'Soon deleted account')
  await page.goto(`/prod/destinations/connect/${SPEC_IDS.httpApi}`)
  await page.getByRole('radio', { name: 'Existing account' }).check()
  await page
    .getByRole('grid', { name: 'Saved HTTP API accounts' })
    .getByRole('row', { name: /Soon deleted account/ })
    .click()
  await next(page, 'Destination details')
  await fill(page, { Name: 'Orphan webhook', 'HTTP Endpoint': 'https://hooks.example/orphan' })
  await next(page, 'Marketing actions')
  await next(page, 'Alerts')
  const deleted = await api(page, 'DELETE', `${FS}/connections/${existing.body.id}`)
  expect(deleted.status).toBe(204)

  await button(page, 'Save & Exit').click()
  await expect(page).toHaveURL(/\/authentication$/)
  const alert = page.getByRole('alert').filter({ hasText: 'The destination was not saved' })
  await expect(alert).toContainText(`No base connection '${existing.body.id}' exists.`)
  await expect(
    page.getByText(`No base connection '${existing.body.id}' exists.`, { exact: true }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No saved accounts' })).toBeVisible()
  const { accounts, targets, flows } = await saved(page)
  expect([accounts, targets, flows]).toEqual([[], [], []])
})
