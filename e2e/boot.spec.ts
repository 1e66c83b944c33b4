import { expect, test } from '@playwright/test'

test('an unknown address shows a page-not-found message', async ({ page }) => {
  await page.goto('/prod/no-such-page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.goto('/staging/destinations')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})
