import { describe, expect, it } from 'vitest'
import type {
  AccessEntities,
  ProfileList,
  ProfileUpdateResult,
} from '../../contracts/engine/profiles'
import type { SegmentDefinition } from '../../contracts/engine/segment-definitions'
import type { TrafficJob } from '../../contracts/engine/traffic'
import type { Profile } from '../../contracts/profile'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, startTestBackend } from '../testing/api'
import { activateDataflow, listExports } from '../testing/engine'

const env = startTestBackend()
const PROFILES = '/data/core/ups/profiles'

interface Problem {
  status: number
  report: { 'detailed-message': string }
  errorDetails?: { path: string; message: string; position?: number }[]
}

const firstPage = async (query = '') => (await call<ProfileList>('GET', `${PROFILES}${query}`)).body

describe('profiles', () => {
  it('lists profiles in pages with their name, email, identity and audiences', async () => {
    const page = await firstPage('?limit=5&start=10')
    expect(page.page).toEqual({ totalCount: 200, start: 10, limit: 5 })
    expect(page.profiles).toHaveLength(5)
    const [row] = page.profiles
    expect(row).toMatchObject({
      id: expect.any(String),
      name: expect.stringMatching(/\S+ \S+/),
      primaryIdentity: { namespace: 'ecid', id: expect.stringMatching(/^\d{38}$/) },
      identityCount: expect.any(Number),
      audienceIds: expect.any(Array),
    })
  })

  it('searches by identity value, name and email', async () => {
    const [someone] = (await firstPage('?limit=1')).profiles
    const full = (await call<Profile>('GET', `${PROFILES}/${someone.id}`)).body
    const ecid = full.identityMap.ecid[0].id
    expect((await firstPage(`?search=${ecid}`)).profiles.map((p) => p.id)).toEqual([someone.id])
    for (const written of [`ecid:${ecid}`, `ECID: ${ecid}`]) {
      const found = await firstPage(`?search=${encodeURIComponent(written)}`)
      expect(found.profiles.map((p) => p.id)).toEqual([someone.id])
    }
    expect((await firstPage(`?search=${encodeURIComponent(`phone:${ecid}`)}`)).profiles).toEqual([])
    const byName = await firstPage(`?search=${encodeURIComponent(someone.name!.toUpperCase())}`)
    expect(byName.profiles.map((p) => p.id)).toContain(someone.id)
    const johns = await firstPage('?search=john&limit=100')
    expect(johns.profiles.length).toBeGreaterThan(0)
    expect(johns.profiles.every((p) => /john/i.test(`${p.name} ${p.email}`))).toBe(true)
    expect((await call('GET', `${PROFILES}?limit=0`)).status).toBe(400)
  })

  it('reads one profile with its memberships, 404 for an unknown id', async () => {
    const [someone] = (await firstPage('?limit=1')).profiles
    const profile = await call<Profile>('GET', `${PROFILES}/${someone.id}`)
    expect(profile.body).toMatchObject({
      id: someone.id,
      attributes: expect.any(Object),
      identityMap: expect.any(Object),
      segmentMembership: { ups: expect.any(Object) },
    })
    expect((await call('GET', `${PROFILES}/nobody`)).status).toBe(404)
  })

  it('finds a profile by identity in the Profile Access API shape', async () => {
    const [someone] = (await firstPage('?limit=1')).profiles
    const full = (await call<Profile>('GET', `${PROFILES}/${someone.id}`)).body
    const ecid = full.identityMap.ecid[0].id
    const found = await call<AccessEntities>(
      'GET',
      `/data/core/ups/access/entities?entityId=${ecid}&entityIdNS=ECID`,
    )
    expect(found.status).toBe(200)
    expect(found.body[someone.id]).toMatchObject({
      entityId: someone.id,
      sources: ['ups'],
      entity: { identityMap: full.identityMap, segmentMembership: full.segmentMembership },
      lastModifiedAt: new Date(full.updatedAt).toISOString(),
    })
    const [withEmail] = (await firstPage('?search=@&limit=1')).profiles
    const byEmail = await call<AccessEntities>(
      'GET',
      `/data/core/ups/access/entities?entityId=${encodeURIComponent(withEmail.email!.toUpperCase())}&entityIdNS=email`,
    )
    expect(Object.keys(byEmail.body)).toEqual([withEmail.id])
    const missing = await call('GET', '/data/core/ups/access/entities?entityId=0&entityIdNS=ecid')
    expect(missing.status).toBe(404)
    expect((await call('GET', '/data/core/ups/access/entities')).status).toBe(400)
  })
})

