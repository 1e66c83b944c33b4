import { expect, test } from '@playwright/test'
import {
  addField,
  audiencesTable,
  AUDIENCES,
  createHttpDataflow,
  getFlow,
  mappedAttributes,
  stepHeading,
  tableRow,
  toggleAudiences,
} from './support/activate'
import { api, FS, HTTP_API_SPEC } from './support/api'
import { card, openConsole } from './support/console'

const RECOMMENDATION =
  'In the Select attributes step, Adobe recommends that you select a unique identifier from your union schema'

test.beforeEach(async ({ page }) => {
  await openConsole(page, '/prod/destinations/catalog')
})

test('Next is disabled, with its reason, until an audience is selected', async ({ page }) => {
  const { flowId } = await createHttpDataflow(page)
  await page.goto(`/prod/destinations/browse/${flowId}/activate`)
  await expect(page.getByRole('heading', { name: 'Activate destination', level: 1 })).toBeVisible()
  await expect(stepHeading(page, 'Select audiences')).toBeVisible()

  const next = page.getByRole('button', { name: 'Next' })
  await expect(next).toBeDisabled()
  await expect(page.getByText('Select at least one audience')).toBeVisible()
  await expect(next).toHaveAccessibleDescription('Select at least one audience')

  await toggleAudiences(page, [AUDIENCES.menOver50.name])
  await expect(next).toBeEnabled()
  await expect(page.getByText('Select at least one audience')).toHaveCount(0)
  await expect(page.getByText('1 audience selected')).toBeVisible()

  await toggleAudiences(page, [AUDIENCES.menOver50.name])
  await expect(next).toBeDisabled()

  await page.goto(`/prod/destinations/browse/${flowId}/activate/review`)
  await expect(page).toHaveURL(/\/activate\/audiences$/)
})

