import { describe, expect, it } from 'vitest'
import { SPEC_IDS } from '../../contracts/connection-spec'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import { maskSecret } from '../../contracts/destinations/export-request'
import type { ExportRecord, ReceiverEntry } from '../../contracts/engine/exports'
import type {
  ReceiverRequests,
  ReceiverScenarioInput,
  ReceiverScenarioStatus,
} from '../../contracts/engine/receiver'
import type { StreamRecords } from '../../contracts/engine/streams'
import type { Profile } from '../../contracts/profile'
import { SEED_AUDIENCE_IDS } from '../seed/data/audiences'
import { call, FS, startTestBackend } from '../testing/api'
import {
  activateDataflow,
  exportRecord,
  HTTP_AUTH,
  isRealizedIn,
  listExports,
  profilesWhere,
  updateProfile,
  type DataflowOptions,
} from '../testing/engine'

const env = startTestBackend()
const idle = () => env.backend.engine.whenIdle()
const demo = DEMO_CREDENTIALS.oauth
const ENDPOINT = 'hooks.example/profiles'
const TOKEN_ENDPOINT = 'auth.example/oauth/token'

async function setScenario(scenario: ReceiverScenarioInput, endpoint = ENDPOINT) {
  const res = await call<ReceiverScenarioStatus>(
    'PUT',
    `/demo/receiver/scenario?endpoint=${encodeURIComponent(endpoint)}`,
    { body: scenario },
  )
  expect(res.status).toBe(200)
  return res.body
}

async function received(endpoint = ENDPOINT): Promise<ReceiverEntry[]> {
  const res = await call<ReceiverRequests>(
    'GET',
    `/demo/receiver/requests?endpoint=${encodeURIComponent(endpoint)}&limit=1000`,
  )
  return res.body.items
}

/** A dataflow on "First name equals John" only, its backfill delivered and forgotten. */
async function johnFlow(options: DataflowOptions = {}) {
  const flow = await activateDataflow({ audiences: [SEED_AUDIENCE_IDS.firstNameJohn], ...options })
  await idle()
  const [john] = await profilesWhere(env.backend.db, (p: Profile) =>
    isRealizedIn(p, SEED_AUDIENCE_IDS.firstNameJohn),
  )
  return { ...flow, john }
}

/** Writes a mapped attribute of John and returns the export record once the engine is idle. */
async function exportJohn(
  flowId: string,
  john: Profile,
  lastName = 'Smith',
): Promise<ExportRecord> {
  const result = await updateProfile(john.id, [
    { op: 'replace', path: '/attributes/person/name/lastName', value: lastName },
  ])
  const decision = result.evaluation.exports.find((d) => d.flowId === flowId)
  if (decision?.decision !== 'export') throw new Error('expected an export')
  await idle()
  return exportRecord(flowId, decision.exportId)
}

const header = (record: ExportRecord, attempt: number, name: string) =>
  record.attempts[attempt]?.request?.headers.find((h) => h.name.toLowerCase() === name)?.value

