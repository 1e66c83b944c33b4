import { expect, type Page } from '@playwright/test'

/** Opens a console URL and waits until the in-browser backend has started and the page shows. */
export async function openConsole(page: Page, path = '/') {
  await page.goto(path)
  await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
}

/** The catalog card of a destination, found by its accessible name. */
export const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true })
