import { expect, test, type Page } from '@playwright/test'
import { AUDIENCES, createHttpDataflow } from './support/activate'
import { api } from './support/api'
import { openConsole } from './support/console'
import { findProfile, patchProfile } from './support/engine'

const IMG = '<img src=x onerror="window.__xss=1">'
const SCRIPT = '<script>window.__xss=1</script>'

/** Fails when markup of a user-written string became an element or ran. */
async function expectNoInjection(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('script', { hasText: '__xss' })).toHaveCount(0)
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
}

/** Opens `path`, waits for `text` to show literally, and checks nothing was injected. */
async function visit(page: Page, path: string, text: string) {
  await page.goto(path)
  await expect(page.getByText(text).first()).toBeVisible()
  await expectNoInjection(page)
}

test('markup in names, descriptions, PQL and profile attributes shows as text on every screen', async ({
  page,
}) => {
  // Nine screens, each loaded from scratch: twice a single journey's budget.
  test.setTimeout(120_000)
  await openConsole(page, '/prod/destinations/catalog')
  const audience = await api<{ id: string }>(page, 'POST', '/data/core/ups/segment/definitions', {
    body: {
      name: `Audience ${IMG}`,
      description: `About ${SCRIPT}`,
      expression: {
        type: 'PQL',
        format: 'pql/text',
        value: `person.name.lastName = "${SCRIPT}"`,
      },
    },
  })
  expect(audience.status).toBe(200)
  const { flowId } = await createHttpDataflow(page, {
    name: `Destination ${IMG}`,
    description: `Sends ${SCRIPT}`,
    audiences: [
      { id: audience.body.id, name: `Audience ${IMG}` },
      { id: AUDIENCES.john.id, name: AUDIENCES.john.name },
    ],
    attributes: ['person.name.lastName'],
    params: { headers: `x-note:${SCRIPT}` },
  })
  const john = await findProfile(page, 'John')
  await patchProfile(page, john.id, [
    { op: 'replace', path: '/attributes/person/name/lastName', value: SCRIPT },
  ])

  await page.goto('/prod/destinations/catalog')
  await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
  await expectNoInjection(page)
  await visit(page, '/prod/destinations/browse', `Destination ${IMG}`)
  await visit(page, `/prod/destinations/browse/${flowId}/activation`, `Audience ${IMG}`)
  await visit(page, `/prod/destinations/browse/${flowId}/exports`, SCRIPT)
  await visit(page, `/prod/destinations/browse/${flowId}/runs`, `Destination ${IMG}`)
  await visit(page, '/prod/destinations/accounts', `Destination ${IMG} account`)
  await visit(page, '/prod/audiences', `Audience ${IMG}`)
  await page.goto('/prod/profiles')
  await page
    .getByRole('searchbox', { name: 'Search by identity or name' })
    .fill(john.primaryIdentity?.id ?? '')
  await expect(page.getByRole('grid', { name: 'Profiles' }).getByText(SCRIPT)).toBeVisible()
  await expectNoInjection(page)
  await visit(page, `/prod/profiles/${john.id}`, SCRIPT)
})

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
