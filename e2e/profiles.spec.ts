import { expect, test } from '@playwright/test'
import { openConsole } from './support/console'

test('find a profile, edit an attribute, add and remove an identity', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profiles' })
    .click()
  await page.getByRole('searchbox', { name: 'Search by identity or name' }).fill('John')
  const table = page.getByRole('grid', { name: 'Profiles' })
  await expect(table.getByRole('row').nth(1)).toContainText('John')
  await table.getByRole('row').nth(1).getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('John')

  await page.getByRole('button', { name: 'Edit person.name.firstName' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit attribute' })
  await dialog.getByRole('textbox', { name: 'Value' }).fill('Marty')
  await dialog.getByRole('button', { name: 'Save' }).click()
  const result = page.getByText('Update evaluated')
  await expect(result).toBeVisible()
  await expect(page.getByText(/First name equals John realized → exited/)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Marty')
  const memberships = page.getByRole('grid', { name: 'Audience membership' })
  await expect(memberships.getByRole('row', { name: /First name equals John/ })).toContainText(
    'exited',
  )

  // Typing opens the namespace list, which hides the rest of the page until it closes: leave the
  // field with Tab, as a user would, before the value field is looked for.
  const namespace = page.getByRole('combobox', { name: 'Identity namespace' })
  await namespace.fill('crmId')
  await namespace.press('Tab')
  await page.getByRole('textbox', { name: 'Identity value' }).fill('crm-0042')
  await page.getByRole('button', { name: 'Add identity' }).click()
  const identities = page.getByRole('grid', { name: 'Identities' })
  await expect(identities.getByRole('row').filter({ hasText: 'crm-0042' })).toBeVisible()
  await page.getByRole('button', { name: 'Remove identity crmId crm-0042' }).click()
  await expect(identities.getByRole('row').filter({ hasText: 'crm-0042' })).toHaveCount(0)
})

test('generate traffic: seeded updates at a chosen rate, with progress', async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page.goto('/prod/profiles')
  const traffic = page.getByRole('form', { name: 'Generate traffic' })
  await traffic.getByRole('textbox', { name: 'Updates per second' }).fill('50')
  await traffic.getByRole('textbox', { name: 'Duration (seconds)' }).fill('2')
  await traffic.getByRole('button', { name: 'Start traffic' }).click()
  await expect(page.getByRole('meter', { name: /Last run completed/ })).toBeVisible({
    timeout: 15_000,
  })
  await expect(page.getByText(/100 of 100/)).toBeVisible()
})

test('attribute and identity input the schema refuses is flagged at the field', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page.goto('/prod/profiles')
  await page.getByRole('searchbox', { name: 'Search by identity or name' }).fill('John')
  const table = page.getByRole('grid', { name: 'Profiles' })
  await expect(table.getByRole('row').nth(1)).toContainText('John')
  await table.getByRole('row').nth(1).getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('John')

  await page.getByRole('button', { name: 'Add attribute' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add attribute' })
  await dialog.getByRole('textbox', { name: 'Attribute path' }).fill('person')
  await dialog.getByRole('textbox', { name: 'Value' }).fill('flat')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText('person must be an object with its own fields.')).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Attribute path' }).fill('homeAddress.city.zip')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(
    dialog.getByText(
      'homeAddress.city holds a single value: homeAddress.city.zip cannot be written.',
    ),
  ).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('John')

  const identities = page.getByRole('form', { name: 'Add identity' })
  await identities.getByRole('combobox', { name: 'Identity namespace' }).fill('ecid')
  await identities.getByRole('combobox', { name: 'Identity namespace' }).press('Tab')
  await identities.getByRole('textbox', { name: 'Identity value' }).fill('xyz')
  await identities.getByRole('button', { name: 'Add identity' }).click()
  await expect(identities.getByText('An ECID is 38 digits.')).toBeVisible()

  await identities.getByRole('combobox', { name: 'Identity namespace' }).fill('email')
  await identities.getByRole('combobox', { name: 'Identity namespace' }).press('Tab')
  await identities.getByRole('textbox', { name: 'Identity value' }).fill('marty@example.com')
  await identities.getByRole('button', { name: 'Add identity' }).click()
  const list = page.getByRole('grid', { name: 'Identities' })
  await expect(list.getByRole('row').filter({ hasText: 'marty@example.com' })).toHaveCount(1)
  await identities.getByRole('textbox', { name: 'Identity value' }).fill('marty@example.com')
  await identities.getByRole('button', { name: 'Add identity' }).click()
  await expect(
    identities.getByText('The profile already has the email identity marty@example.com.'),
  ).toBeVisible()
  await expect(list.getByRole('row').filter({ hasText: 'marty@example.com' })).toHaveCount(1)
})

test('a reload during generated traffic shows the run as interrupted, with what it sent', async ({
  page,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  await page.goto('/prod/profiles')
  const traffic = page.getByRole('form', { name: 'Generate traffic' })
  await traffic.getByRole('textbox', { name: 'Updates per second' }).fill('20')
  await traffic.getByRole('textbox', { name: 'Duration (seconds)' }).fill('30')
  await traffic.getByRole('button', { name: 'Start traffic' }).click()
  await expect(page.getByRole('meter', { name: 'Sending updates' })).toHaveAttribute(
    'aria-valuetext',
    /^[1-9]\d* of 600$/,
  )
  await page.reload()
  await expect(page.getByRole('meter', { name: 'Last run interrupted' })).toBeVisible()
  await expect(page.getByText('The page was reloaded or closed while it ran')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start traffic' })).toBeEnabled()
})