describe('authentication of the HTTP API destination', () => {
  it('sends no Authorization with None, and the custom headers and query parameters', async () => {
    const { flowId, john } = await johnFlow({
      auth: HTTP_AUTH.none,
      params: {
        httpEndpoint: 'https://hooks.example/profiles',
        headers: 'x-team:growth,x-source:aep',
        queryParameters: 'origin=aep&v=2',
      },
    })
    const record = await exportJohn(flowId, john)
    const request = record.attempts[0].request!
    expect(request.method).toBe('POST')
    expect(request.url).toBe('https://hooks.example/profiles?origin=aep&v=2')
    expect(request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'x-team', value: 'growth' },
      { name: 'x-source', value: 'aep' },
    ])
    const [seen] = await received()
    expect(seen).toMatchObject({
      method: 'POST',
      url: 'https://hooks.example/profiles?origin=aep&v=2',
      headers: { 'content-type': 'application/json', 'x-team': 'growth', 'x-source': 'aep' },
      body: request.body,
      status: 200,
    })
    expect(record.receiver).toEqual([seen])
    expect(record.curl).toBe(
      [
        "curl -X POST 'https://hooks.example/profiles?origin=aep&v=2'",
        "  -H 'Content-Type: application/json'",
        "  -H 'x-team: growth'",
        "  -H 'x-source: aep'",
        `  --data-raw '${request.body.replaceAll("'", "'\\''")}'`,
      ].join(' \\\n'),
    )
  })

  it('sends the bearer token, masked in the record, and the receiver accepts the demo token', async () => {
    const { flowId, john } = await johnFlow({ auth: HTTP_AUTH.bearer })
    const record = await exportJohn(flowId, john)
    expect(header(record, 0, 'authorization')).toBe(
      `Bearer ${maskSecret(DEMO_CREDENTIALS.bearerToken)}`,
    )
    expect(record.state).toBe('delivered')
    expect(JSON.stringify(record)).not.toContain(DEMO_CREDENTIALS.bearerToken)
  })

  it('fails at once when the receiver rejects a bearer token (401, no retry)', async () => {
    const { flowId, john } = await johnFlow({
      auth: { specName: 'Bearer token', params: { token: 'not-the-demo-token-0000' } },
    })
    const record = await exportJohn(flowId, john)
    expect(record.state).toBe('failed')
    expect(record.attempts).toHaveLength(1)
    expect(record.attempts[0]).toMatchObject({
      action: 'fail',
      response: {
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      },
    })
    expect(record.failureReason).toBe('The endpoint rejected the credentials (HTTP 401)')
  })

  it.each([
    [
      'OAuth 2 Password',
      HTTP_AUTH.password,
      `grant_type=password&username=demo-user&password=${maskSecret(demo.password)}&client_id=demo-client&client_secret=${maskSecret(demo.clientSecret)}`,
      undefined,
    ],
    [
      'OAuth 2 Client Credentials, Body Form Encoded',
      HTTP_AUTH.bodyForm,
      `grant_type=client_credentials&client_id=demo-client&client_secret=${maskSecret(demo.clientSecret)}`,
      undefined,
    ],
    [
      'OAuth 2 Client Credentials, Basic Authorization',
      HTTP_AUTH.basic,
      'grant_type=client_credentials',
      `Basic ${maskSecret(btoa('demo-client:demo-secret'))}`,
    ],
  ])(
    '%s: fetches a token with the right request, then sends it as Bearer',
    async (_name, auth, body, basic) => {
      const { flowId } = await johnFlow({ auth })
      const backfill = await listExports(flowId, '?limit=500')
      const record = await exportRecord(flowId, backfill.items.at(-1)!.id)
      const exchange = record.attempts[0].tokenExchange
      expect(exchange).toMatchObject({
        cause: 'no-token',
        request: { method: 'POST', url: demo.accessTokenUrl, body },
        response: { status: 200 },
        error: null,
      })
      const authorization = exchange?.request.headers.find((h) => h.name === 'Authorization')
      expect(authorization?.value).toBe(basic)
      expect(exchange?.request.headers).toContainEqual({
        name: 'Content-Type',
        value: 'application/x-www-form-urlencoded',
      })
      const token = JSON.parse(exchange!.response!.body) as {
        access_token: string
        expires_in: number
      }
      expect(token.expires_in).toBe(demo.expiresInSeconds)
      expect(token.access_token).toMatch(/^••••••/)
      expect(header(record, 0, 'authorization')).toMatch(/^Bearer ••••••.{4}$/)
      expect(record.state).toBe('delivered')

      const [tokenRequest] = await received(TOKEN_ENDPOINT)
      expect(tokenRequest).toMatchObject({ method: 'POST', body, status: 200 })
      expect(JSON.stringify(record)).not.toContain(demo.clientSecret)
    },
  )

  it('caches the token until it expires, then fetches a new one', async () => {
    const { flowId, john } = await johnFlow({ auth: HTTP_AUTH.bodyForm })
    const tokensAfterBackfill = (await received(TOKEN_ENDPOINT)).length
    expect(tokensAfterBackfill).toBe(1)
    const cached = await exportJohn(flowId, john, 'One')
    expect(cached.attempts[0].tokenExchange).toBeNull()
    expect(await received(TOKEN_ENDPOINT)).toHaveLength(1)

    env.clock.advance(demo.expiresInSeconds * 1000)
    const renewed = await exportJohn(flowId, john, 'Two')
    expect(renewed.attempts[0].tokenExchange?.cause).toBe('expired')
    expect(renewed.state).toBe('delivered')
    expect(await received(TOKEN_ENDPOINT)).toHaveLength(2)
  })

  it('refetches the token once after a 401 and resends, as an extra attempt', async () => {
    const { flowId, john } = await johnFlow({ auth: HTTP_AUTH.password })
    await setScenario({ kind: 'unauthorized-once' })
    const record = await exportJohn(flowId, john)
    expect(
      record.attempts.map((a) => [a.response?.status, a.action, a.tokenExchange?.cause ?? null]),
    ).toEqual([
      [401, 'refresh-token', null],
      [200, 'done', 'unauthorized'],
    ])
    expect(header(record, 1, 'authorization')).not.toBe(header(record, 0, 'authorization'))
    expect(record.state).toBe('delivered')
    expect((await received()).map((r) => r.status).slice(0, 2)).toEqual([200, 401])
    expect((await setScenario({ kind: 'ok' })).remaining).toBeNull()
  })

  it('reports a token request the token server rejects, without retrying', async () => {
    const { flowId, john } = await johnFlow({
      auth: {
        specName: 'OAuth 2 Password',
        params: { ...HTTP_AUTH.password.params, password: 'wrong' },
      },
    })
    const record = await exportJohn(flowId, john)
    expect(record.state).toBe('failed')
    expect(record.attempts).toHaveLength(1)
    expect(record.attempts[0]).toMatchObject({
      request: null,
      tokenExchange: { response: { status: 400 }, error: expect.stringContaining('invalid_grant') },
    })
    expect(record.failureReason).toContain('The token request failed')
  })
})

