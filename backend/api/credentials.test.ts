import { describe, expect, it } from 'vitest'
import { SPEC_IDS } from '../../contracts/connection-spec'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import { call, FS, startTestBackend } from '../testing/api'

startTestBackend()

const demo = DEMO_CREDENTIALS.oauth
const test = (specId: string, specName: string, params: Record<string, unknown>) =>
  call<{
    status?: string
    message?: string
    title?: string
    report?: { 'detailed-message': string }
    errorDetails?: { path: string }[]
  }>('POST', `${FS}/connectionSpecs/${specId}/test`, { body: { auth: { specName, params } } })

describe('POST /connectionSpecs/{id}/test (Connect to destination)', () => {
  it('gets a token from the demo token server for OAuth 2 Client Credentials', async () => {
    const res = await test(SPEC_IDS.httpApi, 'OAuth 2 Client Credentials', {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      clientCredentialsType: 'BASIC_AUTHORIZATION',
    })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('connected')
    expect(res.body.message).toContain('auth.example issued a Bearer token valid for 300 seconds')
  })

  it('reports a wrong client secret in plain words, on the credential fields', async () => {
    const res = await test(SPEC_IDS.httpApi, 'OAuth 2 Client Credentials', {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: 'not-the-secret',
      clientCredentialsType: 'BODY_FORM_ENCODED',
    })
    expect(res.status).toBe(400)
    expect(res.body.title).toBe('Credentials rejected')
    expect(res.body.report?.['detailed-message']).toContain(
      'rejected the client ID or client secret (invalid_client)',
    )
    expect(res.body.errorDetails?.map((e) => e.path)).toContain('auth.params.clientSecret')
  })

  it('reports a wrong password as invalid_grant', async () => {
    const res = await test(SPEC_IDS.httpApi, 'OAuth 2 Password', {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      username: demo.username,
      password: 'wrong',
    })
    expect(res.status).toBe(400)
    expect(res.body.report?.['detailed-message']).toContain('invalid_grant')
  })

  it('validates the params before checking them', async () => {
    const res = await test(SPEC_IDS.httpApi, 'OAuth 2 Password', {
      accessTokenUrl: 'https://a.example/t?x=1&y=2',
    })
    expect(res.status).toBe(400)
    expect(res.body.errorDetails?.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'auth.params.accessTokenUrl',
        'auth.params.clientId',
        'auth.params.password',
      ]),
    )
  })

  it('checks Kinesis and Event Hubs keys against the demo rules', async () => {
    const kinesis = { ...DEMO_CREDENTIALS.aws, region: 'us-east-1' }
    expect(
      (await test(SPEC_IDS.kinesis, 'Aws Kinesis authentication credentials', kinesis)).status,
    ).toBe(200)
    const badKinesis = await test(SPEC_IDS.kinesis, 'Aws Kinesis authentication credentials', {
      ...kinesis,
      secretKey: 'nope',
    })
    expect(badKinesis.status).toBe(400)
    expect(badKinesis.body.report?.['detailed-message']).toContain('UnrecognizedClientException')
    const hubs = { ...DEMO_CREDENTIALS.eventHubs, namespace: 'acme-events' }
    expect(
      (await test(SPEC_IDS.eventHubs, 'Azure EventHub authentication credentials', hubs)).status,
    ).toBe(200)
    const badHubs = await test(SPEC_IDS.eventHubs, 'Azure EventHub authentication credentials', {
      ...hubs,
      sasKey: 'x',
    })
    expect(badHubs.status).toBe(400)
  })

  it('connects Amazon S3 with the demo keys under the S3 auth spec param names', async () => {
    const s3 = await test(SPEC_IDS.s3, 'Access Key', { ...DEMO_CREDENTIALS.s3 })
    expect(s3.status).toBe(200)
    expect(s3.body.message).toBe('Connected: AWS accepted the access key.')
    const bad = await test(SPEC_IDS.s3, 'Access Key', {
      ...DEMO_CREDENTIALS.s3,
      s3SecretKey: 'nope',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errorDetails?.map((e) => e.path)).toEqual([
      'auth.params.s3AccessKey',
      'auth.params.s3SecretKey',
    ])
  })

  it('accepts None and Bearer token without a remote check', async () => {
    expect((await test(SPEC_IDS.httpApi, 'None', {})).status).toBe(200)
    expect((await test(SPEC_IDS.httpApi, 'Bearer token', { token: 'abc' })).status).toBe(200)
  })

  it('lets the page reach the demo token server over fetch too', async () => {
    const response = await fetch(demo.accessTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${demo.clientId}&client_secret=${demo.clientSecret}`,
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { token_type: string }).token_type).toBe('Bearer')
  })
})
