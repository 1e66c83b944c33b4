import { describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import { exportStreamBatchSchema } from '../../contracts/engine/exports'
import type { Profile } from '../../contracts/profile'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, ORIGIN, startTestBackend } from '../testing/api'
import {
  activateDataflow,
  EXAMPLE_AUDIENCES,
  exportRecord,
  isRealizedIn,
  listExports,
  profilesWhere,
  updateProfile,
} from '../testing/engine'

const env = startTestBackend()
const idle = () => env.backend.engine.whenIdle()
const { firstNameJohn, deLoreanOwners, menOver50, newsletterReady, goldAndPlatinum } =
  SEED_AUDIENCE_IDS

const profiles = (predicate: (profile: Profile) => boolean) =>
  profilesWhere(env.backend.db, predicate)

/** A John (realized in the mapped "First name equals John") with an email, not in DeLorean. */
async function aJohn(): Promise<Profile> {
  const [john] = await profiles(
    (p) =>
      isRealizedIn(p, firstNameJohn) &&
      !isRealizedIn(p, deLoreanOwners) &&
      typeof (p.attributes.personalEmail as { address?: string } | undefined)?.address === 'string',
  )
  return john
}

/** Activates the docs' example dataflow and waits for its backfill to be delivered. */
async function exampleFlow(options: Parameters<typeof activateDataflow>[0] = {}) {
  const flow = await activateDataflow(options)
  await idle()
  return flow
}

async function newest(flowId: string) {
  const list = await listExports(flowId, '?limit=1')
  return exportRecord(flowId, list.items[0].id)
}