/** A single-quoted shell word, as `toCurl` writes it, read back. */
const unquote = (quoted: string) => quoted.slice(1, -1).replaceAll(String.raw`'\''`, "'")

/** A Copy as cURL command of the console replayed with fetch, as a shell would run it. */
async function replay(curl: string): Promise<number> {
  const lines = curl.split(' \\\n').map((line) => line.trim())
  const url = unquote(lines[0].replace('curl -X POST ', ''))
  const headers = lines
    .filter((line) => line.startsWith('-H '))
    .map((line) => unquote(line.slice(3)).split(': '))
  const body = unquote(lines.find((line) => line.startsWith('--data-raw '))!.slice(11))
  const res = await fetch(url, {
    method: 'POST',
    headers: Object.fromEntries(headers.map(([name, ...value]) => [name, value.join(': ')])),
    body,
  })
  return res.status
}

const curlOf = (flowId: string, exportId: string, query = '') =>
  call<{ curl: string; secrets: boolean }>(
    'GET',
    `${FS}/flows/${flowId}/exports/${exportId}/curl${query}`,
  )

describe('Copy as cURL', () => {
  it('is masked by default and replayable only with secrets=true (bearer token)', async () => {
    const { flowId, john } = await johnFlow({ auth: HTTP_AUTH.bearer })
    const record = await exportJohn(flowId, john)
    const masked = await curlOf(flowId, record.id)
    expect(masked.status).toBe(200)
    expect(masked.body).toEqual({ curl: record.curl, secrets: false })
    expect(masked.body.curl).not.toContain(DEMO_CREDENTIALS.bearerToken)
    expect(masked.body.curl).toContain(`Bearer ${maskSecret(DEMO_CREDENTIALS.bearerToken)}`)

    const open = await curlOf(flowId, record.id, '?secrets=true')
    expect(open.status).toBe(200)
    expect(open.body.secrets).toBe(true)
    expect(open.body.curl).toContain(`-H 'Authorization: Bearer ${DEMO_CREDENTIALS.bearerToken}'`)
    expect(open.body.curl).toContain(`--data-raw '${record.attempts[0].request!.body}'`)
    expect(await replay(open.body.curl)).toBe(200)
  })

  it('carries the access token the engine holds for an OAuth account', async () => {
    const { flowId, john } = await johnFlow({ auth: HTTP_AUTH.password })
    const record = await exportJohn(flowId, john)
    const open = await curlOf(flowId, record.id, '?secrets=true')
    expect(open.status).toBe(200)
    expect(await replay(open.body.curl)).toBe(200)
    expect(open.body.curl).not.toContain(demo.clientSecret)
    expect(open.body.curl).not.toContain(demo.password)
  })

  it('refuses an unknown parameter or value by name, and a message without an HTTP request', async () => {
    const { flowId, john } = await johnFlow({ auth: HTTP_AUTH.bearer })
    const record = await exportJohn(flowId, john)
    const unknown = await curlOf(flowId, record.id, '?secret=true')
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('secret')
    const bad = await curlOf(flowId, record.id, '?secrets=yes')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('secrets')
    expect((await curlOf(flowId, 'no-such-export')).status).toBe(404)

    const stream = await activateDataflow({
      specId: SPEC_IDS.kinesis,
      auth: {
        specName: 'Aws Kinesis authentication credentials',
        params: { ...DEMO_CREDENTIALS.aws, region: 'eu-west-1' },
      },
      params: { stream: 'profile-events' },
      audiences: [SEED_AUDIENCE_IDS.firstNameJohn],
    })
    await idle()
    const [first] = (await listExports(stream.flowId)).items
    const none = await curlOf(stream.flowId, first.id)
    expect(none.status).toBe(409)
  })
})