test('Select audiences lists the profile counts, searches, and keeps hidden selections', async ({
  page,
}) => {
  const { flowId } = await createHttpDataflow(page)
  await page.goto(`/prod/destinations/browse/${flowId}/activate`)
  const table = audiencesTable(page)
  for (const column of ['Name', 'Profile count', 'Origin', 'Lifecycle status', 'Created']) {
    await expect(table.getByRole('columnheader', { name: column })).toBeVisible()
  }
  await expect(table.getByRole('columnheader', { name: 'Last updated' })).toBeVisible()

  const definitions = await api<{
    segments: { name: string; metrics: { data: { totalProfiles: number } } }[]
  }>(page, 'GET', '/data/core/ups/segment/definitions')
  const men = definitions.body.segments.find((s) => s.name === AUDIENCES.menOver50.name)!
  const row = tableRow(table, AUDIENCES.menOver50.name)
  await expect(row.getByRole('gridcell').nth(1)).toHaveText(
    new Intl.NumberFormat('en-US').format(men.metrics.data.totalProfiles),
  )
  await expect(row.getByRole('gridcell', { name: 'Segmentation Service' })).toBeVisible()
  await expect(row.getByRole('gridcell', { name: 'Published' })).toBeVisible()

  await toggleAudiences(page, [AUDIENCES.menOver50.name])
  await page.getByRole('searchbox', { name: 'Search audiences' }).fill('john')
  await expect(table.getByRole('row')).toHaveCount(2)
  await toggleAudiences(page, [AUDIENCES.john.name])
  await expect(page.getByText('2 audiences selected')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search audiences' }).clear()
  await expect(tableRow(table, AUDIENCES.menOver50.name)).toHaveAttribute('aria-selected', 'true')
  await expect(tableRow(table, AUDIENCES.john.name)).toHaveAttribute('aria-selected', 'true')
})

test('the mapping step recommends a unique identifier as a warning, not a block', async ({
  page,
}) => {
  const { flowId } = await createHttpDataflow(page)
  await page.goto(`/prod/destinations/browse/${flowId}/activate`)
  await toggleAudiences(page, [AUDIENCES.sciFi.name])
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page).toHaveURL(/\/activate\/mapping$/)
  await expect(stepHeading(page, 'Select attributes')).toBeFocused()
  await expect(
    page.getByText(
      'Identities cannot be mapped to HTTP API: the whole identityMap of every exported profile is always exported.',
    ),
  ).toBeVisible()

  const warning = page.getByText(RECOMMENDATION)
  await expect(warning).toBeVisible()
  await addField(page, 'person.name.firstName')
  await expect(warning).toBeVisible()
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled()

  await addField(page, 'personalEmail.address')
  await expect(warning).toHaveCount(0)
  await mappedAttributes(page).getByRole('button', { name: 'Remove personalEmail.address' }).click()
  await expect(warning).toBeVisible()

  await page.getByRole('button', { name: 'Next' }).click()
  await expect(stepHeading(page, 'Review')).toBeFocused()
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}/activation$`))
  const flow = await getFlow(page, flowId)
  expect(flow.transformations[0].params.profileSelectors.selectors).toEqual([
    { type: 'JSON_PATH', value: { path: 'person.name.firstName', operator: 'EXISTS' } },
  ])
})

test('Select field: a searchable, keyboard-navigable union schema tree that refuses duplicates and identities', async ({
  page,
}) => {
  const { flowId } = await createHttpDataflow(page, {
    audiences: [AUDIENCES.john],
    attributes: ['personalEmail.address'],
  })
  await page.goto(`/prod/destinations/browse/${flowId}/activate/mapping`)
  await page.getByRole('button', { name: 'Add new field' }).click()
  const dialog = page.getByRole('dialog', { name: 'Select field' })
  const tree = dialog.getByRole('treegrid', { name: 'Union schema' })
  const select = dialog.getByRole('button', { name: 'Select', exact: true })

  const person = tree.getByRole('row', { name: 'person', exact: true })
  await expect(person).toContainText('object')
  await expect(person).toContainText('An individual actor, contact, or owner.')
  await expect(tree.getByRole('row', { name: 'person.name', exact: true })).toHaveCount(0)

  const search = dialog.getByRole('searchbox', { name: 'Search fields' })
  await expect(search).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(person).toBeFocused()
  await expect(select).toBeDisabled()
  await page.keyboard.press('ArrowRight')
  await expect(person).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('ArrowDown')
  const name = tree.getByRole('row', { name: 'person.name', exact: true })
  await expect(name).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const first = tree.getByRole('row', { name: 'person.name.firstName', exact: true })
  await expect(first).toBeFocused()
  await expect(first).toContainText('string')
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(dialog.getByText('Selected: person.name.firstName (string)')).toBeVisible()
  await expect(select).toBeEnabled()
  await page.keyboard.press('ArrowLeft')
  await expect(name).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(name).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(first).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(mappedAttributes(page).getByRole('listitem')).toHaveText([
    /personalEmail\.address/,
    /person\.name\.firstName/,
  ])

  await page.getByRole('button', { name: 'Add new field' }).click()

  await search.fill('identity')
  const identityMap = tree.getByRole('row', { name: 'identityMap, not mappable', exact: true })
  await expect(identityMap).toContainText('Not mappable')
  await expect(identityMap).toContainText('the whole identityMap is always exported')
  await identityMap.click()
  await expect(identityMap).not.toHaveAttribute('aria-selected', 'true')
  await expect(dialog.getByText('No field selected.')).toBeVisible()
  await expect(select).toBeDisabled()

  await search.fill('personalEmail.address')
  await tree.getByRole('row', { name: 'personalEmail.address', exact: true }).click()
  await expect(dialog.getByText('personalEmail.address is already mapped')).toBeVisible()
  await expect(select).toBeDisabled()

  await search.fill('city')
  await expect(tree.getByRole('row', { name: 'homeAddress', exact: true })).toBeVisible()
  await expect(tree.getByRole('row', { name: 'workAddress.city', exact: true })).toBeVisible()
  await tree.getByRole('row', { name: 'homeAddress.city', exact: true }).click()
  await select.click()
  await expect(dialog).toHaveCount(0)
  await expect(mappedAttributes(page).getByRole('listitem')).toHaveText([
    /personalEmail\.address/,
    /person\.name\.firstName/,
    /homeAddress\.city/,
  ])
})

test('Edit activation starts from the current state and sends only the difference', async ({
  page,
}) => {
  const { flowId } = await createHttpDataflow(page, {
    audiences: [AUDIENCES.john, AUDIENCES.menOver50],
    attributes: ['person.name.firstName', 'person.name.lastName', 'personalEmail.address'],
  })
  const before = await getFlow(page, flowId)
  const mapped = (flow: typeof before) =>
    new Map(flow.transformations[0].params.segmentSelectors.selectors.map((s) => [s.value.id, s]))

  const patches: unknown[] = []
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().endsWith(`/flows/${flowId}`)) {
      patches.push({ body: request.postDataJSON(), ifMatch: request.headers()['if-match'] })
    }
  })

  await page.goto(`/prod/destinations/browse/${flowId}`)
  await page.getByRole('button', { name: 'Activate audiences' }).click()
  const table = audiencesTable(page)
  await expect(tableRow(table, AUDIENCES.john.name)).toContainText('Activated')
  await expect(tableRow(table, AUDIENCES.john.name)).toHaveAttribute('aria-selected', 'true')
  await expect(tableRow(table, AUDIENCES.menOver50.name)).toHaveAttribute('aria-selected', 'true')
  await expect(tableRow(table, AUDIENCES.sciFi.name)).toHaveAttribute('aria-selected', 'false')

  await toggleAudiences(page, [AUDIENCES.john.name, AUDIENCES.sciFi.name])
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(mappedAttributes(page).getByRole('listitem')).toHaveCount(3)
  await mappedAttributes(page).getByRole('button', { name: 'Remove person.name.lastName' }).click()
  await page.getByRole('button', { name: 'Next' }).click()

  const review = page.getByRole('region', { name: /Audiences/ })
  await expect(review.getByRole('listitem')).toHaveText([
    new RegExp(`${AUDIENCES.menOver50.name}\\s*Activated`),
    new RegExp(`${AUDIENCES.sciFi.name}\\s*New`),
  ])
  await expect(page.getByText(`Removed: ${AUDIENCES.john.name}`)).toBeVisible()
  await expect(page.getByText('Removed: person.name.lastName')).toBeVisible()
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}/activation$`))

  const seg = '/transformations/0/params/segmentSelectors/selectors'
  const prof = '/transformations/0/params/profileSelectors/selectors'
  expect(patches).toEqual([
    {
      ifMatch: before.etag,
      body: [
        { op: 'remove', path: `${seg}/0` },
        { op: 'remove', path: `${prof}/1` },
        {
          op: 'add',
          path: `${seg}/-`,
          value: {
            type: 'PLATFORM_SEGMENT',
            value: {
              id: AUDIENCES.sciFi.id,
              name: AUDIENCES.sciFi.name,
              description: expect.any(String),
            },
          },
        },
      ],
    },
  ])

  const after = await getFlow(page, flowId)
  expect(
    after.transformations[0].params.profileSelectors.selectors.map((s) => s.value.path),
  ).toEqual(['person.name.firstName', 'personalEmail.address'])
  const men = mapped(after).get(AUDIENCES.menOver50.id)!.value
  const sciFi = mapped(after).get(AUDIENCES.sciFi.id)!.value
  expect(mapped(after).has(AUDIENCES.john.id)).toBe(false)
  expect(men.mappingCreatedAt).toBe(
    mapped(before).get(AUDIENCES.menOver50.id)!.value.mappingCreatedAt,
  )
  expect(men.mappingUpdatedAt).toBeGreaterThanOrEqual(men.mappingCreatedAt!)
  expect(sciFi.mappingCreatedAt).toEqual(expect.any(Number))
  expect(sciFi.mappingUpdatedAt).toBe(sciFi.mappingCreatedAt)
})

