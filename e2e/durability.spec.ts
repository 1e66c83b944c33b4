import { expect, test, type Page } from '@playwright/test'
import { AUDIENCES } from './support/activate'
import { api, FS } from './support/api'
import { openConsole } from './support/console'
import { createActivatedDataflow, setScenario } from './support/engine'

interface Counters {
  delivered: number
  retrying: number
  failed: number
  pending: number
}

interface Job {
  id: string
  state: string
  sent: number
}

const TRAFFIC = '/data/core/ups/profiles/traffic'

const counters = async (page: Page, flowId: string) =>
  (await api<{ counters: Counters }>(page, 'GET', `${FS}/flows/${flowId}/exports?limit=1`)).body
    .counters

const exported = async (page: Page, flowId: string) => {
  const c = await counters(page, flowId)
  return c.delivered + c.failed + c.pending + c.retrying
}

/** Starts generated traffic and waits until it has caused exports beyond `after`. */
async function trafficUnderway(page: Page, flowId: string, after: number, seed: number) {
  const started = await api<Job>(page, 'POST', TRAFFIC, {
    body: { updatesPerSecond: 40, durationSeconds: 60, seed },
  })
  expect(started.status).toBe(201)
  await expect.poll(() => exported(page, flowId)).toBeGreaterThan(after + 10)
  return started.body.id
}

test('reloads and an abrupt close during traffic: every accepted export ends delivered or failed exactly once', async ({
  page,
  context,
}) => {
  await openConsole(page, '/prod/destinations/catalog')
  const { flowId, endpoint } = await createActivatedDataflow(page, {
    name: 'Durability',
    audiences: [AUDIENCES.sciFi.id, AUDIENCES.menOver50.id],
    attributes: ['person.name.firstName', 'loyalty.points'],
  })
  await setScenario(page, endpoint, { kind: 'fail-then-succeed', failures: 5 })

  const jobs: string[] = []
  for (const seed of [11, 12]) {
    jobs.push(await trafficUnderway(page, flowId, await exported(page, flowId), seed))
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Destinations', level: 1 })).toBeVisible()
  }
  jobs.push(await trafficUnderway(page, flowId, await exported(page, flowId), 13))
  await page.close({ runBeforeUnload: false })

  const next = await context.newPage()
  await openConsole(next, '/prod/destinations/catalog')
  for (const id of jobs) {
    const job = await api<Job>(next, 'GET', `${TRAFFIC}/${id}`)
    expect(job.body.state, `traffic job ${id}`).toBe('interrupted')
  }
  await expect
    .poll(async () => {
      const c = await counters(next, flowId)
      return c.pending + c.retrying
    })
    .toBe(0)

  const final = await counters(next, flowId)
  expect(final.delivered).toBeGreaterThan(0)
  const records: { id: string; state: string }[] = []
  let cursor: string | null = ''
  while (cursor !== null) {
    const list: { body: { items: { id: string; state: string }[]; nextCursor: string | null } } =
      await api(
        next,
        'GET',
        `${FS}/flows/${flowId}/exports?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
    records.push(...list.body.items)
    cursor = list.body.nextCursor
  }
  expect(new Set(records.map((record) => record.id)).size).toBe(records.length)
  expect(records.filter((record) => record.state === 'delivered')).toHaveLength(final.delivered)
  expect(records.filter((record) => record.state === 'failed')).toHaveLength(final.failed)
  expect(records).toHaveLength(final.delivered + final.failed)

  const received = await api<{ items: { status: number }[]; total: number }>(
    next,
    'GET',
    `/demo/receiver/requests?endpoint=${encodeURIComponent(endpoint.replace('https://', ''))}&limit=1000`,
  )
  expect(received.body.items).toHaveLength(received.body.total)
  const successes = received.body.items.filter((entry) => entry.status === 200)
  expect(successes).toHaveLength(final.delivered)
})