describe('export triggers through the API', () => {
  it('exports on a mapped attribute write, with the reason and the payload as sent', async () => {
    const { flowId } = await exampleFlow()
    const john = await aJohn()
    const before = (await listExports(flowId)).counters.delivered

    const result = await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Brown' },
    ])
    expect(result.evaluation).toMatchObject({
      writtenPaths: ['person.name.lastName'],
      identityChanged: false,
      memberships: [],
      exports: [
        {
          flowId,
          decision: 'export',
          reasons: [{ trigger: 'attribute', path: 'person.name.lastName' }],
        },
      ],
    })
    await idle()

    const record = await newest(flowId)
    expect(record).toMatchObject({
      profileId: john.id,
      state: 'delivered',
      trigger: 'attribute',
      statusCode: 200,
      attempts: [{ number: 1, action: 'done', response: { status: 200 } }],
    })
    expect(record.audienceIds).toContain(firstNameJohn)
    expect(record.payload).toMatchObject({
      person: { name: { firstName: 'John', lastName: 'Brown' } },
    })
    expect(record.attempts[0].request?.body).toBe(JSON.stringify(record.payload))
    expect((await listExports(flowId)).counters.delivered).toBe(before + 1)
  })

  it('exports on a write of a mapped attribute with the value it already has', async () => {
    const { flowId } = await exampleFlow()
    const john = await aJohn()
    const result = await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'John' },
    ])
    expect(result.evaluation.memberships).toEqual([])
    expect(result.evaluation.exports).toMatchObject([
      {
        flowId,
        decision: 'export',
        reasons: [{ trigger: 'attribute', path: 'person.name.firstName' }],
      },
    ])
  })

  it('counts an unmapped attribute change of an in-scope profile as excluded, no export', async () => {
    const { flowId } = await exampleFlow()
    const john = await aJohn()
    const before = await listExports(flowId)
    const result = await updateProfile(john.id, [
      { op: 'add', path: '/attributes/favoriteGenre', value: 'western' },
    ])
    expect(result.evaluation.exports).toEqual([
      { flowId, decision: 'excluded', reason: 'no-relevant-change' },
    ])
    await idle()
    const after = await listExports(flowId)
    expect(after.items[0].id).toBe(before.items[0].id)
    expect(after.counters.excluded).toBe(before.counters.excluded + 1)
  })

  it('leaves out a profile in no mapped audience, whatever it writes', async () => {
    const { flowId } = await exampleFlow()
    const [outsider] = await profiles((p) => EXAMPLE_AUDIENCES.every((id) => !isRealizedIn(p, id)))
    const result = await updateProfile(outsider.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Nobody' },
    ])
    expect(result.evaluation.exports).toEqual([])
    expect((await listExports(flowId)).counters.excluded).toBe(0)
  })

  it('exports when an identity is added, with the complete identityMap', async () => {
    const { flowId } = await exampleFlow()
    const john = await aJohn()
    const result = await updateProfile(john.id, [
      {
        op: 'add',
        path: '/identityMap/ecid/-',
        value: { id: '11111111111111111111111111111111111111' },
      },
    ])
    expect(result.evaluation).toMatchObject({
      writtenPaths: [],
      identityChanged: true,
      exports: [
        {
          decision: 'export',
          reasons: [
            {
              trigger: 'identity',
              added: ['ecid:11111111111111111111111111111111111111'],
              removed: [],
            },
          ],
        },
      ],
    })
    await idle()
    const record = await newest(flowId)
    const expected = Object.fromEntries(
      Object.entries(result.profile.identityMap).map(([ns, ids]) => [
        ns,
        ids.map(({ id }) => ({ id })),
      ]),
    )
    expect(record.payload.identityMap).toEqual(expected)
    expect(record.trigger).toBe('identity')
  })

  it('exports a qualification and an exit of a mapped audience with their statuses', async () => {
    const { flowId } = await exampleFlow()
    const [someone] = await profiles(
      (p) =>
        EXAMPLE_AUDIENCES.every((id) => !isRealizedIn(p, id)) &&
        Array.isArray(p.attributes.vehicles),
    )
    const joined = await updateProfile(someone.id, [
      { op: 'add', path: '/attributes/vehicles/-', value: 'DeLorean' },
    ])
    expect(joined.evaluation.memberships).toEqual([
      { audienceId: deLoreanOwners, from: 'none', to: 'realized' },
    ])
    expect(joined.evaluation.exports).toMatchObject([
      {
        decision: 'export',
        reasons: [{ trigger: 'segment', audienceId: deLoreanOwners, from: 'none', to: 'realized' }],
      },
    ])
    const left = await updateProfile(someone.id, [
      { op: 'replace', path: '/attributes/vehicles', value: ['Tesla'] },
    ])
    expect(left.evaluation.memberships).toEqual([
      { audienceId: deLoreanOwners, from: 'realized', to: 'exited' },
    ])
    await idle()
    const record = await newest(flowId)
    expect(record.reasons).toEqual([
      { trigger: 'segment', audienceId: deLoreanOwners, from: 'realized', to: 'exited' },
    ])
    expect(record.payload.segmentMembership).toMatchObject({
      ups: { [deLoreanOwners]: { status: 'exited', lastQualificationTime: expect.any(String) } },
    })
  })

  it('puts unmapped audiences of the same merge policy in the payload, without a name', async () => {
    const { flowId } = await exampleFlow({
      params: { httpEndpoint: DEMO_CREDENTIALS.endpoint, includeSegmentNames: true },
    })
    const [john] = await profiles(
      (p) =>
        isRealizedIn(p, firstNameJohn) &&
        isRealizedIn(p, newsletterReady) &&
        isRealizedIn(p, goldAndPlatinum),
    )
    await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'John' },
    ])
    await idle()
    const ups = (await newest(flowId)).payload.segmentMembership as {
      ups: Record<string, { name?: string; status: string }>
    }
    expect(ups.ups[firstNameJohn]).toMatchObject({
      status: 'realized',
      name: 'First name equals John',
    })
    expect(ups.ups[newsletterReady]).toEqual({
      status: 'realized',
      lastQualificationTime: expect.any(String),
    })
    expect(ups.ups[goldAndPlatinum]).toBeUndefined()
  })

  it.each([
    [false, false, ['lastQualificationTime', 'status']],
    [true, false, ['lastQualificationTime', 'status', 'name']],
    [
      false,
      true,
      [
        'lastQualificationTime',
        'status',
        'createdAt',
        'updatedAt',
        'mappingCreatedAt',
        'mappingUpdatedAt',
      ],
    ],
    [
      true,
      true,
      [
        'lastQualificationTime',
        'status',
        'createdAt',
        'updatedAt',
        'mappingCreatedAt',
        'mappingUpdatedAt',
        'name',
      ],
    ],
  ])(
    'adds names %s and timestamps %s to the mapped audience as the toggles say',
    async (includeSegmentNames, includeSegmentTimestamps, keys) => {
      const { flowId } = await exampleFlow({
        params: {
          httpEndpoint: DEMO_CREDENTIALS.endpoint,
          includeSegmentNames,
          includeSegmentTimestamps,
        },
      })
      const john = await aJohn()
      await updateProfile(john.id, [
        { op: 'replace', path: '/attributes/person/name/lastName', value: 'X' },
      ])
      await idle()
      const { ups } = (await newest(flowId)).payload.segmentMembership as {
        ups: Record<string, Record<string, unknown>>
      }
      expect(Object.keys(ups[firstNameJohn])).toEqual(keys)
    },
  )

  it('takes the timestamps from the audience and from the activation mapping', async () => {
    const { flowId } = await exampleFlow({
      params: { httpEndpoint: DEMO_CREDENTIALS.endpoint, includeSegmentTimestamps: true },
    })
    const john = await aJohn()
    await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'X' },
    ])
    await idle()
    const { ups } = (await newest(flowId)).payload.segmentMembership as {
      ups: Record<string, Record<string, unknown>>
    }
    const flow = await call<{
      items: {
        transformations: {
          params: {
            segmentSelectors: { selectors: { value: { id: string; mappingCreatedAt: number } }[] }
          }
        }[]
      }[]
    }>('GET', `${FS}/flows/${flowId}`)
    const selector = flow.body.items[0].transformations[0].params.segmentSelectors.selectors.find(
      (s) => s.value.id === firstNameJohn,
    )
    const audience = await call<{ creationTime: number; updateTime: number }>(
      'GET',
      `/data/core/ups/segment/definitions/${firstNameJohn}`,
    )
    expect(ups[firstNameJohn]).toMatchObject({
      createdAt: audience.body.creationTime,
      updatedAt: audience.body.updateTime,
      mappingCreatedAt: selector?.value.mappingCreatedAt,
      mappingUpdatedAt: selector?.value.mappingCreatedAt,
    })
  })

  it('exports only the mapped attributes the profile has, nested', async () => {
    const { flowId } = await exampleFlow({
      attributes: ['person.name.firstName', 'loyalty.points', 'person.name.courtesyTitle'],
    })
    const john = await aJohn()
    await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'John' },
    ])
    await idle()
    const { payload } = await newest(flowId)
    const points = (john.attributes.loyalty as { points?: number } | undefined)?.points
    expect(payload).toEqual({
      person: { name: { firstName: 'John' } },
      ...(points === undefined ? {} : { loyalty: { points } }),
      segmentMembership: expect.any(Object),
      identityMap: expect.any(Object),
    })
  })
})

