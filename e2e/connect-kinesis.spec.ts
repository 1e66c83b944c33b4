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
import { pick } from './support/console'

test('Amazon Kinesis connects with AWS keys and a region, and saves the stream', async ({
  page,
}) => {
  await setUp(page, 'Amazon Kinesis')
  await expect(page.getByRole('radiogroup', { name: 'Authentication type' })).toHaveCount(0)
  await newAccount(page, {
    name: 'Kinesis account',
    fields: { 'Access key ID': 'AKIAIOSFODNN7EXAMPLE', 'Secret key': 'not-the-key' },
  })
  await pick(page, /Region/, 'Europe (Frankfurt)')
  await button(page, 'Connect to destination').click()
  await expect(page.getByRole('alert').filter({ hasText: 'Credentials rejected' })).toContainText(
    'UnrecognizedClientException',
  )
  await expect(button(page, 'Next')).toBeDisabled()

  await button(page, 'Use demo credentials').click()
  await connect(page)

  await next(page, 'Destination details')
  await expect(page.getByRole('region', { name: 'Request preview' })).toHaveCount(0)
  await fill(page, { Name: 'Kinesis profiles', stream: 'aep profiles' })
  await button(page, 'Next').click()
  await expect(page.getByText('A stream name is 1 to 128 letters')).toBeVisible()
  await expect(page).toHaveURL(/\/details$/)
  await fill(page, { stream: 'aep-profiles' })
  await page.getByRole('switch', { name: 'Include Segment Names' }).check()
  await next(page, 'Marketing actions')
  await next(page, 'Alerts')
  await saveAndExit(page, 'Kinesis profiles')

  const { account, target } = await savedDestination(page)
  expect(account).toMatchObject({
    connectionSpec: { id: SPEC_IDS.kinesis },
    auth: {
      specName: 'Aws Kinesis authentication credentials',
      params: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretKey: '********',
        region: 'eu-central-1',
      },
    },
  })
  expect(target.params).toEqual({
    stream: 'aep-profiles',
    includeSegmentNames: true,
    includeSegmentTimestamps: false,
  })
})