test('a dataflow changed meanwhile is not overwritten: the user reloads the workflow', async ({
  page,
}) => {
  const { flowId } = await createHttpDataflow(page)
  await page.goto(`/prod/destinations/browse/${flowId}/activate`)
  await toggleAudiences(page, [AUDIENCES.john.name])
  await page.getByRole('button', { name: 'Next' }).click()
  await addField(page, 'personalEmail.address')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(stepHeading(page, 'Review')).toBeVisible()

  const current = await getFlow(page, flowId)
  const meanwhile = await api(page, 'PATCH', `${FS}/flows/${flowId}`, {
    headers: { 'if-match': current.etag },
    body: [
      {
        op: 'add',
        path: '/transformations/0/params/segmentSelectors/selectors/-',
        value: { type: 'PLATFORM_SEGMENT', value: { id: AUDIENCES.deLorean.id } },
      },
    ],
  })
  expect(meanwhile.status).toBe(200)

  await page.getByRole('button', { name: 'Finish' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'This destination changed' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('nothing was overwritten')
  const unchanged = await getFlow(page, flowId)
  expect(
    unchanged.transformations[0].params.segmentSelectors.selectors.map((s) => s.value.id),
  ).toEqual([AUDIENCES.deLorean.id])
  expect(unchanged.transformations[0].params.profileSelectors.selectors).toEqual([])

  await dialog.getByRole('button', { name: 'Reload workflow' }).click()
  await expect(page).toHaveURL(/\/activate\/audiences$/)
  const table = audiencesTable(page)
  await expect(tableRow(table, AUDIENCES.deLorean.name)).toContainText('Activated')
  await expect(tableRow(table, AUDIENCES.deLorean.name)).toHaveAttribute('aria-selected', 'true')
  await expect(tableRow(table, AUDIENCES.john.name)).toHaveAttribute('aria-selected', 'false')

  await toggleAudiences(page, [AUDIENCES.john.name])
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}/activation$`))
  const saved = await getFlow(page, flowId)
  expect(saved.transformations[0].params.segmentSelectors.selectors.map((s) => s.value.id)).toEqual(
    [AUDIENCES.deLorean.id, AUDIENCES.john.id],
  )
})

test("the catalog's Activate audiences picks an existing destination first", async ({ page }) => {
  await createHttpDataflow(page, { name: 'Acme webhook' })
  const { flowId } = await createHttpDataflow(page, { name: 'Loyalty webhook' })
  await page.reload()
  await card(page, 'HTTP API').getByRole('button', { name: 'Activate audiences' }).click()
  await expect(page).toHaveURL(new RegExp(`/destinations/activate/${HTTP_API_SPEC}$`))
  await expect(stepHeading(page, 'Select destination')).toBeVisible()

  const next = page.getByRole('button', { name: 'Next' })
  await expect(next).toBeDisabled()
  const destinations = page.getByRole('grid', { name: 'Destinations' })
  await expect(destinations.getByRole('row')).toHaveCount(3)
  await tableRow(destinations, 'Loyalty webhook').getByRole('checkbox').click()
  await next.click()
  await expect(page).toHaveURL(new RegExp(`/browse/${flowId}/activate$`))
  await expect(page.getByText('Loyalty webhook · HTTP API')).toBeVisible()

  await page.goBack()
  await page.getByRole('button', { name: 'Configure new destination' }).click()
  await expect(page).toHaveURL(new RegExp(`/destinations/connect/${HTTP_API_SPEC}`))
})
