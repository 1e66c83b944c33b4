import { expect, test, type Locator } from '@playwright/test'
import { createHttpDataflow, tableRow } from './support/activate'
import { card, openConsole } from './support/console'

/** Whether the text of an element fits it, not cut off by its width. */
const fits = (locator: Locator) =>
  locator.evaluate((element) => element.scrollWidth <= element.clientWidth)

test.beforeEach(async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
})

test("Select destination shows each destination's account and whole column headers", async ({
  page,
}) => {
  await createHttpDataflow(page, { name: 'Loyalty webhook' })
  await page.reload()
  await card(page, 'HTTP API').getByRole('button', { name: 'Activate audiences' }).click()
  const destinations = page.getByRole('grid', { name: 'Destinations' })
  const row = tableRow(destinations, 'Loyalty webhook')
  await expect(row.getByRole('gridcell', { name: 'Loyalty webhook account' })).toBeVisible()
  const header = destinations.getByRole('columnheader', { name: 'Activated audiences' })
  expect(await fits(header)).toBe(true)
})

test('Browse shows the whole Status at 1440 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await createHttpDataflow(page, { name: 'Loyalty webhook' })
  await page.getByRole('tab', { name: 'Browse' }).click()
  const row = tableRow(page.getByRole('grid', { name: 'Destination dataflows' }), 'Loyalty webhook')
  const status = row.getByText('Enabled', { exact: true })
  await expect(status).toBeVisible()
  expect(await fits(status)).toBe(true)
})
