import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../contracts/limits'
import { call, FS, startTestBackend } from '../testing/api'
import { bearerConnection, createHttpDataflow } from '../testing/fixtures'

startTestBackend()

interface Problem {
  type: string
  status: number
  errorDetails?: { path: string; message: string }[]
}

/** JSON text of `depth` objects nested in one another, built as text (no recursion). */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`

describe('body limits', () => {
  it('refuses a body nested past the depth limit with 400, and keeps nothing', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      rawBody: JSON.stringify(bearerConnection({ description: '@' })).replace('"@"', nested(5000)),
    })
    expect(res.status).toBe(400)
    expect(res.body.type).toContain('FLOW-1407-400')
    const list = await call('GET', `${FS}/connections`)
    expect(list.status).toBe(200)
  })

  it('accepts nesting up to the limit as far as depth goes', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      rawBody: JSON.stringify(bearerConnection({ description: '@' })).replace(
        '"@"',
        nested(LIMITS.jsonDepth - 1),
      ),
    })
    expect(res.body.type ?? '').not.toContain('FLOW-1407')
  })

  it('refuses a deeply nested JSON Patch value with 400', async () => {
    const { flow } = await createHttpDataflow()
    const res = await call<Problem>('PATCH', `${FS}/flows/${flow.id}`, {
      rawBody: `[{"op":"replace","path":"/name","value":${nested(5000)}}]`,
      headers: { 'if-match': flow.etag },
    })
    expect(res.status).toBe(400)
  })

  it('refuses a body past the size limit with 413 in the problem shape', async () => {
    const res = await call<Problem>('POST', `${FS}/connections`, {
      body: bearerConnection({ description: 'x'.repeat(LIMITS.bodyBytes) }),
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.type).toContain('FLOW-1408-413')
  })
})
