import { expect, test, type Page } from '@playwright/test'
import { DEMO_CREDENTIALS } from '../contracts/demo-credentials'
import { AUDIENCES } from './support/activate'
import { api, FS } from './support/api'
import { openConsole, pick } from './support/console'
import {
  createActivatedDataflow,
  exportRow,
  findProfile,
  openExports,
  patchProfile,
  setScenario,
  type ProfileSummary,
} from './support/engine'

interface Counters {
  delivered: number
  retrying: number
  failed: number
  pending: number
  excluded: number
}

const counters = async (page: Page, flowId: string) =>
  (await api<{ counters: Counters }>(page, 'GET', `${FS}/flows/${flowId}/exports?limit=1`)).body
    .counters

/** Waits until no message of the dataflow is pending or waiting for a retry. */
async function settled(page: Page, flowId: string) {
  await expect
    .poll(async () => {
      const c = await counters(page, flowId)
      return c.pending + c.retrying
    })
    .toBe(0)
}

const identityOf = (profile: ProfileSummary) =>
  `${profile.primaryIdentity!.namespace}:${profile.primaryIdentity!.id}`

test.beforeEach(async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
})

test('activate, edit a profile, and see its payload arrive live with the expected JSON', async ({
  page,
}) => {
  const john = await findProfile(page, 'John')
  const { flowId } = await createActivatedDataflow(page, {
    name: 'Live payload',
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.firstName', 'person.name.lastName', 'personalEmail.address'],
    includeSegmentNames: true,
  })
  await openExports(page, flowId)
  await settled(page, flowId)

  await patchProfile(page, john.id, [
    { op: 'add', path: '/attributes/person/name/lastName', value: 'McFly' },
  ])
  const row = exportRow(page, identityOf(john)).filter({ hasText: 'Mapped attribute' })
  await expect(row).toContainText('delivered')
  await row.click()
  const detail = page.getByRole('region', { name: /^Message \d+$/ })
  await expect(detail.getByText('Mapped attribute person.name.lastName was written')).toBeVisible()
  await expect(detail.getByLabel('Payload JSON')).toContainText('McFly')
  await expect(detail.getByRole('button', { name: 'Copy as cURL' })).toBeVisible()

  const list = await api<{ items: { id: string; trigger: string }[] }>(
    page,
    'GET',
    `${FS}/flows/${flowId}/exports?search=${encodeURIComponent(john.primaryIdentity!.id)}`,
  )
  const exported = list.body.items.find((item) => item.trigger === 'attribute')!
  const record = await api<{ payload: Record<string, unknown> }>(
    page,
    'GET',
    `${FS}/flows/${flowId}/exports/${exported.id}`,
  )
  const profile = await api<{ identityMap: Record<string, { id: string }[]> }>(
    page,
    'GET',
    `/data/core/ups/profiles/${john.id}`,
  )
  expect(record.body.payload).toMatchObject({
    person: { name: { firstName: 'John', lastName: 'McFly' } },
    personalEmail: { address: john.email },
    segmentMembership: {
      ups: {
        [AUDIENCES.john.id]: {
          status: 'realized',
          name: AUDIENCES.john.name,
          lastQualificationTime: expect.stringMatching(/Z$/),
        },
      },
    },
    identityMap: Object.fromEntries(
      Object.entries(profile.body.identityMap).map(([ns, ids]) => [
        ns,
        ids.map((i) => ({ id: i.id })),
      ]),
    ),
  })
  expect(Object.keys(record.body.payload)).toEqual([
    'person',
    'personalEmail',
    'segmentMembership',
    'identityMap',
  ])
})

test('fault scenario "fail twice": three attempts, then delivered', async ({ page }) => {
  const john = await findProfile(page, 'John')
  const { flowId } = await createActivatedDataflow(page, {
    name: 'Fail twice',
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.firstName'],
  })
  await settled(page, flowId)
  await openExports(page, flowId)
  await pick(page, /Fault scenario/, 'Fail N times, then succeed')
  await page.getByRole('textbox', { name: 'Failures' }).fill('2')
  await page.getByRole('button', { name: 'Apply scenario' }).click()
  await expect(page.getByText(/answers: Fail N times, then succeed: 2 failures left/)).toBeVisible()

  await patchProfile(page, john.id, [
    { op: 'add', path: '/attributes/person/name/firstName', value: 'John' },
  ])
  const row = exportRow(page, identityOf(john)).filter({ hasText: 'Mapped attribute' })
  await expect(row).toContainText('delivered', { timeout: 15_000 })
  await row.click()
  const attempts = page.getByRole('list', { name: 'Attempts' })
  await expect(attempts.getByRole('listitem')).toHaveCount(3)
  await expect(attempts).toContainText('Attempt 1: Retry scheduled')
  await expect(attempts).toContainText('Attempt 2: Retry scheduled')
  await expect(attempts).toContainText('Attempt 3: Delivered')
  await expect(
    page.getByRole('list', { name: 'What the receiver saw' }).getByRole('listitem'),
  ).toHaveCount(3)
  await expect(page.getByText(/answers: Fail N times, then succeed: 0 failures left/)).toBeVisible()
})

test('fault scenario "always 500": failed after three attempts', async ({ page }) => {
  const john = await findProfile(page, 'John')
  const { flowId, endpoint } = await createActivatedDataflow(page, {
    name: 'Always 500',
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.firstName'],
  })
  await settled(page, flowId)
  await setScenario(page, endpoint, { kind: 'always-500' })
  await openExports(page, flowId)
  await patchProfile(page, john.id, [
    { op: 'add', path: '/attributes/person/name/firstName', value: 'John' },
  ])
  const row = exportRow(page, identityOf(john)).filter({ hasText: 'Mapped attribute' })
  await expect(row).toContainText('failed', { timeout: 15_000 })
  await expect(row).toContainText('500')
  await row.click()
  const attempts = page.getByRole('list', { name: 'Attempts' })
  await expect(attempts.getByRole('listitem')).toHaveCount(3)
  await expect(attempts).toContainText('Attempt 3: Failed for good')
  await expect(page.getByRole('region', { name: /^Message/ })).toContainText('500')
})

