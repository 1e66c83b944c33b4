import { describe, expect, it } from 'vitest'
import type { HttpApiAuth } from '../../../contracts/destinations/auth'
import { previewRequest } from './request-preview'

const titles = {
  headers: 'Headers',
  httpEndpoint: 'HTTP Endpoint',
  queryParameters: 'Query parameters',
}
const bearer: HttpApiAuth = { type: 'BEARER', params: { token: 'e2e-secret-token-123' } }
const details = (params: Record<string, unknown>) => ({
  httpEndpoint: 'https://hooks.example/profiles',
  headers: '',
  queryParameters: '',
  includeSegmentNames: false,
  includeSegmentTimestamps: false,
  ...params,
})

describe('previewRequest', () => {
  it('waits for an HTTP Endpoint', () => {
    expect(previewRequest(details({ httpEndpoint: '  ' }), bearer, titles)).toEqual({
      kind: 'empty',
    })
  })

  it('builds the final URL, the headers with the token masked, and an example body', () => {
    const preview = previewRequest(
      details({ headers: 'x-team: growth', queryParameters: 'source=aep&v=2' }),
      bearer,
      titles,
    )
    expect(preview.kind).toBe('ok')
    if (preview.kind !== 'ok') return
    expect(preview.request.url).toBe('https://hooks.example/profiles?source=aep&v=2')
    expect(preview.request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Authorization', value: 'Bearer ••••••-123' },
      { name: 'x-team', value: 'growth' },
    ])
    expect(JSON.parse(preview.request.body)).toHaveProperty('identityMap')
  })

  it('shows the access token as a placeholder for OAuth accounts', () => {
    const oauth: HttpApiAuth = {
      type: 'OAUTH2_CLIENT_CREDENTIALS',
      params: {
        accessTokenUrl: 'https://auth.example/oauth/token',
        clientId: 'demo-client',
        clientSecret: 'demo-secret',
        clientCredentialsType: 'BASIC_AUTHORIZATION',
      },
    }
    const preview = previewRequest(details({}), oauth, titles)
    expect(preview.kind === 'ok' && preview.request.headers[1]).toEqual({
      name: 'Authorization',
      value: 'Bearer {ACCESS_TOKEN}',
    })
  })

  it('follows the toggles in the example body', () => {
    const preview = previewRequest(details({ includeSegmentNames: true }), bearer, titles)
    expect(preview.kind === 'ok' && preview.request.body).toContain(
      '"name":"First name equals John"',
    )
  })

  it('names the field and the entry of every problem', () => {
    expect(
      previewRequest(details({ headers: 'x-team', queryParameters: 'a=1&a=2' }), bearer, titles),
    ).toEqual({
      kind: 'invalid',
      problems: [
        { field: 'Headers', message: '`x-team` has no value' },
        { field: 'Query parameters', message: '`a` appears more than once' },
      ],
    })
  })

  it('refuses an Authorization header that the authentication sets', () => {
    const preview = previewRequest(details({ headers: 'Authorization: Basic abc' }), bearer, titles)
    expect(preview).toMatchObject({ kind: 'invalid', problems: [{ field: 'Headers' }] })
  })

  it('lets a None account send its own Authorization header, masked', () => {
    const preview = previewRequest(
      details({ headers: 'Authorization: Basic abcdefghijklmnop' }),
      { type: 'NONE', params: {} },
      titles,
    )
    expect(preview.kind === 'ok' && preview.request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Authorization', value: '••••••mnop' },
    ])
  })
})
