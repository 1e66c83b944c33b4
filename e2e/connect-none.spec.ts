import { expect, test } from '@playwright/test'
import {
  button,
  connect,
  fill,
  newAccount,
  next,
  saveAndExit,
  savedDestination,
  selectMarketingActions,
  setUp,
  SPEC_IDS,
} from './support/connect'

test('HTTP API with no authentication: from Set up to the saved destination', async ({ page }) => {
  await setUp(page, 'HTTP API')
  await expect(button(page, 'Next')).toBeDisabled()
  await newAccount(page, {
    name: 'Open webhook account',
    description: 'No authentication',
    authType: 'None',
  })
  await expect(page.getByRole('region', { name: 'Demo credentials' })).toContainText(
    'accept requests without authentication',
  )
  await connect(page)
  await expect(
    page.getByText('No authentication: the connection to your endpoint is established.'),
  ).toBeVisible()

  await next(page, 'Destination details')
  await expect(page).toHaveURL(new RegExp(`/connect/${SPEC_IDS.httpApi}/details$`))
  await fill(page, {
    Name: 'Open webhook',
    Description: 'Profiles for the open webhook',
    'HTTP Endpoint': 'https://hooks.example/open',
    'Query parameters': 'source=aep&team=growth',
  })
  await page.getByRole('switch', { name: 'Include Segment Timestamps' }).check()
  const preview = page.getByRole('region', { name: 'Request preview' })
  await expect(preview).toContainText('POST https://hooks.example/open?source=aep&team=growth')
  await expect(preview.getByRole('table', { name: 'Request headers' })).not.toContainText(
    'Authorization',
  )
  await expect(preview.getByLabel('Example body')).toContainText('"mappingCreatedAt"')

  await next(page, 'Marketing actions')
  await selectMarketingActions(page, ['Export to Third Party', 'Email Targeting'])
  await next(page, 'Alerts')
  await expect(page.getByRole('checkbox')).toHaveCount(1)
  await page.getByRole('checkbox', { name: 'Activation Skipped Rate Exceeded' }).check()
  await expect(button(page, 'Next')).toBeEnabled()
  await saveAndExit(page, 'Open webhook')

  const { account, target, flow } = await savedDestination(page)
  expect(account).toMatchObject({
    name: 'Open webhook account',
    description: 'No authentication',
    connectionSpec: { id: SPEC_IDS.httpApi },
    auth: { specName: 'None', params: { authorizedDate: expect.any(String) } },
  })
  expect(target).toMatchObject({
    name: 'Open webhook',
    description: 'Profiles for the open webhook',
    params: {
      httpEndpoint: 'https://hooks.example/open',
      headers: '',
      queryParameters: 'source=aep&team=growth',
      includeSegmentNames: false,
      includeSegmentTimestamps: true,
    },
  })
  expect(flow).toMatchObject({ name: 'Open webhook', alerts: ['activation-skipped-rate-exceeded'] })
  expect([...flow.marketingActions].sort()).toEqual(['emailTargeting', 'exportToThirdParty'])
})