test('a wrong bearer token ends failed with 401', async ({ page }) => {
  const john = await findProfile(page, 'John')
  const { flowId } = await createActivatedDataflow(page, {
    name: 'Wrong token',
    auth: { specName: 'Bearer token', params: { token: 'not-the-demo-token' } },
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.firstName'],
  })
  await openExports(page, flowId)
  await page.getByRole('searchbox', { name: 'Search by identity' }).fill(john.primaryIdentity!.id)
  const row = exportRow(page, identityOf(john)).first()
  await expect(row).toContainText('failed', { timeout: 20_000 })
  await expect(row).toContainText('401')
  await row.click()
  await expect(page.getByRole('list', { name: 'Attempts' }).getByRole('listitem')).toHaveCount(1)
})

test('a reload during traffic loses nothing: every message ends delivered exactly once', async ({
  page,
}) => {
  const { flowId, endpoint } = await createActivatedDataflow(page, {
    name: 'Reload',
    audiences: [AUDIENCES.sciFi.id, AUDIENCES.menOver50.id],
    attributes: ['person.name.firstName', 'loyalty.points'],
  })
  await settled(page, flowId)
  await setScenario(page, endpoint, { kind: 'fail-then-succeed', failures: 5 })
  const started = await api(page, 'POST', '/data/core/ups/profiles/traffic', {
    body: { updatesPerSecond: 40, durationSeconds: 3, seed: 3 },
  })
  expect(started.status).toBe(201)
  await expect.poll(async () => (await counters(page, flowId)).retrying).toBeGreaterThan(0)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
  await settled(page, flowId)

  const final = await counters(page, flowId)
  expect(final.failed).toBe(0)
  const all = await api<{ items: { id: string; state: string }[]; retained: number }>(
    page,
    'GET',
    `${FS}/flows/${flowId}/exports?limit=500`,
  )
  expect(all.body.items.every((item) => item.state === 'delivered')).toBe(true)
  expect(final.delivered).toBe(all.body.retained)
  const received = await api<{ items: { status: number }[]; total: number }>(
    page,
    'GET',
    `/demo/receiver/requests?endpoint=${encodeURIComponent(endpoint.replace('https://', ''))}&limit=1000`,
  )
  const successes = received.body.items.filter((entry) => entry.status === 200).length
  expect(successes).toBe(final.delivered)
})

test('what the receiver saw keeps the body it got across a reload', async ({ page }) => {
  const john = await findProfile(page, 'John')
  const { flowId } = await createActivatedDataflow(page, {
    name: 'Receiver after reload',
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.lastName'],
  })
  await openExports(page, flowId)
  await settled(page, flowId)
  await patchProfile(page, john.id, [
    { op: 'add', path: '/attributes/person/name/lastName', value: 'Brown' },
  ])
  const received = async () => {
    const row = exportRow(page, identityOf(john)).filter({ hasText: 'Mapped attribute' })
    await expect(row).toContainText('delivered')
    await row.click()
    const receiver = page
      .getByRole('region', { name: /^Message \d+$/ })
      .getByRole('list', { name: 'What the receiver saw' })
    // The receiver's entry names its body as the one sent only when it kept every byte of it.
    await expect(receiver).toContainText(/Body: the same [\d,]+ bytes as the request as sent\./)
    await expect(
      page.getByRole('region', { name: /^Message \d+$/ }).getByLabel('Payload JSON'),
    ).toContainText('Brown')
  }
  await received()
  await page.reload()
  await expect(page.getByRole('table', { name: 'Exported messages' })).toBeVisible()
  await received()
})

test('Copy as cURL is masked; Copy with secrets, once confirmed, carries the token', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const token = DEMO_CREDENTIALS.bearerToken
  const john = await findProfile(page, 'John')
  const { flowId } = await createActivatedDataflow(page, {
    name: 'Copy as cURL',
    auth: { specName: 'Bearer token', params: { token } },
    audiences: [AUDIENCES.john.id],
    attributes: ['person.name.lastName'],
  })
  await openExports(page, flowId)
  await settled(page, flowId)
  await page.getByRole('searchbox', { name: 'Search by identity' }).fill(john.primaryIdentity!.id)
  await exportRow(page, identityOf(john)).first().click()
  const detail = page.getByRole('region', { name: /^Message \d+$/ })
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText())

  await detail.getByRole('button', { name: 'Copy as cURL' }).click()
  await expect(page.getByText('The cURL command is on your clipboard.')).toBeVisible()
  const masked = await clipboard()
  expect(masked).toContain("curl -X POST 'https://hooks.example/")
  expect(masked).not.toContain(token)

  await detail.getByRole('button', { name: 'Copy with secrets' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Copy as cURL with secrets?' })
  await expect(confirm).toContainText('Anyone who sees it can send data as this account')
  await confirm.getByRole('button', { name: 'Copy with secrets' }).click()
  await expect(
    page.getByText('The cURL command, with the secrets, is on your clipboard.'),
  ).toBeVisible()
  const open = await clipboard()
  expect(open).toContain(`-H 'Authorization: Bearer ${token}'`)
  expect(await page.locator('body').innerText()).not.toContain(token)
})
