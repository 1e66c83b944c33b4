import { expect, type Locator, type Page } from '@playwright/test'

/** Opens a console URL and waits until the in-browser backend has started and the page shows. */
export async function openConsole(page: Page, path = '/') {
  await page.goto(path)
  await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
}

/** The catalog card of a destination, found by its accessible name. */
export const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true })

/**
 * Opens the menu or listbox of `trigger` and chooses the item named `name`. On a loaded machine a
 * click can land while the popover is still opening and be lost, leaving the popover open and the
 * page behind it inert: the choice is tried again while the item is still there.
 */
async function chooseFrom(page: Page, trigger: Locator, role: 'option' | 'menuitem', name: string) {
  const item = page.getByRole(role, { name, exact: true })
  await expect(async () => {
    if ((await trigger.getAttribute('aria-expanded')) !== 'true') {
      await trigger.click({ timeout: 2_000 })
    }
    await item.click({ timeout: 2_000 })
    await expect(item).toHaveCount(0, { timeout: 2_000 })
  }).toPass()
}

/** Chooses an option of the picker whose accessible name matches `label`. */
export async function pick(page: Page, label: RegExp, option: string) {
  const picker = page.getByRole('button', { name: label }).and(page.locator('[aria-haspopup]'))
  await chooseFrom(page, picker, 'option', option)
  await expect(picker).toContainText(option)
}

/** Chooses an item of the actions menu that `trigger` opens. */
export const chooseAction = (page: Page, trigger: Locator, item: string) =>
  chooseFrom(page, trigger, 'menuitem', item)