describe('profile updates', () => {
  it('applies attribute and identity operations and evaluates memberships at once', async () => {
    const [someone] = (await firstPage('?search=john&limit=1')).profiles
    const now = env.clock.now()
    const res = await call<ProfileUpdateResult>('PATCH', `${PROFILES}/${someone.id}`, {
      body: [
        { op: 'replace', path: '/attributes/person/name/firstName', value: 'Johnny' },
        { op: 'add', path: '/identityMap/phone', value: [{ id: '+15550100' }] },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body.profile.attributes).toMatchObject({ person: { name: { firstName: 'Johnny' } } })
    expect(res.body.profile.identityMap.phone).toEqual([{ id: '+15550100' }])
    expect(res.body.profile.updatedAt).toBe(now)
    expect(res.body.evaluation.memberships).toContainEqual({
      audienceId: SEED_AUDIENCE_IDS.firstNameJohn,
      from: 'realized',
      to: 'exited',
    })
    expect(res.body.profile.segmentMembership.ups[SEED_AUDIENCE_IDS.firstNameJohn]).toEqual({
      status: 'exited',
      lastQualificationTime: new Date(now).toISOString(),
    })
    expect(res.body.evaluation.identityChanged).toBe(true)
    const list = await call<{ segments: SegmentDefinition[] }>(
      'GET',
      '/data/core/ups/segment/definitions',
    )
    expect(list.status).toBe(200)
  })

  it('rejects paths outside attributes and identityMap, and invalid values', async () => {
    const [someone] = (await firstPage('?limit=1')).profiles
    const outside = await call<Problem>('PATCH', `${PROFILES}/${someone.id}`, {
      body: [{ op: 'replace', path: '/segmentMembership/ups', value: {} }],
    })
    expect(outside.status).toBe(400)
    expect(outside.body.errorDetails?.[0].path).toBe('0.path')
    const badIdentity = await call<Problem>('PATCH', `${PROFILES}/${someone.id}`, {
      body: [{ op: 'add', path: '/identityMap/ecid/-', value: { primary: true } }],
    })
    expect(badIdentity.status).toBe(400)
    expect(badIdentity.body.errorDetails?.[0].path).toMatch(/^identityMap\.ecid\.\d+\.id$/)
    const notAnObject = await call<Problem>('PATCH', `${PROFILES}/${someone.id}`, {
      body: [{ op: 'replace', path: '/attributes', value: 'flat' }],
    })
    expect(notAnObject.body.errorDetails).toEqual([
      { path: '0.value', message: 'The attributes must be an object.' },
    ])
    const unresolvable = await call<Problem>('PATCH', `${PROFILES}/${someone.id}`, {
      body: [{ op: 'remove', path: '/attributes/no/such/path' }],
    })
    expect(unresolvable.status).toBe(400)
  })

  it('refuses attribute writes the union schema does not allow, and keeps the profile', async () => {
    const [someone] = (await firstPage('?limit=1')).profiles
    const before = (await call<Profile>('GET', `${PROFILES}/${someone.id}`)).body
    const refused = async (operation: Record<string, unknown>) => {
      const res = await call<Problem>('PATCH', `${PROFILES}/${someone.id}`, { body: [operation] })
      expect(res.status).toBe(400)
      return res.body.errorDetails
    }
    expect(await refused({ op: 'add', path: '/attributes/person', value: 'flat' })).toEqual([
      { path: '0.value', message: 'person must be an object with its own fields.' },
    ])
    expect(
      await refused({ op: 'add', path: '/attributes/homeAddress/city/zip', value: '77001' }),
    ).toEqual([
      {
        path: '0.path',
        message: 'homeAddress.city holds a single value: homeAddress.city.zip cannot be written.',
      },
    ])
    expect(await refused({ op: 'add', path: '/attributes/vehicles', value: 42 })).toEqual([
      { path: '0.value', message: 'vehicles must be a list.' },
    ])
    expect(await refused({ op: 'add', path: '/attributes/vehicles', value: null })).toEqual([
      { path: '0.value', message: 'vehicles cannot be null: remove the attribute instead.' },
    ])
    expect(
      await refused({ op: 'add', path: '/attributes/person/birthDate', value: 'not a date' }),
    ).toEqual([{ path: '0.value', message: 'person.birthDate must be a date (YYYY-MM-DD).' }])
    expect(
      await refused({
        op: 'add',
        path: '/attributes/person/name/firstName',
        value: 'x'.repeat(5000),
      }),
    ).toEqual([
      { path: '0.value', message: 'person.name.firstName is longer than 4,096 characters.' },
    ])
    expect(await refused({ op: 'add', path: '/attributes/loyalty/points', value: 1.5 })).toEqual([
      { path: '0.value', message: 'loyalty.points must be a whole number.' },
    ])
    expect(
      await refused({ op: 'add', path: '/attributes/__proto__/polluted', value: 'x' }),
    ).toEqual([{ path: '0.path', message: "'__proto__' cannot be a name here." }])
    expect(
      await refused({ op: 'add', path: '/attributes/constructor/prototype/x', value: 'x' }),
    ).toEqual([{ path: '0.path', message: "'constructor' cannot be a name here." }])
    expect(await refused({ op: 'add', path: '/attributes/x/flag', value: true })).toEqual([
      { path: '0.path', message: 'x is not a field of the profile schema.' },
    ])
    expect(
      await refused({ op: 'copy', from: '/attributes/person/name', path: '/attributes/loyalty' }),
    ).toEqual([
      { path: '0.from', message: 'loyalty.firstName is not a field of the profile schema.' },
    ])
    expect((await call<Profile>('GET', `${PROFILES}/${someone.id}`)).body).toEqual(before)

    const allowed = await call<ProfileUpdateResult>('PATCH', `${PROFILES}/${someone.id}`, {
      body: [
        { op: 'add', path: '/attributes/vehicles/-', value: 'DeLorean' },
        { op: 'add', path: '/attributes/person/birthDate', value: '1985-10-26' },
      ],
    })
    expect(allowed.status).toBe(200)
  })

  it('refuses unknown namespaces, malformed and duplicate identities, and an empty map', async () => {
    const [someone] = (await firstPage('?limit=1')).profiles
    const profile = (await call<Profile>('GET', `${PROFILES}/${someone.id}`)).body
    const ecid = profile.identityMap.ecid[0].id
    const refused = async (operations: Record<string, unknown>[]) => {
      const res = await call<Problem>('PATCH', `${PROFILES}/${someone.id}`, { body: operations })
      expect(res.status).toBe(400)
      return res.body.errorDetails
    }
    expect(
      await refused([{ op: 'add', path: '/identityMap/ecid/-', value: { id: ecid } }]),
    ).toEqual([
      {
        path: `identityMap.ecid.${profile.identityMap.ecid.length}.id`,
        message: `The profile already has the ecid identity ${ecid}.`,
      },
    ])
    expect(
      await refused([{ op: 'add', path: '/identityMap/bad ns', value: [{ id: 'x' }] }]),
    ).toEqual([
      {
        path: '0.path',
        message: 'Unknown identity namespace: use ecid, email, email_lc_sha256, phone or crmId.',
      },
    ])
    expect(
      await refused([{ op: 'add', path: '/identityMap/email', value: [{ id: 'not-an-email' }] }]),
    ).toEqual([
      { path: 'identityMap.email.0.id', message: 'Enter an email address, like name@example.com.' },
    ])
    expect(
      await refused([{ op: 'add', path: '/identityMap/ecid/-', value: { id: 'xyz' } }]),
    ).toEqual([
      {
        path: `identityMap.ecid.${profile.identityMap.ecid.length}.id`,
        message: 'An ECID is 38 digits.',
      },
    ])
    expect(await refused([{ op: 'replace', path: '/identityMap', value: {} }])).toEqual([
      { path: 'identityMap', message: 'A profile keeps at least one identity.' },
    ])
    expect((await call<Profile>('GET', `${PROFILES}/${someone.id}`)).body).toEqual(profile)
  })
})

const audienceCount = async () =>
  (await call<{ segments: unknown[] }>('GET', '/data/core/ups/segment/definitions')).body.segments
    .length

describe('segment definitions', () => {
  it('creates an audience from PQL and evaluates every profile', async () => {
    const res = await call<SegmentDefinition>('POST', '/data/core/ups/segment/definitions', {
      body: {
        name: 'Gold members named John',
        expression: {
          type: 'PQL',
          format: 'pql/text',
          value: 'person.name.firstName = "John" and loyalty.tier = "gold"',
        },
      },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-location')).toMatch(
      new RegExp(`/segment/definitions/${res.body.id}$`),
    )
    expect(res.body).toMatchObject({
      name: 'Gold members named John',
      mergePolicyId: '0bf16e61-90e9-4204-b8fa-ad250360957b',
      lifecycleState: 'published',
      creationTime: env.clock.now(),
    })
    const sandbox = await env.backend.db.sandbox('prod')
    const expected = sandbox
      .collection('profiles')
      .all()
      .filter((p) => {
        const person = p.attributes.person as { name?: { firstName?: string } }
        return (
          person.name?.firstName === 'John' &&
          (p.attributes.loyalty as { tier?: string } | undefined)?.tier === 'gold'
        )
      })
    expect(res.body.metrics.data.totalProfiles).toBe(expected.length)
    for (const profile of expected) {
      expect(profile.segmentMembership.ups[res.body.id]?.status).toBe('realized')
    }
    const read = await call<SegmentDefinition>(
      'GET',
      `/data/core/ups/segment/definitions/${res.body.id}`,
    )
    expect(read.body.metrics.data.totalProfiles).toBe(expected.length)
  })

  it('answers a PQL syntax error with the field and the position', async () => {
    const res = await call<Problem>('POST', '/data/core/ups/segment/definitions', {
      body: {
        name: 'Broken',
        expression: { type: 'PQL', format: 'pql/text', value: 'loyalty.points = 1 b' },
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails).toEqual([
      {
        path: 'expression.value',
        message: "Expected 'and', 'or' or end of input at position 19, found 'b'",
        position: 19,
      },
    ])
    const unknown = await call<Problem>('POST', '/data/core/ups/segment/definitions', {
      body: {
        name: 'Unknown path',
        expression: {
          type: 'PQL',
          format: 'pql/text',
          value: 'loyalty.points > 1 and x.flag = true',
        },
      },
    })
    expect(unknown.body.errorDetails).toEqual([
      {
        path: 'expression.value',
        message: 'At position 23: x is not a field of the profile schema.',
        position: 23,
      },
    ])
    const missing = await call<Problem>('POST', '/data/core/ups/segment/definitions', {
      body: { expression: { value: '' } },
    })
    expect(missing.body.errorDetails?.map((e) => e.path).sort()).toEqual([
      'expression.value',
      'name',
    ])
  })

  it('refuses a name another audience has, in any case', async () => {
    const before = await audienceCount()
    const res = await call<Problem>('POST', '/data/core/ups/segment/definitions', {
      body: {
        name: ' men OVER 50 ',
        expression: { type: 'PQL', format: 'pql/text', value: 'person.name.firstName = "X"' },
      },
    })
    expect(res.status).toBe(422)
    expect(res.body.errorDetails).toEqual([
      {
        path: 'name',
        message: 'An audience named "Men over 50" exists already. Choose another name.',
      },
    ])
    expect(await audienceCount()).toBe(before)
  })
})

describe('generated traffic', () => {
  it('sends N seeded updates a second for T seconds through the profile service', async () => {
    const { flowId } = await activateDataflow()
    await env.backend.engine.whenIdle()
    const before = await listExports(flowId)
    const started = await call<TrafficJob>('POST', `${PROFILES}/traffic`, {
      body: { updatesPerSecond: 20, durationSeconds: 2, seed: 7 },
    })
    expect(started.status).toBe(201)
    expect(started.body).toMatchObject({ state: 'running', sent: 0, planned: 40 })
    env.clock.advance(1000)
    const halfway = await call<TrafficJob>('GET', `${PROFILES}/traffic/${started.body.id}`)
    expect(halfway.body).toMatchObject({ state: 'running', sent: 20 })
    env.clock.advance(1000)
    const done = (await call<TrafficJob>('GET', `${PROFILES}/traffic/${started.body.id}`)).body
    expect(done).toMatchObject({ state: 'completed', sent: 40, finishedAt: env.clock.now() })
    expect(Object.values(done.byKind).reduce((a, b) => a + b, 0)).toBe(40)
    expect(done.exported).toBeGreaterThan(0)
    expect(done.refused).toBe(0)
    await env.backend.engine.whenIdle()
    const after = await listExports(flowId)
    expect(after.counters.delivered - before.counters.delivered).toBe(done.exported)
    expect(after.counters.excluded - before.counters.excluded).toBe(done.excluded)
    const listed = await call<{ items: TrafficJob[] }>('GET', `${PROFILES}/traffic`)
    expect(listed.body.items.map((j) => j.id)).toEqual([started.body.id])
  })

  it('counts the updates the profile API refuses', async () => {
    // Profiles stored before the identity rules, with a namespace the sandbox does not know:
    // an update that adds an identity to one is refused, the others go through.
    const sandbox = await env.backend.db.sandbox('prod')
    const profiles = sandbox.collection('profiles')
    for (const profile of profiles.all()) {
      profiles.put({ ...profile, identityMap: { ...profile.identityMap, legacy: [{ id: 'x' }] } })
    }
    const started = await call<TrafficJob>('POST', `${PROFILES}/traffic`, {
      body: { updatesPerSecond: 20, durationSeconds: 2, seed: 7 },
    })
    env.clock.advance(2000)
    const done = (await call<TrafficJob>('GET', `${PROFILES}/traffic/${started.body.id}`)).body
    expect(done.byKind['identity-added']).toBeGreaterThan(0)
    expect(done.refused).toBe(done.byKind['identity-added'])
  })

  it('gives the same updates for the same seed, and stops on DELETE', async () => {
    const run = async () => {
      const job = await call<TrafficJob>('POST', `${PROFILES}/traffic`, {
        body: { updatesPerSecond: 10, durationSeconds: 60, seed: 3 },
      })
      env.clock.advance(1000)
      const stopped = await call<TrafficJob>('DELETE', `${PROFILES}/traffic/${job.body.id}`)
      expect(stopped.body).toMatchObject({ state: 'stopped', sent: 10 })
      env.clock.advance(5000)
      expect((await call<TrafficJob>('GET', `${PROFILES}/traffic/${job.body.id}`)).body.sent).toBe(
        10,
      )
      return stopped.body.byKind
    }
    const first = await run()
    await env.backend.db.reset('prod')
    expect(await run()).toEqual(first)
    const invalid = await call<Problem>('POST', `${PROFILES}/traffic`, {
      body: { updatesPerSecond: 0, durationSeconds: 1 },
    })
    expect(invalid.status).toBe(400)
  })
})
