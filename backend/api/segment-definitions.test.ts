import { describe, expect, it } from 'vitest'
import { MERGE_POLICIES } from '../../contracts/audience'
import {
  segmentDefinitionSchema,
  type SegmentDefinition,
} from '../../contracts/engine/segment-definitions'
import { LIMITS } from '../../contracts/limits'
import type { ProblemBody } from '../../contracts/problem'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, ORIGIN, startTestBackend } from '../testing/api'
import { activateDataflow, isRealizedIn, updateProfile } from '../testing/engine'

const env = startTestBackend()

const DEFINITIONS = '/data/core/ups/segment/definitions'
const john = SEED_AUDIENCE_IDS.firstNameJohn
const menOver50 = SEED_AUDIENCE_IDS.menOver50

const pql = (value: string) => ({ type: 'PQL', format: 'pql/text', value })

const firstName = (attributes: Record<string, unknown>) =>
  (attributes.person as { name?: { firstName?: string } } | undefined)?.name?.firstName

const store = () => env.backend.db.sandbox('prod')

/** The audiences and profiles as stored, to show a refused request changed neither. */
async function saved(): Promise<string> {
  const sandbox = await store()
  return JSON.stringify([
    sandbox.collection('audiences').all(),
    sandbox.collection('profiles').all(),
  ])
}

const patch = (id: string, body: unknown) =>
  call<SegmentDefinition & ProblemBody>('PATCH', `${DEFINITIONS}/${id}`, { body })

