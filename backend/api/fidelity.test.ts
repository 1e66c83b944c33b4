import { describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import type { RunList } from '../../contracts/engine/runs'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, startTestBackend } from '../testing/api'
import { activateDataflow } from '../testing/engine'
import { bearerConnection, createHttpDataflow } from '../testing/fixtures'

const env = startTestBackend()

interface Created {
  id: string
  etag: string
}
type Items = { items: Record<string, unknown>[] }

interface Problem {
  type: string
  title: string
  status: number
  report: { 'detailed-message': string; 'request-id': string }
}

const expectProblem = (
  res: { status: number; headers: Headers; body: unknown },
  status: number,
) => {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect(res.body).toMatchObject({
    type: expect.stringMatching(/^https:\/\/ns\.adobe\.com\/aep\/errors\//),
    status,
    report: { 'request-id': expect.stringMatching(/[0-9a-f-]{36}/) },
  })
}

describe('requests no route answers', () => {
  it.each([
    `${FS}/connections/00000000-0000-0000-0000-000000000000/explore`,
    `${FS}/connections/00000000-0000-0000-0000-000000000000/configs`,
    `${FS}/flows/x/y/z`,
    `${FS}/nothing-here`,
    '/data/core/ups/audiences/bulk-get',
    '/data/foundation/schemaregistry/tenant/schemas',
    '/demo/nothing',
  ])('answers GET %s with a 404 problem, not the page', async (path) => {
    const res = await call<Problem>('GET', path)
    expectProblem(res, 404)
    expect(res.body.title).toBe('Resource not found')
    expect(res.body.report['detailed-message']).toContain(path)
  })

  it('answers 405 with an Allow header for a method a known path does not take', async () => {
    const res = await call<Problem>('PUT', `${FS}/connections`, { body: {} })
    expectProblem(res, 405)
    expect(res.headers.get('allow')).toBe('GET, POST')
  })

  it('lists every method of a path with a parameter in Allow', async () => {
    const { flow } = await createHttpDataflow()
    const res = await call<Problem>('PUT', `${FS}/flows/${flow.id}`, { body: {} })
    expectProblem(res, 405)
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'PATCH'])
  })
})

describe('routes the references have', () => {
  it('reads one run by id in the list shape', async () => {
    const { flowId } = await activateDataflow({ audiences: [SEED_AUDIENCE_IDS.firstNameJohn] })
    await env.backend.engine.whenIdle()
    const runs = await call<RunList>(
      'GET',
      `${FS}/runs?property=${encodeURIComponent(`flowId==${flowId}`)}`,
    )
    const [first] = runs.body.items
    const res = await call<RunList>('GET', `${FS}/runs/${first.id}`)
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([first])
    expectProblem(await call('GET', `${FS}/runs/no-such-run`), 404)
  })

  it('tests a saved account: result true for good credentials', async () => {
    const { base } = await createHttpDataflow()
    const res = await call<{ result: boolean; message: string }>(
      'GET',
      `${FS}/connections/${base.id}/test`,
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ result: true, message: expect.any(String) })
  })

  it('tests a saved account: result false, with the reason, when they are refused', async () => {
    const created = await call<Created>('POST', `${FS}/connections`, {
      body: bearerConnection({
        auth: {
          specName: 'OAuth 2 Client Credentials',
          params: {
            accessTokenUrl: DEMO_CREDENTIALS.oauth.accessTokenUrl,
            clientId: DEMO_CREDENTIALS.oauth.clientId,
            clientSecret: 'not-the-secret',
            clientCredentialsType: 'BASIC_AUTHORIZATION',
          },
        },
      }),
    })
    const res = await call<{ result: boolean; message: string }>(
      'GET',
      `${FS}/connections/${created.body.id}/test`,
    )
    expect(res.status).toBe(200)
    expect(res.body.result).toBe(false)
    expect(res.body.message).toContain('invalid_client')
  })

  it('patches a source connection with If-Match and refuses a stale etag', async () => {
    const { source } = await createHttpDataflow()
    const path = `${FS}/sourceConnections/${source.id}`
    const patch = [{ op: 'replace', path: '/name', value: 'Profiles' }]
    expect((await call('PATCH', path, { body: patch })).status).toBe(400)
    const res = await call<Created>('PATCH', path, {
      body: patch,
      headers: { 'if-match': source.etag },
    })
    expect(res.status).toBe(200)
    expect(res.body.etag).not.toBe(source.etag)
    expect((await call<Items>('GET', path)).body.items[0].name).toBe('Profiles')
    expectProblem(
      await call('PATCH', path, { body: patch, headers: { 'if-match': source.etag } }),
      412,
    )
  })

  it('deletes a source connection only once no dataflow reads from it', async () => {
    const { source, flow } = await createHttpDataflow()
    const path = `${FS}/sourceConnections/${source.id}`
    const refused = await call<Problem>('DELETE', path)
    expectProblem(refused, 400)
    expect(refused.body.report['detailed-message']).toContain(flow.id)
    expect((await call('DELETE', `${FS}/flows/${flow.id}`)).status).toBe(204)
    expect((await call('DELETE', path)).status).toBe(204)
    expectProblem(await call('GET', path), 404)
  })

  it.each([
    ['DISABLE', 'disabled'],
    ['ENABLE', 'enabled'],
    ['disable', 'disabled'],
  ])('takes op=%s on a flow', async (op, state) => {
    const { flow } = await createHttpDataflow()
    const res = await call('POST', `${FS}/flows/${flow.id}/action?op=${op}`)
    expect(res.status).toBe(200)
    expect((await call<Items>('GET', `${FS}/flows/${flow.id}`)).body.items[0].state).toBe(state)
  })

  it('refuses an op the flow action does not take', async () => {
    const { flow } = await createHttpDataflow()
    const res = await call<Problem>('POST', `${FS}/flows/${flow.id}/action?op=constructor`)
    expectProblem(res, 400)
    expect(res.body.report['detailed-message']).toContain("'ENABLE' or 'DISABLE'")
  })
})

