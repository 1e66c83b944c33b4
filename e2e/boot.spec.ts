import { expect, test } from '@playwright/test'

test('an unknown address shows a page-not-found message', async ({ page }) => {
  await page.goto('/prod/no-such-page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.goto('/staging/destinations')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('a second tab is told to use the first: one backend per browser at a time', async ({
  context,
}) => {
  const first = await context.newPage()
  await first.goto('/prod/destinations/catalog')
  await expect(first.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
  const second = await context.newPage()
  await second.goto('/prod/destinations/catalog')
  await expect(second.getByRole('alert')).toContainText('already open in another tab')
  await first.close()
  await second.reload()
  await expect(second.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
})
