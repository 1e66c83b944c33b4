import { AxeBuilder } from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/**
 * Page-level rules that cannot hold while a modal is open: React Aria's `ariaHideOutside` (used by
 * every React Spectrum Dialog and AlertDialog) sets `aria-hidden` on everything outside the modal,
 * the page's `main` landmark and level-1 heading included, as the ARIA modal pattern asks.
 */
const HIDDEN_BY_A_MODAL = ['landmark-one-main', 'page-has-heading-one']

/**
 * Runs axe-core on the page as it is now (every rule, best practices included) and records each
 * violation as a soft failure named after `context`, so one walk lists every screen's violations.
 * Legacy mode runs axe in the page in one call: the console has no frames, and the default mode's
 * cross-frame merge opens a blank page per run, seconds each on the 2-core machine.
 */
export async function expectNoViolations(
  page: Page,
  context: string,
  { modal = false }: { modal?: boolean } = {},
) {
  const builder = new AxeBuilder({ page }).setLegacyMode()
  if (modal) builder.disableRules(HIDDEN_BY_A_MODAL)
  const { violations } = await builder.analyze()
  expect
    .soft(
      violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
      context,
    )
    .toEqual([])
}
