import { expect, test } from '@playwright/test'
import { openConsole } from './support/console'

test('create an audience from PQL; a syntax error names its position at the field', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audiences' })
    .click()
  await expect(page.getByRole('heading', { name: 'Audiences', level: 1 })).toBeVisible()
  const table = page.getByRole('grid', { name: 'Audiences' })
  await expect(table.getByRole('row', { name: /First name equals John/ })).toBeVisible()

  await page.getByRole('button', { name: 'Create audience' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create audience' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Platinum members')
  const pql = dialog.getByRole('textbox', { name: 'PQL expression' })
  await pql.fill('loyalty.tier = ')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog.getByText(/at position \d+/)).toBeVisible()
  await expect(pql).toHaveValue('loyalty.tier = ')

  await pql.fill('loyalty.tier = "platinum"')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog).toHaveCount(0)
  const row = table.getByRole('row', { name: /Platinum members/ })
  await expect(row).toBeVisible()
  await expect(row).toContainText('loyalty.tier = "platinum"')
  await expect(
    page.getByText(/Audience "Platinum members" created: \d+ profiles qualify/),
  ).toBeVisible()
})