describe('retries under the receiver fault scenarios', () => {
  it('retries twice with backoff and delivers on the third attempt (fail then succeed)', async () => {
    const { flowId, john } = await johnFlow()
    expect(await setScenario({ kind: 'fail-then-succeed', failures: 2 })).toMatchObject({
      scenario: { kind: 'fail-then-succeed', failures: 2 },
      remaining: 2,
    })
    const first = await exportJohn(flowId, john)
    expect(first).toMatchObject({ state: 'retrying', statusCode: 500 })
    expect(first.attempts[0]).toMatchObject({
      action: 'retry',
      reason: 'The endpoint failed (HTTP 500)',
    })
    expect(first.attempts[0].retryInMs).toBeGreaterThanOrEqual(800)
    expect(first.attempts[0].retryInMs).toBeLessThanOrEqual(1200)
    expect(first.nextAttemptAt).toBe(first.attempts[0].startedAt + first.attempts[0].retryInMs!)
    expect((await listExports(flowId)).counters.retrying).toBe(1)

    env.clock.advance(1200)
    await idle()
    const second = await exportRecord(flowId, first.id)
    expect(second.attempts).toHaveLength(2)
    expect(second.attempts[1].retryInMs).toBeGreaterThanOrEqual(2400)
    expect(second.attempts[1].retryInMs).toBeLessThanOrEqual(3600)

    env.clock.advance(3600)
    await idle()
    const done = await exportRecord(flowId, first.id)
    expect(done.state).toBe('delivered')
    expect(done.attempts.map((a) => a.response?.status)).toEqual([500, 500, 200])
    expect(done.receiver.map((r) => r.status)).toEqual([500, 500, 200])
    expect((await listExports(flowId)).counters).toMatchObject({ retrying: 0, failed: 0 })
  })

  it('fails after three attempts when the endpoint always answers 500', async () => {
    const { flowId, john } = await johnFlow()
    await setScenario({ kind: 'always-500' })
    const record = await exportJohn(flowId, john)
    env.clock.advance(1200)
    await idle()
    env.clock.advance(3600)
    await idle()
    env.clock.advance(60_000)
    await idle()
    const failed = await exportRecord(flowId, record.id)
    expect(failed.state).toBe('failed')
    expect(failed.attempts.map((a) => a.action)).toEqual(['retry', 'retry', 'fail'])
    expect(failed.failureReason).toBe('The endpoint failed (HTTP 500); gave up after 3 attempts')
    expect((await listExports(flowId)).counters.failed).toBe(1)
    expect((await listExports(flowId, '?state=failed')).items.map((i) => i.id)).toEqual([record.id])
  })

  it("waits for a 429's Retry-After", async () => {
    const { flowId, john } = await johnFlow()
    await setScenario({ kind: 'rate-limit', retryAfterSeconds: 7, requestsPerSecond: 0 })
    const record = await exportJohn(flowId, john)
    expect(record.attempts[0]).toMatchObject({
      action: 'retry',
      retryInMs: 7000,
      response: { status: 429, headers: { 'retry-after': '7' } },
    })
    env.clock.advance(6999)
    await idle()
    expect((await exportRecord(flowId, record.id)).attempts).toHaveLength(1)
    env.clock.advance(1)
    await idle()
    expect((await exportRecord(flowId, record.id)).attempts).toHaveLength(2)
  })

  it('lets requests under the rate limit through', async () => {
    const { flowId, john } = await johnFlow()
    await setScenario({ kind: 'rate-limit', retryAfterSeconds: 1, requestsPerSecond: 1 })
    const one = await exportJohn(flowId, john, 'A')
    const two = await exportJohn(flowId, john, 'B')
    expect([one.statusCode, two.statusCode]).toEqual([200, 429])
  })

  it('times out an answer slower than 2 s, and fails after three timeouts', async () => {
    const { flowId, john } = await johnFlow()
    await setScenario({ kind: 'slow', delayMs: 2500 })
    const record = await exportJohn(flowId, john)
    expect(record).toMatchObject({ state: 'pending', attempts: [] })
    env.clock.advance(2000)
    await idle()
    const timedOut = await exportRecord(flowId, record.id)
    expect(timedOut.attempts[0]).toMatchObject({
      durationMs: 2000,
      response: null,
      error: 'No response within 2 s (stopped after 2000 ms)',
      action: 'retry',
    })
    for (let i = 0; i < 3; i++) {
      env.clock.advance(6000)
      await idle()
    }
    const failed = await exportRecord(flowId, record.id)
    expect(failed.state).toBe('failed')
    expect(failed.attempts).toHaveLength(3)
    const seen = await received()
    expect(seen.slice(0, 3).map((r) => [r.status, r.answeredAfterMs])).toEqual([
      [200, 2500],
      [200, 2500],
      [200, 2500],
    ])
  })

  it('drops the pending deliveries of a deleted dataflow', async () => {
    const { flowId, john } = await johnFlow()
    await setScenario({ kind: 'always-500' })
    await exportJohn(flowId, john)
    const before = (await received()).length
    expect((await call('DELETE', `${FS}/flows/${flowId}`)).status).toBe(204)
    env.clock.advance(60_000)
    await idle()
    expect(await received()).toHaveLength(before)
    expect((await call('GET', `${FS}/flows/${flowId}/exports`)).status).toBe(404)
  })

  it('keys the scenario by host, port and path', async () => {
    const { flowId, john } = await johnFlow({
      params: { httpEndpoint: 'https://hooks.example:8443/in?source=aep' },
    })
    await setScenario({ kind: 'always-500' }, 'hooks.example:8443/in')
    const record = await exportJohn(flowId, john)
    expect(record.statusCode).toBe(500)
    expect((await received('https://hooks.example:8443/in'))[0].status).toBe(500)
  })

  it('validates scenarios and endpoints', async () => {
    const bad = await call('PUT', `/demo/receiver/scenario?endpoint=${ENDPOINT}`, {
      body: { kind: 'sometimes' },
    })
    expect(bad.status).toBe(400)
    expect((await call('GET', '/demo/receiver/scenario')).status).toBe(400)
    const status = await call<ReceiverScenarioStatus>(
      'GET',
      `/demo/receiver/scenario?endpoint=${encodeURIComponent('https://HOOKS.example/profiles?x=1')}`,
    )
    expect(status.body).toEqual({
      endpoint: ENDPOINT,
      scenario: { kind: 'ok' },
      remaining: null,
      updatedAt: null,
    })
  })
})