describe('backfill and dataflow state', () => {
  it('exports every profile already qualified when audiences are added, once each', async () => {
    const members = await profiles((p) => EXAMPLE_AUDIENCES.some((id) => isRealizedIn(p, id)))
    const { flowId } = await exampleFlow()
    const list = await listExports(flowId, '?limit=500')
    expect(list.counters).toMatchObject({ delivered: members.length, failed: 0, pending: 0 })
    expect(new Set(list.items.map((i) => i.profileId))).toEqual(new Set(members.map((m) => m.id)))
    expect(list.items.every((i) => i.trigger === 'backfill')).toBe(true)
    const record = await exportRecord(flowId, list.items[0].id)
    expect(record.reasons.every((r) => r.trigger === 'backfill')).toBe(true)
  })

  it('backfills only an audience added later, on an existing dataflow', async () => {
    const { flowId, etag } = await exampleFlow({ audiences: [firstNameJohn] })
    const first = (await listExports(flowId)).counters.delivered
    const menOnly = await profiles((p) => isRealizedIn(p, menOver50))
    const patched = await call('PATCH', `${FS}/flows/${flowId}`, {
      headers: { 'if-match': etag },
      body: [
        {
          op: 'add',
          path: '/transformations/0/params/segmentSelectors/selectors/-',
          value: { type: 'PLATFORM_SEGMENT', value: { id: menOver50 } },
        },
      ],
    })
    expect(patched.status).toBe(200)
    await idle()
    const list = await listExports(flowId, '?limit=500')
    expect(list.counters.delivered).toBe(first + menOnly.length)
    const backfilled = list.items.filter(
      (i) => i.audienceIds.includes(menOver50) && i.trigger === 'backfill',
    )
    expect(backfilled).toHaveLength(menOnly.length)
  })

  it('makes no decisions while the dataflow is disabled, and again once enabled', async () => {
    const { flowId } = await exampleFlow()
    const john = await aJohn()
    expect((await call('POST', `${FS}/flows/${flowId}/action?op=disable`)).status).toBe(200)
    const disabled = await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Paused' },
    ])
    expect(disabled.evaluation.exports).toEqual([])
    await call('POST', `${FS}/flows/${flowId}/action?op=enable`)
    const enabled = await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Resumed' },
    ])
    expect(enabled.evaluation.exports).toHaveLength(1)
  })
})

