import { expect, type Page } from '@playwright/test'

/** Opens a console URL and waits until the in-browser backend has started and the page shows. */
export async function openConsole(page: Page, path = '/') {
  await page.goto(path)
  await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
}

/** The catalog card of a destination, found by its accessible name. */
export const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true })

/**
 * Chooses an option of the picker whose accessible name matches `label`. On a loaded machine a
 * click can land while the popover is still opening and be lost, leaving the popover open and the
 * page behind it inert: the whole choice is tried again until the picker shows the option.
 */
export async function pick(page: Page, label: RegExp, option: string) {
  const picker = page.getByRole('button', { name: label }).and(page.locator('[aria-haspopup]'))
  await expect(async () => {
    if ((await picker.getAttribute('aria-expanded')) !== 'true') {
      await picker.click({ timeout: 2_000 })
    }
    const choice = page.getByRole('listbox').getByRole('option', { name: option, exact: true })
    await choice.click({ timeout: 2_000 })
    await expect(choice).toHaveCount(0, { timeout: 2_000 })
    await expect(picker).toContainText(option, { timeout: 2_000 })
  }).toPass()
}
