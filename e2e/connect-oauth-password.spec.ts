import { expect, test } from '@playwright/test'
import {
  button,
  connect,
  DEMO_OAUTH,
  field,
  fill,
  newAccount,
  next,
  saveAndExit,
  savedDestination,
  setUp,
} from './support/connect'

test('HTTP API with OAuth 2 Password: a wrong password is refused, the right one connects', async ({
  page,
}) => {
  await setUp(page, 'HTTP API')
  await newAccount(page, {
    name: 'Password OAuth account',
    authType: 'OAuth 2 Password',
    fields: { ...DEMO_OAUTH, Username: 'demo-user', Password: 'not-the-password' },
  })
  await button(page, 'Connect to destination').click()
  const error = page.getByRole('alert').filter({ hasText: 'Credentials rejected' })
  await expect(error).toContainText(
    'The token server rejected the username or password (invalid_grant).',
  )
  await expect(field(page, 'Password')).toHaveValue('not-the-password')
  await expect(field(page, 'Username')).toHaveValue('demo-user')
  await expect(button(page, 'Next')).toBeDisabled()
  await expect(page).toHaveURL(/\/authentication$/)

  await fill(page, { Password: 'demo-password' })
  await connect(page)
  await expect(page.getByText(/auth\.example issued a Bearer token/)).toBeVisible()

  await next(page, 'Destination details')
  await fill(page, { Name: 'Password webhook', 'HTTP Endpoint': 'https://hooks.example/password' })
  await expect(page.getByRole('region', { name: 'Request preview' })).toContainText(
    'Bearer {ACCESS_TOKEN}',
  )
  await next(page, 'Marketing actions')
  await next(page, 'Alerts')
  await saveAndExit(page, 'Password webhook')

  const { account } = await savedDestination(page)
  expect(account.auth).toEqual({
    specName: 'OAuth 2 Password',
    params: {
      accessTokenUrl: 'https://auth.example/oauth/token',
      clientId: 'demo-client',
      clientSecret: '********',
      username: 'demo-user',
      password: '********',
      authorizedDate: expect.any(String),
    },
  })
})
