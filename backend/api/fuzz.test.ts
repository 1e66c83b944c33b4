import * as fc from 'fast-check'
import { HttpHandler } from 'msw'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../contracts/limits'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import type { Collections } from '../store/collections'
import { ORIGIN, startTestBackend } from '../testing/api'
import { createHttpDataflow } from '../testing/fixtures'

const env = startTestBackend()

/** Every API route of the backend, from its msw handlers (the demo hosts match outbound URLs by regex). */
const routes = env.backend.handlers
  .filter((h): h is HttpHandler => h instanceof HttpHandler)
  .flatMap(({ info: { method, path } }) =>
    typeof method === 'string' && typeof path === 'string' && path.startsWith('*/')
      ? [{ method, path: path.slice(1) }]
      : [],
  )

/** Every collection of a sandbox; a key missing or unknown here fails to compile. */
const COLLECTIONS: Record<keyof Collections, true> = {
  meta: true,
  connections: true,
  targetConnections: true,
  sourceConnections: true,
  flows: true,
  audiences: true,
  profiles: true,
  exportSegments: true,
  flowStats: true,
  receiverSegments: true,
  receiverEndpoints: true,
  streamSegments: true,
  streamStates: true,
  backfills: true,
  trafficJobs: true,
  alertReads: true,
}

async function snapshot(name: string): Promise<string> {
  const sandbox = await env.backend.db.sandbox(name)
  return JSON.stringify(
    Object.keys(COLLECTIONS).map((c) => sandbox.collection(c as keyof Collections).all()),
  )
}

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

const pointer = fc.oneof(
  fc.constantFrom(
    '/name',
    '/__proto__/x',
    '/constructor/prototype/x',
    '/id',
    '/etag',
    '/createdAt',
    '/transformations/0/params/profileSelectors/selectors/-',
    '/transformations/9',
    '/attributes/__proto__',
    '/identityMap/ecid/0/id',
    '',
    'name',
    '/~2',
  ),
  fc.string(),
)

const patchOperation = fc.record(
  {
    op: fc.oneof(
      fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bad'),
      fc.string(),
    ),
    path: pointer,
    from: pointer,
    value: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: ['op'] },
)

const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('{', '[1,', '{"a":}', 'null', '"x"', '1e999999'),
  fc.integer({ min: LIMITS.jsonDepth + 1, max: 3000 }).map(deep),
  fc.constant(JSON.stringify({ name: 'a'.repeat(LIMITS.bodyBytes) })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        description: fc.jsonValue({ maxDepth: 2 }),
        connectionSpec: fc.oneof(fc.record({ id: fc.string() }), fc.string()),
        auth: fc.jsonValue({ maxDepth: 3 }),
        params: fc.jsonValue({ maxDepth: 3 }),
        expression: fc.record({ value: fc.oneof(fc.string(), fc.integer()) }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.array(patchOperation, { maxLength: 3 }).map((v) => JSON.stringify(v)),
)

const query = fc.constantFrom(
  '',
  '?limit=-10',
  '?limit=abc',
  '?limit=0',
  '?start=-1',
  '?start=x',
  '?orderby=name,id',
  '?orderby=--',
  '?property=',
  '?property=%3D%3D',
  '?continuationToken=%%%',
  '?continuationToken=LTE%3D',
  '?op=explode',
  '?count=maybe',
  '?search=%00',
)

const request = fc.record({
  route: fc.constantFrom(...routes),
  id: fc.oneof(
    fc.constant('real'),
    fc.constantFrom('00000000-0000-0000-0000-000000000000', '__proto__', 'constructor', '%2F'),
    fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
  ),
  query,
  body,
  contentType: fc.constantFrom(
    'application/json',
    'application/json-patch+json',
    'text/plain',
    null,
  ),
  sandbox: fc.constantFrom('prod', 'prod', 'prod', null, 'staging', ''),
  ifMatch: fc.constantFrom(null, '"stale"', '', 'real'),
})

describe('every route under generated bad input', () => {
  it('never answers 5xx, and a refused request changes nothing', { timeout: 60_000 }, async () => {
    const { flow, target, base } = await createHttpDataflow()
    const realIds: Record<string, { id: string; etag: string }> = {
      flows: flow,
      targetConnections: target,
      connections: base,
      definitions: { id: SEED_AUDIENCE_IDS.firstNameJohn, etag: '' },
    }
    const realFor = (path: string) =>
      Object.entries(realIds).find(([resource]) => path.includes(`/${resource}/`))?.[1] ?? flow
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const real = realFor(r.route.path)
        const path = r.route.path.replace(/:\w+/g, r.id === 'real' ? real.id : r.id)
        const headers: Record<string, string> = {}
        if (r.sandbox !== null) headers['x-sandbox-name'] = r.sandbox
        if (r.contentType !== null && r.body !== undefined) headers['content-type'] = r.contentType
        if (r.ifMatch !== null) headers['if-match'] = r.ifMatch === 'real' ? real.etag : r.ifMatch
        const before = await snapshot('prod')
        const response = await fetch(`${ORIGIN}${path}${r.query}`, {
          method: r.route.method,
          headers,
          body: r.route.method === 'GET' ? undefined : r.body,
        })
        const text = await response.text()
        expect(
          response.status,
          `${r.route.method} ${path}${r.query}: ${text.slice(0, 300)}`,
        ).toBeLessThan(500)
        const refused = response.status >= 400
        const after = refused ? await snapshot('prod') : before
        expect(after, `${r.route.method} ${path} was refused and changed state`).toBe(before)
      }),
      { seed: 16, numRuns: 400 },
    )
  })
})
