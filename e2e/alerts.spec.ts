import { expect, test } from '@playwright/test'
import { ACTIVATION_SKIPPED_RATE_EXCEEDED } from '../contracts/destination-alerts'
import { AUDIENCES } from './support/activate'
import { api } from './support/api'
import { expectNoViolations } from './support/axe'
import { openConsole } from './support/console'
import { createActivatedDataflow, findProfile, patchProfile } from './support/engine'

test.beforeEach(async ({ page }) => {
  await openConsole(page, '/prod/destinations/browse')
})

test('a run skipping over 1% raises Activation Skipped Rate Exceeded under the bell, which opens the run', async ({
  page,
}) => {
  const john = await findProfile(page, 'John')
  const { flowId } = await createActivatedDataflow(page, {
    name: 'Skip watch',
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.firstName'],
    alerts: [ACTIVATION_SKIPPED_RATE_EXCEEDED],
  })
  const bell = page.getByRole('banner').getByRole('button', { name: /^Alerts/ })
  await expect(bell).toHaveAccessibleName('Alerts')
  await bell.click()
  const dialog = page.getByRole('dialog', { name: 'Alerts' })
  await expect(dialog.getByText(/^No alerts\./)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // An attribute the dataflow does not map: the update is excluded, one skipped identity.
  await patchProfile(page, john.id, [
    { op: 'add', path: '/attributes/favoriteGenre', value: 'noir' },
  ])
  await expect(bell).toHaveAccessibleName('Alerts, 1 unread')
  const alerts = await api<{ items: { runId: string; flowId: string }[] }>(
    page,
    'GET',
    '/demo/alerts',
  )
  expect(alerts.body.items.map((a) => a.flowId)).toEqual([flowId])
  const { runId } = alerts.body.items[0]

  await bell.click()
  const item = dialog.getByRole('listitem').filter({ hasText: 'Skip watch' })
  await expect(item).toContainText('Dataflow: Skip watch')
  await expect(item).toContainText(/Skipped rate [\d.]+% \(1 of \d+ profiles received\)/)
  await expect(item.getByText('New')).toBeVisible()
  await expectNoViolations(page, 'the alerts popover', { modal: true })
  await item.getByRole('link', { name: 'Activation Skipped Rate Exceeded' }).click()

  await expect(page).toHaveURL(`/prod/destinations/browse/${flowId}/runs?run=${runId}`)
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('tab', { name: 'Dataflow runs', selected: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Dataflow run errors' })).toBeVisible()
  await expect(page.getByText(`Run ${runId}`)).toBeVisible()
  await page.getByRole('switch', { name: 'Identities excluded' }).click()
  await expect(page.getByRole('grid', { name: 'Excluded identities' })).toContainText(
    'ACTIVATION-0001-SKIP',
  )
  await expect(bell).toHaveAccessibleName('Alerts')
})
