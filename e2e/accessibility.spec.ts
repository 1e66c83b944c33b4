import { expect, test } from '@playwright/test'
import { AUDIENCES, addField, createHttpDataflow, stepHeading } from './support/activate'
import { expectNoViolations } from './support/axe'
import { button, connect, newAccount, next, setUp } from './support/connect'
import { card, chooseAction, openConsole } from './support/console'
import { createActivatedDataflow, openExports } from './support/engine'

test('catalog with its card rail, Browse with the delete confirmation, Accounts and Audiences', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  await createActivatedDataflow(page, {
    name: 'Axe webhook',
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.firstName'],
  })
  await expect(card(page, 'HTTP API')).toBeVisible()
  await expectNoViolations(page, 'catalog')
  await card(page, 'HTTP API').getByRole('button', { name: 'HTTP API details' }).click()
  await expect(page.getByRole('complementary', { name: 'HTTP API details' })).toBeVisible()
  await expectNoViolations(page, 'catalog with the card rail')

  await page.goto('/prod/destinations/browse')
  const menu = page.getByRole('button', { name: 'Actions for Axe webhook' })
  await expect(menu).toBeVisible()
  await expectNoViolations(page, 'Browse')
  await chooseAction(page, menu, 'Delete')
  const confirm = page.getByRole('alertdialog', { name: 'Delete destination?' })
  await expect(confirm).toBeVisible()
  await expectNoViolations(page, 'delete confirmation', { modal: true })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toHaveCount(0)

  await page.goto('/prod/destinations/accounts')
  await expect(page.getByText('Axe webhook account')).toBeVisible()
  await expectNoViolations(page, 'Accounts')

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audiences' })
    .click()
  await expect(page.getByText(AUDIENCES.john.name).first()).toBeVisible()
  await expectNoViolations(page, 'Audiences')
})

test('Profiles, a profile with the add identity form, and the not-found page', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profiles' })
    .click()
  const profiles = page.getByRole('grid', { name: 'Profiles' })
  await expect(profiles.getByRole('row').nth(1)).toBeVisible()
  await expectNoViolations(page, 'Profiles')
  await profiles.getByRole('row').nth(1).getByRole('link').click()
  await expect(page.getByRole('form', { name: 'Add identity' })).toBeVisible()
  await expectNoViolations(page, 'a profile with the add identity form')

  await page.goto('/prod/nowhere')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expectNoViolations(page, 'not-found page')
})

test('connect wizard for HTTP API: every step', async ({ page }) => {
  await setUp(page, 'HTTP API')
  await expectNoViolations(page, 'connect: Authentication')
  await newAccount(page, {
    name: 'Axe account',
    authType: 'Bearer token',
    fields: { 'Bearer token': 'e2e-secret-token-123' },
  })
  await connect(page)
  await expectNoViolations(page, 'connect: Authentication, connected')
  await next(page, 'Destination details')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Axe destination')
  await page
    .getByRole('textbox', { name: 'HTTP Endpoint', exact: true })
    .fill('https://hooks.example/axe')
  await expectNoViolations(page, 'connect: Destination details')
  await next(page, 'Marketing actions')
  await expectNoViolations(page, 'connect: Marketing actions')
  await next(page, 'Alerts')
  await expect(button(page, 'Save & Exit')).toBeVisible()
  await expectNoViolations(page, 'connect: Alerts')
})

test('destination details tabs, with an export open', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  const { flowId } = await createActivatedDataflow(page, {
    name: 'Axe details',
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.firstName'],
  })
  await openExports(page, flowId)
  const rows = page.getByRole('table', { name: 'Exported messages' }).getByRole('row')
  await expect(rows.nth(1)).toBeVisible()
  await expectNoViolations(page, 'details: Exports')
  await rows.nth(1).click()
  await expect(page.getByRole('region', { name: /^Message \d+$/ })).toBeVisible()
  await expectNoViolations(page, 'details: Exports with an export open')

  await page.getByRole('tab', { name: 'Dataflow runs' }).click()
  await expect(
    page.getByRole('grid', { name: 'Dataflow runs' }).getByRole('row').nth(1),
  ).toBeVisible()
  await expectNoViolations(page, 'details: Dataflow runs')
  await page.getByRole('tab', { name: 'Activation data' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Activation data' })).toContainText(
    AUDIENCES.john.name,
  )
  await expectNoViolations(page, 'details: Activation data')
})

test('activation wizard: Select audiences, Mapping with Select field open, Review', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  const { flowId } = await createHttpDataflow(page, { audiences: [AUDIENCES.john] })
  await page.goto(`/prod/destinations/browse/${flowId}/activate`)
  await expect(stepHeading(page, 'Select audiences')).toBeVisible()
  await expect(page.getByRole('grid', { name: 'Audiences' }).getByRole('row').nth(1)).toBeVisible()
  await expectNoViolations(page, 'activate: Select audiences')
  await next(page, 'Select attributes')
  await expectNoViolations(page, 'activate: Mapping')
  await page.getByRole('button', { name: 'Add new field' }).click()
  const dialog = page.getByRole('dialog', { name: 'Select field' })
  await expect(dialog.getByRole('searchbox', { name: 'Search fields' })).toBeVisible()
  await expectNoViolations(page, 'activate: Mapping with Select field open', { modal: true })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await addField(page, 'person.name.lastName')
  await next(page, 'Review')
  await expectNoViolations(page, 'activate: Review')
})
