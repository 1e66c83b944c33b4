import { describe, expect, it } from 'vitest'
import type { HttpApiAuth } from './auth'
import {
  buildExportRequest,
  maskSecret,
  parseExportDestination,
  type ExportRequestInput,
} from './export-request'
import type { HttpApiTargetParams } from './target'

const details = {
  httpEndpoint: 'https://webhook.example/profiles?source=aep',
  headers: 'x-team:growth,x-list:a%2Cb',
  queryParameters: 'tenant=acme corp&v=2',
}
const body = { person: { name: { firstName: 'John' } }, identityMap: { ecid: [{ id: '123' }] } }
const url = 'https://webhook.example/profiles?source=aep&tenant=acme+corp&v=2'
const customHeaders = [
  { name: 'x-team', value: 'growth' },
  { name: 'x-list', value: 'a,b' },
]
const json = { name: 'Content-Type', value: 'application/json' }
const accessToken = 'eyJhbGciOiJIUzI1NiJ9.payload.sig9'
const oauth = {
  accessTokenUrl: 'https://auth.example/oauth/token',
  clientId: 'c',
  clientSecret: 's',
}

const passwordAuth: HttpApiAuth = {
  type: 'OAUTH2_PASSWORD',
  params: { ...oauth, username: 'u', password: 'p' },
}
const bodyFormAuth: HttpApiAuth = {
  type: 'OAUTH2_CLIENT_CREDENTIALS',
  params: { ...oauth, clientCredentialsType: 'BODY_FORM_ENCODED' },
}
const basicAuth: HttpApiAuth = {
  type: 'OAUTH2_CLIENT_CREDENTIALS',
  params: { ...oauth, clientCredentialsType: 'BASIC_AUTHORIZATION' },
}
const oauthVariants: Array<[string, HttpApiAuth]> = [
  ['OAuth 2 Password', passwordAuth],
  ['OAuth 2 Client Credentials, Body Form Encoded', bodyFormAuth],
  ['OAuth 2 Client Credentials, Basic Authorization', basicAuth],
]

type Details = Pick<HttpApiTargetParams, 'httpEndpoint' | 'headers' | 'queryParameters'>

/** The request for details the destination accepts: parsed once, then built. */
function exportRequest({
  details: given,
  ...input
}: Omit<ExportRequestInput, 'destination'> & { details: Details }) {
  const parsed = parseExportDestination(given, input.auth.type)
  if (!parsed.ok) throw new Error(parsed.reason)
  return buildExportRequest({ destination: parsed.destination, ...input })
}

describe('buildExportRequest', () => {
  it('sends JSON with the custom headers and no Authorization for None', () => {
    const request = exportRequest({ details, auth: { type: 'NONE', params: {} }, body })
    expect(request).toEqual({
      method: 'POST',
      url,
      headers: [json, ...customHeaders],
      body: JSON.stringify(body),
    })
    expect(
      exportRequest({ details, auth: { type: 'NONE', params: {} }, body, maskSecrets: true }),
    ).toEqual(request)
  })

  it('sends the bearer token', () => {
    const auth: HttpApiAuth = { type: 'BEARER', params: { token: 'tok_1234567890abcd' } }
    expect(exportRequest({ details, auth, body })).toEqual({
      method: 'POST',
      url,
      headers: [
        json,
        { name: 'Authorization', value: 'Bearer tok_1234567890abcd' },
        ...customHeaders,
      ],
      body: JSON.stringify(body),
    })
    expect(exportRequest({ details, auth, body, maskSecrets: true }).headers[1]).toEqual({
      name: 'Authorization',
      value: 'Bearer ••••••abcd',
    })
  })

  it('hides a short bearer token completely', () => {
    const auth: HttpApiAuth = { type: 'BEARER', params: { token: 'short-token1' } }
    expect(exportRequest({ details, auth, body, maskSecrets: true }).headers[1]?.value).toBe(
      'Bearer ••••••',
    )
  })

  it.each(oauthVariants)('sends the access token for %s', (_, auth) => {
    expect(exportRequest({ details, auth, accessToken, body })).toEqual({
      method: 'POST',
      url,
      headers: [json, { name: 'Authorization', value: `Bearer ${accessToken}` }, ...customHeaders],
      body: JSON.stringify(body),
    })
    expect(exportRequest({ details, auth, accessToken, body, maskSecrets: true }).headers).toEqual([
      json,
      { name: 'Authorization', value: 'Bearer ••••••sig9' },
      ...customHeaders,
    ])
  })

  it('sends the same endpoint request for both client credentials types', () => {
    expect(exportRequest({ details, auth: bodyFormAuth, accessToken, body })).toEqual(
      exportRequest({ details, auth: basicAuth, accessToken, body }),
    )
  })

  it('shows a placeholder until the access token is known', () => {
    expect(exportRequest({ details, auth: passwordAuth, body }).headers[1]).toEqual({
      name: 'Authorization',
      value: 'Bearer {ACCESS_TOKEN}',
    })
  })

  it('sends to the endpoint as is without query parameters', () => {
    const request = exportRequest({
      details: { httpEndpoint: 'https://webhook.example/in', headers: '', queryParameters: '' },
      auth: { type: 'NONE', params: {} },
      body: {},
    })
    expect(request).toEqual({
      method: 'POST',
      url: 'https://webhook.example/in',
      headers: [json],
      body: '{}',
    })
  })

  it('masks an Authorization header a None account sets itself', () => {
    const own = { ...details, headers: 'Authorization:Basic dXNlcjpwYXNzd29yZA==' }
    const auth: HttpApiAuth = { type: 'NONE', params: {} }
    expect(exportRequest({ details: own, auth, body }).headers[1]?.value).toBe(
      'Basic dXNlcjpwYXNzd29yZA==',
    )
    expect(exportRequest({ details: own, auth, body, maskSecrets: true }).headers[1]?.value).toBe(
      '••••••ZA==',
    )
  })

  it('refuses invalid details', () => {
    const auth: HttpApiAuth = { type: 'NONE', params: {} }
    expect(parseExportDestination({ ...details, headers: 'Host:x' }, auth.type)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Invalid destination details: `Host` cannot be set/),
    })
    expect(parseExportDestination({ ...details, queryParameters: 'flag' }, auth.type)).toEqual({
      ok: false,
      errors: [{ entry: 'flag', message: '`flag` has no value' }],
      reason: 'Invalid destination details: `flag` has no value',
    })
  })

  it('refuses a custom Authorization header when the authentication sets it', () => {
    const own = { ...details, headers: 'Authorization:Basic abc' }
    expect(parseExportDestination(own, 'BEARER')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Bearer token authentication of this account sets it/),
    })
  })
})

describe('maskSecret', () => {
  it.each([
    ['', '••••••'],
    ['123456789012', '••••••'],
    ['1234567890123', '••••••0123'],
  ])('masks %j', (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked)
  })
})