describe('PATCH /segment/definitions/{id}', () => {
  it('overwrites name, description and PQL, answering 200 the definition and X-Location', async () => {
    const before = (await call<SegmentDefinition>('GET', `${DEFINITIONS}/${john}`)).body
    env.clock.advance(60_000)
    const res = await patch(john, {
      name: 'First name equals Johnny',
      description: 'Profiles whose first name is Johnny.',
      expression: pql('person.name.firstName = "Johnny"'),
      schema: { name: '_xdm.context.profile' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-location')).toBe(`${ORIGIN}${DEFINITIONS}/${john}`)
    expect(segmentDefinitionSchema.safeParse(res.body).error?.issues ?? []).toEqual([])
    expect(res.body).toMatchObject({
      id: john,
      name: 'First name equals Johnny',
      description: 'Profiles whose first name is Johnny.',
      expression: pql('person.name.firstName = "Johnny"'),
      mergePolicyId: before.mergePolicyId,
      creationTime: before.creationTime,
      updateTime: env.clock.now(),
      updateEpoch: Math.floor(env.clock.now() / 1000),
    })
    expect((await call('GET', `${DEFINITIONS}/${john}`)).body).toEqual(res.body)
  })

  it('keeps the description and merge policy a body leaves out, and takes a new merge policy', async () => {
    const before = (await call<SegmentDefinition>('GET', `${DEFINITIONS}/${menOver50}`)).body
    const renamed = await patch(menOver50, { name: 'Men past 50', expression: before.expression })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({
      name: 'Men past 50',
      description: before.description,
      mergePolicyId: before.mergePolicyId,
      metrics: before.metrics,
    })
    const moved = await patch(menOver50, {
      name: 'Men past 50',
      expression: before.expression,
      mergePolicyId: MERGE_POLICIES.loyalty.id,
    })
    expect(moved.body.mergePolicyId).toBe(MERGE_POLICIES.loyalty.id)
  })

  it('takes its own name in another case', async () => {
    const res = await patch(john, {
      name: ' FIRST NAME EQUALS JOHN ',
      expression: pql('person.name.firstName = "John"'),
    })
    expect(res.status).toBe(200)
    expect(res.body.name).toBe('FIRST NAME EQUALS JOHN')
  })

  it('evaluates every profile against a new expression: qualifying ones realized, others exited', async () => {
    const sandbox = await store()
    const profiles = sandbox.collection('profiles').all()
    const subject = profiles.find((p) => {
      const name = firstName(p.attributes)
      return name !== undefined && name !== 'John'
    })!
    const name = firstName(subject.attributes)!
    const formerJohns = profiles.filter((p) => isRealizedIn(p, john))
    expect(formerJohns.length).toBeGreaterThan(0)
    expect(isRealizedIn(subject, john)).toBe(false)
    env.clock.advance(5_000)

    const res = await patch(john, {
      name: `First name equals ${name}`,
      expression: pql(`person.name.firstName = "${name}"`),
    })
    expect(res.status).toBe(200)
    const now = new Date(env.clock.now()).toISOString()
    const after = sandbox.collection('profiles')
    const namedSo = after.all().filter((p) => firstName(p.attributes) === name)
    expect(res.body.metrics.data.totalProfiles).toBe(namedSo.length)
    expect(after.get(subject.id)?.segmentMembership.ups[john]).toEqual({
      status: 'realized',
      lastQualificationTime: now,
    })
    for (const former of formerJohns) {
      expect(after.get(former.id)?.segmentMembership.ups[john]).toEqual({
        status: 'exited',
        lastQualificationTime: now,
      })
    }
  })

  it('has streaming segmentation and the dataflows that activate it use the new expression', async () => {
    const { flowId } = await activateDataflow({ audiences: [john] })
    await env.backend.engine.whenIdle()
    const res = await patch(john, {
      name: 'First name equals Zebulon',
      expression: pql('person.name.firstName = "Zebulon"'),
    })
    expect(res.status).toBe(200)
    expect(res.body.metrics.data.totalProfiles).toBe(0)
    const sandbox = await store()
    const someone = sandbox
      .collection('profiles')
      .all()
      .find((p) => firstName(p.attributes) !== undefined)!
    const update = await updateProfile(someone.id, [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'Zebulon' },
    ])
    expect(update.evaluation.memberships).toContainEqual(
      expect.objectContaining({ audienceId: john, to: 'realized' }),
    )
    expect(update.evaluation.exports).toEqual([
      expect.objectContaining({ flowId, decision: 'export' }),
    ])
  })

  describe('refusals change nothing', () => {
    const valid = { name: 'Renamed', expression: pql('person.name.firstName = "Renamed"') }

    it.each([
      ['an unknown property', { ...valid, bogus: 1 }, 'bogus'],
      ['a read-only property', { ...valid, id: 'other' }, 'id'],
      [
        'an unknown expression property',
        { ...valid, expression: { ...valid.expression, x: 1 } },
        'expression.x',
      ],
      [
        'an unknown schema property',
        { ...valid, schema: { name: '_xdm.context.profile', y: 1 } },
        'schema.y',
      ],
      ['a name past the limit', { ...valid, name: 'n'.repeat(LIMITS.name + 1) }, 'name'],
      ['a blank name', { ...valid, name: '  ' }, 'name'],
      ['no name', { expression: valid.expression }, 'name'],
      ['no expression', { name: valid.name }, 'expression'],
      [
        'PQL past the limit',
        { ...valid, expression: pql('a'.repeat(LIMITS.pql + 1)) },
        'expression.value',
      ],
      [
        'another format',
        { ...valid, expression: { ...valid.expression, format: 'pql/json' } },
        'expression.format',
      ],
      [
        'a description past the limit',
        { ...valid, description: 'd'.repeat(LIMITS.description + 1) },
        'description',
      ],
      ['an unknown merge policy', { ...valid, mergePolicyId: 'nope' }, 'mergePolicyId'],
      [
        'another schema class',
        { ...valid, schema: { name: '_xdm.context.experienceevent' } },
        'schema.name',
      ],
    ])('answers 400 naming the field for %s', async (_, body, path) => {
      const before = await saved()
      const res = await patch(john, body)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' })
      expect(res.body.errorDetails?.map((e) => e.path)).toContain(path)
      expect(await saved()).toBe(before)
    })

    it('names an unknown property in the message too', async () => {
      const res = await patch(john, { ...valid, bogus: 1 })
      expect(res.body.errorDetails).toEqual([
        { path: 'bogus', message: "This request does not take 'bogus'." },
      ])
      expect(res.body.report['detailed-message']).toContain('bogus')
    })

    it('answers a PQL syntax error and an unknown field as creation does, with the position', async () => {
      const before = await saved()
      const syntax = await patch(john, { ...valid, expression: pql('loyalty.points = 1 b') })
      expect(syntax.status).toBe(400)
      expect(syntax.body.errorDetails).toEqual([
        {
          path: 'expression.value',
          message: "Expected 'and', 'or' or end of input at position 19, found 'b'",
          position: 19,
        },
      ])
      const unknown = await patch(john, {
        ...valid,
        expression: pql('loyalty.points > 1 and x.flag = true'),
      })
      expect(unknown.body.errorDetails).toEqual([
        {
          path: 'expression.value',
          message: 'At position 23: x is not a field of the profile schema.',
          position: 23,
        },
      ])
      expect(await saved()).toBe(before)
    })

    it('answers a name another audience has, in any case, with 422 as creation does', async () => {
      const before = await saved()
      const res = await patch(john, { ...valid, name: ' men OVER 50 ' })
      expect(res.status).toBe(422)
      expect(res.body.errorDetails).toEqual([
        {
          path: 'name',
          message: 'An audience named "Men over 50" exists already. Choose another name.',
        },
      ])
      expect(await saved()).toBe(before)
    })

    it('answers an unknown id with a 404 problem', async () => {
      const before = await saved()
      const res = await patch('no-such-segment', valid)
      expect(res.status).toBe(404)
      expect(res.body.report['detailed-message']).toContain('no-such-segment')
      expect(await saved()).toBe(before)
    })

    it('answers a body that is no JSON object with 400', async () => {
      const before = await saved()
      expect((await patch(john, [valid])).status).toBe(400)
      const text = await call('PATCH', `${DEFINITIONS}/${john}`, {
        rawBody: 'name=x',
        headers: { 'content-type': 'text/plain' },
      })
      expect(text.status).toBe(400)
      expect(await saved()).toBe(before)
    })
  })
})

describe('DELETE /segment/definitions/{id}', () => {
  it('deletes an audience no dataflow activates: 200 {status, message}, memberships gone', async () => {
    const sandbox = await store()
    const members = sandbox
      .collection('profiles')
      .all()
      .filter((p) => p.segmentMembership.ups[menOver50])
    expect(members.length).toBeGreaterThan(0)
    const res = await call<{ status: boolean; message: string }>(
      'DELETE',
      `${DEFINITIONS}/${menOver50}`,
    )
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: true, message: expect.stringContaining(menOver50) })
    expect((await call('GET', `${DEFINITIONS}/${menOver50}`)).status).toBe(404)
    const listed = await call<{ segments: { id: string }[] }>('GET', DEFINITIONS)
    expect(listed.body.segments.map((s) => s.id)).not.toContain(menOver50)
    for (const profile of sandbox.collection('profiles').all()) {
      expect(profile.segmentMembership.ups).not.toHaveProperty(menOver50)
    }
    expect((await call('DELETE', `${DEFINITIONS}/${menOver50}`)).status).toBe(404)
  })

  it('keeps the engine running for the dataflows of the other audiences', async () => {
    const { flowId, etag } = await activateDataflow({ audiences: [john] })
    await env.backend.engine.whenIdle()
    expect((await call('DELETE', `${DEFINITIONS}/${menOver50}`)).status).toBe(200)
    const sandbox = await store()
    const someone = sandbox
      .collection('profiles')
      .all()
      .find((p) => firstName(p.attributes) !== undefined && !isRealizedIn(p, john))!
    const update = await updateProfile(someone.id, [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'John' },
    ])
    expect(update.evaluation.exports).toEqual([
      expect.objectContaining({ flowId, decision: 'export' }),
    ])
    const remap = await call<ProblemBody>('PATCH', `${FS}/flows/${flowId}`, {
      headers: { 'if-match': etag },
      body: [
        {
          op: 'add',
          path: '/transformations/0/params/segmentSelectors/selectors/-',
          value: { type: 'PLATFORM_SEGMENT', value: { id: menOver50 } },
        },
      ],
    })
    expect(remap.status).toBe(400)
    expect(remap.body.errorDetails?.[0].message).toBe(`No audience '${menOver50}' exists.`)
  })

  it('refuses an audience a dataflow activates with 422 naming the dataflow, and keeps it', async () => {
    const { flowId } = await activateDataflow({ audiences: [john, menOver50] })
    await env.backend.engine.whenIdle()
    const before = await saved()
    const res = await call<ProblemBody>('DELETE', `${DEFINITIONS}/${john}`)
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body).toMatchObject({
      type: 'https://ns.adobe.com/aep/errors/FLOW-1420-422',
      title: 'Audience in use',
      status: 422,
    })
    expect(res.body.report['detailed-message']).toContain(flowId)
    expect(res.body.report['detailed-message']).toContain("'Dataflow'")
    expect(await saved()).toBe(before)
    expect((await call('GET', `${DEFINITIONS}/${john}`)).status).toBe(200)

    expect((await call('DELETE', `${FS}/flows/${flowId}`)).status).toBe(204)
    expect((await call('DELETE', `${DEFINITIONS}/${john}`)).status).toBe(200)
  })

  it('answers an unknown id with a 404 problem', async () => {
    const res = await call<ProblemBody>('DELETE', `${DEFINITIONS}/no-such-segment`)
    expect(res.status).toBe(404)
    expect(res.body.report['detailed-message']).toContain('no-such-segment')
  })

  it('lists GET, PATCH and DELETE in Allow for a method the path does not take', async () => {
    const res = await call('PUT', `${DEFINITIONS}/${john}`, { body: {} })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'PATCH'])
  })
})
