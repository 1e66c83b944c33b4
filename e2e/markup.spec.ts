import { expect, test, type Page } from '@playwright/test'
import { openConsole } from './support/console'

/** Collects the page's CSP violations, as `securitypolicyviolation` events and console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      violations.push(message.text())
    }
  })
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void })
        .reportViolation
      report(`${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  return violations
}

test('the console is served with a Content-Security-Policy and boots without violating it', async ({
  page,
}) => {
  const violations = await watchViolations(page)
  const response = await page.goto('/prod/destinations/catalog')
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-eval')
  expect(csp).toMatch(/script-src 'self';/)
  await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
  await openConsole(page, '/prod/destinations/browse')
  await page.goto('/prod/profiles')
  await expect(page.getByRole('grid', { name: 'Profiles' })).toBeVisible()
  expect(violations).toEqual([])
})