describe('inheritedAttributes, as the references show them', () => {
  it('names the account of a target and a source connection, and of each connection of a flow', async () => {
    const { base, target, source, flow } = await createHttpDataflow()
    const account = (await call<Items>('GET', `${FS}/connections/${base.id}`)).body.items[0]
    const targetRead = (await call<Items>('GET', `${FS}/targetConnections/${target.id}`)).body
    expect(targetRead.items[0].inheritedAttributes).toEqual({
      baseConnection: { id: base.id, connectionSpec: account.connectionSpec },
    })
    const sourceRead = (await call<Items>('GET', `${FS}/sourceConnections/${source.id}`)).body
    const sourceBase = (
      sourceRead.items[0].inheritedAttributes as { baseConnection: { id: string } }
    ).baseConnection
    expect(sourceBase.id).toBe(sourceRead.items[0].baseConnectionId)
    const listed = (await call<Items>('GET', `${FS}/targetConnections`)).body.items
    expect(listed.find((t) => t.id === target.id)?.inheritedAttributes).toEqual(
      targetRead.items[0].inheritedAttributes,
    )
    const flowRead = (await call<Items>('GET', `${FS}/flows/${flow.id}`)).body.items[0]
    expect(flowRead.inheritedAttributes).toMatchObject({
      sourceConnections: [{ id: source.id, baseConnection: { id: sourceBase.id } }],
      targetConnections: [{ id: target.id, baseConnection: { id: base.id } }],
    })
  })
})

describe('Segmentation Service statuses, as segmentation.yaml documents them', () => {
  const definitions = '/data/core/ups/segment/definitions'

  it('answers a created definition with 200 and X-Location, a taken name with 422', async () => {
    const body = {
      name: 'Noir fans',
      expression: { type: 'PQL', format: 'pql/text', value: 'person.name.firstName = "Noir"' },
    }
    const res = await call<{ id: string }>('POST', definitions, { body })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-location')).toBe(`http://console.test${definitions}/${res.body.id}`)
    expect((await call('GET', new URL(res.headers.get('x-location') ?? '').pathname)).status).toBe(
      200,
    )
    expectProblem(await call('POST', definitions, { body }), 422)
  })

  it('answers an unknown definition with a 404 problem', async () => {
    const res = await call<Problem>('GET', `${definitions}/no-such-segment`)
    expectProblem(res, 404)
    expect(res.body.report['detailed-message']).toContain('no-such-segment')
  })
})
