import { describe, expect, it } from 'vitest'
import { call, FS, startTestBackend } from '../testing/api'
import { createHttpDataflow } from '../testing/fixtures'

startTestBackend()

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