describe('the export list, detail and live stream', () => {
  it('filters by state, audience and identity, pages with a cursor, newest first', async () => {
    const { flowId } = await exampleFlow()
    const all = await listExports(flowId, '?limit=500')
    const page1 = await listExports(flowId, '?limit=5')
    expect(page1.items.map((i) => i.seq)).toEqual(all.items.slice(0, 5).map((i) => i.seq))
    expect(page1.items[0].seq).toBeGreaterThan(page1.items[4].seq)
    const page2 = await listExports(flowId, `?limit=5&cursor=${page1.nextCursor}`)
    expect(page2.items.map((i) => i.seq)).toEqual(all.items.slice(5, 10).map((i) => i.seq))

    const byAudience = await listExports(flowId, `?audienceId=${menOver50}&limit=500`)
    expect(byAudience.items.length).toBeGreaterThan(0)
    expect(byAudience.items.every((i) => i.audienceIds.includes(menOver50))).toBe(true)
    expect((await listExports(flowId, '?state=failed')).items).toEqual([])

    const target = all.items[3]
    const ecid = target.identity.split(':')[1]
    const found = await listExports(flowId, `?search=${ecid.slice(5, 20)}`)
    expect(found.items.map((i) => i.id)).toEqual([target.id])
    expect((await call('GET', `${FS}/flows/${flowId}/exports?state=lost`)).status).toBe(400)
  })

  it('answers 404 for an unknown flow or export', async () => {
    const { flowId } = await exampleFlow()
    expect((await call('GET', `${FS}/flows/nope/exports`)).status).toBe(404)
    expect((await call('GET', `${FS}/flows/${flowId}/exports/nope`)).status).toBe(404)
  })

  it('streams the created and changed records in batches with the counters', async () => {
    const { flowId } = await exampleFlow()
    const response = await fetch(`${ORIGIN}${FS}/flows/${flowId}/exports/stream`, {
      headers: { 'x-sandbox-name': 'prod' },
    })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const events = readEvents(response)
    const first = await events.next()
    expect(first.event).toBe('exports')
    const opening = exportStreamBatchSchema.parse(first.data)
    expect(opening.items).toEqual([])

    const john = await aJohn()
    await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Live' },
    ])
    await updateProfile(john.id, [
      { op: 'replace', path: '/attributes/person/name/lastName', value: 'Live 2' },
    ])
    await idle()
    env.clock.advance(100)
    const batch = exportStreamBatchSchema.parse((await events.next()).data)
    expect(batch.items).toHaveLength(2)
    expect(batch.items.every((i) => i.profileId === john.id && i.state === 'delivered')).toBe(true)
    expect(batch.items[0].seq).toBeGreaterThan(batch.items[1].seq)
    expect(batch.counters.delivered).toBe(opening.counters.delivered + 2)

    env.clock.advance(5000)
    expect((await events.next()).event).toBe('heartbeat')

    await call('DELETE', `${FS}/flows/${flowId}`)
    expect((await events.next()).event).toBe('closed')
    await events.close()
  })
})

/** Reads server-sent events from a response, one at a time. */
function readEvents(response: Response) {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    async next(): Promise<{ event: string; data: unknown }> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) return { event, data: JSON.parse(data) as unknown }
          continue
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('The stream ended')
        buffer += decoder.decode(value, { stream: true })
      }
    },
    close: () => reader.cancel(),
  }
}
