import { expect, test } from '@playwright/test'
import {
  button,
  connect,
  fill,
  newAccount,
  next,
  saveAndExit,
  savedDestination,
  setUp,
  SPEC_IDS,
} from './support/connect'

test('Azure Event Hubs connects with a shared access key and saves the event hub', async ({
  page,
}) => {
  await setUp(page, 'Azure Event Hubs')
  await newAccount(page, {
    name: 'Event Hubs account',
    fields: {
      'SAS Key Name': 'RootManageSharedAccessKey',
      'SAS Key': 'wrong-key',
      Namespace: 'acme-events',
    },
  })
  await button(page, 'Connect to destination').click()
  await expect(page.getByRole('alert').filter({ hasText: 'Credentials rejected' })).toContainText(
    'InvalidSignature',
  )
  await fill(page, { 'SAS Key': 'demo-sas-key' })
  await connect(page)
  await expect(page.getByText(/namespace acme-events accepted the shared access key/)).toBeVisible()

  await next(page, 'Destination details')
  await fill(page, { Name: 'Event Hubs profiles', eventHubName: 'aep-profiles' })
  await page.getByRole('switch', { name: 'Include Segment Timestamps' }).check()
  await next(page, 'Marketing actions')
  await next(page, 'Alerts')
  await expect(
    page.getByText(
      'For streaming destinations, only the Activation Skipped Rate Exceeded alert is available.',
    ),
  ).toBeVisible()
  await saveAndExit(page, 'Event Hubs profiles')

  const { account, target } = await savedDestination(page)
  expect(account).toMatchObject({
    connectionSpec: { id: SPEC_IDS.eventHubs },
    auth: {
      specName: 'Azure EventHub authentication credentials',
      params: {
        sasKeyName: 'RootManageSharedAccessKey',
        sasKey: '********',
        namespace: 'acme-events',
      },
    },
  })
  expect(target.params).toEqual({
    eventHubName: 'aep-profiles',
    includeSegmentNames: false,
    includeSegmentTimestamps: true,
  })
})
