import { expect, test } from '@playwright/test'
import {
  button,
  connect,
  field,
  fill,
  newAccount,
  next,
  savedDestination,
  setUp,
} from './support/connect'

test('HTTP API with a bearer token: masked token, saved and on to activation', async ({ page }) => {
  await setUp(page, 'HTTP API')
  await newAccount(page, {
    name: 'Bearer webhook account',
    authType: 'Bearer token',
    fields: { 'Bearer token': 'e2e-secret-token-123' },
  })
  const token = field(page, 'Bearer token')
  await expect(token).toHaveAttribute('type', 'password')
  await button(page, 'Show Bearer token').click()
  await expect(token).toHaveAttribute('type', 'text')
  await button(page, 'Hide Bearer token').click()
  await expect(token).toHaveAttribute('type', 'password')
  await connect(page)

  await next(page, 'Destination details')
  await fill(page, {
    Name: 'Bearer webhook',
    'HTTP Endpoint': 'https://hooks.example/bearer',
    Headers: 'x-team: growth, x-tags: a=1;b=2',
  })
  await page.getByRole('switch', { name: 'Include Segment Names' }).check()
  const headers = page
    .getByRole('region', { name: 'Request preview' })
    .getByRole('table', { name: 'Request headers' })
  await expect(headers.getByRole('row', { name: 'Authorization' })).toContainText(
    'Bearer ••••••-123',
  )
  await expect(headers.getByRole('row', { name: 'x-tags' })).toContainText('a=1;b=2')
  await expect(page.getByText('e2e-secret-token-123')).toHaveCount(0)

  await next(page, 'Marketing actions')
  await next(page, 'Alerts')
  await button(page, 'Next').click()
  await expect(page).toHaveURL(/\/prod\/destinations\/browse\/[^/]+\/activate/)

  const { account, target, flow } = await savedDestination(page)
  expect(page.url()).toContain(`/browse/${flow.id}/activate`)
  expect(account.auth).toEqual({
    specName: 'Bearer token',
    params: { token: '********', authorizedDate: expect.any(String) },
  })
  expect(target.params).toMatchObject({
    httpEndpoint: 'https://hooks.example/bearer',
    headers: 'x-team: growth, x-tags: a=1;b=2',
    includeSegmentNames: true,
  })
  expect(flow).toMatchObject({ marketingActions: [], alerts: [] })
})
