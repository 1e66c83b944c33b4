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
  steps,
} from './support/connect'

test('HTTP API with OAuth 2 Client Credentials: a wrong client secret shows the error and does not advance', async ({
  page,
}) => {
  await setUp(page, 'HTTP API')
  await newAccount(page, {
    name: 'Client credentials account',
    authType: 'OAuth 2 Client Credentials',
    fields: { ...DEMO_OAUTH, 'Client Secret': 'wrong-secret' },
  })
  const type = page.getByRole('radiogroup', { name: /Client Credentials Type/ })
  await type.getByRole('radio', { name: 'Body Form Encoded' }).check()
  await button(page, 'Connect to destination').click()
  await expect(page.getByRole('alert').filter({ hasText: 'Credentials rejected' })).toContainText(
    'The token server rejected the client ID or client secret (invalid_client).',
  )
  await expect(field(page, 'Client Secret')).toHaveValue('wrong-secret')
  await expect(button(page, 'Next')).toBeDisabled()
  await expect(steps(page).getByRole('button', { name: 'Destination details' })).toHaveCount(0)

  await fill(page, { 'Client Secret': 'demo-secret' })
  await type.getByRole('radio', { name: 'Basic Authorization' }).check()
  await connect(page)

  await next(page, 'Destination details')
  await fill(page, {
    Name: 'Client credentials webhook',
    'HTTP Endpoint': 'https://hooks.example/cc',
  })
  await next(page, 'Marketing actions')
  await next(page, 'Alerts')
  await saveAndExit(page, 'Client credentials webhook')

  const { account } = await savedDestination(page)
  expect(account.auth).toEqual({
    specName: 'OAuth 2 Client Credentials',
    params: {
      accessTokenUrl: 'https://auth.example/oauth/token',
      clientId: 'demo-client',
      clientSecret: '********',
      clientCredentialsType: 'BASIC_AUTHORIZATION',
      authorizedDate: expect.any(String),
    },
  })
})

test('the Access Token URL must be an http(s) URL with at most one query parameter', async ({
  page,
}) => {
  await setUp(page, 'HTTP API')
  await newAccount(page, {
    name: 'Client credentials account',
    authType: 'OAuth 2 Client Credentials',
    fields: { ...DEMO_OAUTH, 'Access Token URL': 'https://auth.example/oauth/token?a=1&b=2' },
  })
  await page.getByRole('radio', { name: 'Body Form Encoded' }).check()
  await button(page, 'Connect to destination').click()
  const url = field(page, 'Access Token URL')
  await expect(url).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.getByText('The access token URL can have a maximum of one query parameter.'),
  ).toBeVisible()
  await fill(page, { 'Access Token URL': 'ftp://auth.example/token' })
  await expect(
    page.getByText('The access token URL must start with http:// or https://.'),
  ).toBeVisible()
  await fill(page, { 'Access Token URL': 'https://auth.example/oauth/token?audience=aep' })
  await expect(url).not.toHaveAttribute('aria-invalid', 'true')
})