describe('Amazon Kinesis and Azure Event Hubs', () => {
  const kinesis = {
    specId: SPEC_IDS.kinesis,
    auth: {
      specName: 'Aws Kinesis authentication credentials',
      params: { ...DEMO_CREDENTIALS.aws, region: 'eu-west-1' },
    },
    params: { stream: 'profile-events' },
  }
  const eventHubs = {
    specId: SPEC_IDS.eventHubs,
    auth: {
      specName: 'Azure EventHub authentication credentials',
      params: { ...DEMO_CREDENTIALS.eventHubs, namespace: 'acme-demo' },
    },
    params: { eventHubName: 'profiles' },
  }

  it('writes Kinesis records with partition key, shard and sequence number', async () => {
    const { flowId, john } = await johnFlow(kinesis)
    const record = await exportJohn(flowId, john)
    expect(record).toMatchObject({
      destination: 'kinesis',
      state: 'delivered',
      curl: null,
      stream: { kind: 'kinesis', name: 'profile-events', partitionKey: john.id },
    })
    expect(record.stream?.shardId).toMatch(/^shardId-0{11}[0-3]$/)
    expect(record.stream?.sequenceNumber).toMatch(/^\d{56}$/)
    const records = await call<StreamRecords>('GET', '/demo/streams/kinesis/profile-events/records')
    expect(records.body.items[0]).toMatchObject({
      partitionKey: john.id,
      sequenceNumber: record.stream?.sequenceNumber,
      data: JSON.stringify(record.payload),
    })
    expect(records.body.total).toBe((await listExports(flowId)).counters.delivered)
  })

  it('sends Event Hubs events with partition and sequence number', async () => {
    const { flowId, john } = await johnFlow(eventHubs)
    const record = await exportJohn(flowId, john)
    expect(record).toMatchObject({
      destination: 'event-hubs',
      state: 'delivered',
      statusCode: 201,
      stream: { kind: 'event-hubs', name: 'profiles', partitionKey: john.id },
    })
    const records = await call<StreamRecords>(
      'GET',
      '/demo/streams/event-hubs/profiles/records?limit=1',
    )
    expect(records.body.items[0].data).toBe(JSON.stringify(record.payload))
  })

  it('fails at once when the stream rejects the credentials', async () => {
    const { flowId, john } = await johnFlow({
      ...kinesis,
      auth: { ...kinesis.auth, params: { ...kinesis.auth.params, secretKey: 'wrong-secret' } },
    })
    const record = await exportJohn(flowId, john)
    expect(record.state).toBe('failed')
    expect(record.failureReason).toBe(
      'Amazon Kinesis rejected the access key (UnrecognizedClientException)',
    )
    expect((await call('GET', '/demo/streams/nowhere/x/records')).status).toBe(404)
  })
})
