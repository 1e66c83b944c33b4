import { describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import { buildTokenRequest } from '../engine/rules/token-request'
import { ManualClock } from '../lib/clock'
import { TokenServer } from './token-server'

const demo = DEMO_CREDENTIALS.oauth

function ask(server: TokenServer, request: ReturnType<typeof buildTokenRequest>) {
  const url = new URL(request.url)
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]),
  )
  const response = server.handle({
    ...request,
    headers,
    bodyOf: null,
    host: url.hostname,
    path: url.pathname,
  })
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> }
}

const clientCredentials = (
  kind: 'BODY_FORM_ENCODED' | 'BASIC_AUTHORIZATION',
  secret: string = demo.clientSecret,
) =>
  buildTokenRequest({
    type: 'OAUTH2_CLIENT_CREDENTIALS',
    params: {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: secret,
      clientCredentialsType: kind,
    },
  })

const password = (user: string, pass: string) =>
  buildTokenRequest({
    type: 'OAUTH2_PASSWORD',
    params: {
      accessTokenUrl: demo.accessTokenUrl,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      username: user,
      password: pass,
    },
  })

describe('demo token server', () => {
  it.each(['BODY_FORM_ENCODED', 'BASIC_AUTHORIZATION'] as const)(
    'issues a short-lived bearer token for client credentials (%s)',
    (kind) => {
      const clock = new ManualClock(0)
      const server = new TokenServer(clock)
      const { status, body } = ask(server, clientCredentials(kind))
      expect(status).toBe(200)
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: demo.expiresInSeconds })
      const token = body.access_token as string
      expect(server.isValid(token)).toBe(true)
      clock.advance(demo.expiresInSeconds * 1000)
      expect(server.isValid(token)).toBe(false)
    },
  )

  it('rejects a wrong client secret with invalid_client, in the body or with Basic', () => {
    const server = new TokenServer(new ManualClock(0))
    for (const kind of ['BODY_FORM_ENCODED', 'BASIC_AUTHORIZATION'] as const) {
      const { status, body } = ask(server, clientCredentials(kind, 'wrong'))
      expect(status).toBe(401)
      expect(body.error).toBe('invalid_client')
    }
  })

  it('checks the password grant and answers invalid_grant for a wrong password', () => {
    const server = new TokenServer(new ManualClock(0))
    expect(ask(server, password(demo.username, demo.password)).status).toBe(200)
    const wrong = ask(server, password(demo.username, 'nope'))
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toBe('invalid_grant')
  })

  it('refuses other grants, other content types and two client authentications', () => {
    const server = new TokenServer(new ManualClock(0))
    const base = clientCredentials('BODY_FORM_ENCODED')
    expect(
      ask(server, { ...base, body: base.body.replace('client_credentials', 'implicit') }).body
        .error,
    ).toBe('unsupported_grant_type')
    expect(
      ask(server, { ...base, headers: { ...base.headers, 'Content-Type': 'application/json' } })
        .status,
    ).toBe(400)
    const both = clientCredentials('BASIC_AUTHORIZATION')
    expect(ask(server, { ...both, body: `${both.body}&client_id=demo-client` }).body.error).toBe(
      'invalid_request',
    )
  })
})
