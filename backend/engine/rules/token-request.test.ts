import { describe, expect, it } from 'vitest'
import type { OAuth2Auth } from '../../../contracts/destinations/auth'
import {
  basicAuthorization,
  buildTokenRequest,
  describeTokenError,
  parseTokenResponse,
} from './token-request'

const accessTokenUrl = 'https://auth.example/oauth/token'
const formHeaders = {
  'Content-Type': 'application/x-www-form-urlencoded',
  Accept: 'application/json',
}

function clientCredentials(
  clientCredentialsType: 'BODY_FORM_ENCODED' | 'BASIC_AUTHORIZATION',
  clientSecret = 'secret',
): OAuth2Auth {
  return {
    type: 'OAUTH2_CLIENT_CREDENTIALS',
    params: { accessTokenUrl, clientId: 'client', clientSecret, clientCredentialsType },
  }
}

describe('buildTokenRequest', () => {
  it('puts the client in the form body for Body Form Encoded', () => {
    expect(buildTokenRequest(clientCredentials('BODY_FORM_ENCODED'))).toEqual({
      url: accessTokenUrl,
      method: 'POST',
      headers: formHeaders,
      body: 'grant_type=client_credentials&client_id=client&client_secret=secret',
    })
  })

  it('form-encodes the client in the body', () => {
    expect(buildTokenRequest(clientCredentials('BODY_FORM_ENCODED', 's&c=r t+é')).body).toBe(
      'grant_type=client_credentials&client_id=client&client_secret=s%26c%3Dr+t%2B%C3%A9',
    )
  })

  it('puts the client in a Basic header for Basic Authorization', () => {
    expect(buildTokenRequest(clientCredentials('BASIC_AUTHORIZATION'))).toEqual({
      url: accessTokenUrl,
      method: 'POST',
      headers: { ...formHeaders, Authorization: 'Basic Y2xpZW50OnNlY3JldA==' },
      body: 'grant_type=client_credentials',
    })
  })

  it('encodes a non-ASCII secret in the Basic header', () => {
    expect(buildTokenRequest(clientCredentials('BASIC_AUTHORIZATION', 'sécret')).headers).toEqual({
      ...formHeaders,
      Authorization: 'Basic Y2xpZW50OnMlQzMlQTljcmV0',
    })
  })

  it('sends the password grant with the user and the client', () => {
    expect(
      buildTokenRequest({
        type: 'OAUTH2_PASSWORD',
        params: {
          accessTokenUrl,
          clientId: 'client',
          clientSecret: 'secret',
          username: 'jdoe@example.com',
          password: 'p@ss word&=1',
        },
      }),
    ).toEqual({
      url: accessTokenUrl,
      method: 'POST',
      headers: formHeaders,
      body: 'grant_type=password&username=jdoe%40example.com&password=p%40ss+word%26%3D1&client_id=client&client_secret=secret',
    })
  })
})

describe('basicAuthorization', () => {
  it('base64-encodes client:secret', () => {
    expect(basicAuthorization('client', 'secret')).toBe('Basic Y2xpZW50OnNlY3JldA==')
  })

  it('form-encodes the ID and secret first (RFC 6749 section 2.3.1)', () => {
    expect(basicAuthorization('my client', 'pa:ss&wörd')).toBe(
      'Basic bXkrY2xpZW50OnBhJTNBc3MlMjZ3JUMzJUI2cmQ=',
    )
    expect(atob(basicAuthorization('my client', 'pa:ss&wörd').slice(6))).toBe(
      'my+client:pa%3Ass%26w%C3%B6rd',
    )
  })
})

describe('parseTokenResponse', () => {
  it('reads a successful token response', () => {
    expect(
      parseTokenResponse(200, { access_token: 'abc', token_type: 'Bearer', expires_in: 3600 }),
    ).toEqual({ ok: true, accessToken: 'abc', tokenType: 'Bearer', expiresIn: 3600 })
  })

  it('reads the raw JSON text', () => {
    expect(parseTokenResponse(200, '{"access_token":"abc","token_type":"bearer"}')).toEqual({
      ok: true,
      accessToken: 'abc',
      tokenType: 'bearer',
      expiresIn: null,
    })
  })

  it('defaults the token type and reads expires_in sent as a string', () => {
    expect(parseTokenResponse(201, { access_token: 'abc', expires_in: '60' })).toEqual({
      ok: true,
      accessToken: 'abc',
      tokenType: 'Bearer',
      expiresIn: 60,
    })
    expect(parseTokenResponse(200, { access_token: 'abc', expires_in: 'soon' })).toMatchObject({
      expiresIn: null,
    })
  })

  it.each([
    [
      400,
      { error: 'invalid_grant', error_description: 'Bad credentials' },
      'invalid_grant',
      'Bad credentials',
    ],
    [401, { error: 'invalid_client' }, 'invalid_client', ''],
    [400, '{"error":"unsupported_grant_type"}', 'unsupported_grant_type', ''],
    [200, { error: 'invalid_scope', access_token: 'x' }, 'invalid_scope', ''],
  ])('reads the OAuth error of HTTP %i %j', (status, body, error, description) => {
    expect(parseTokenResponse(status, body)).toEqual({ ok: false, error, description })
  })

  it('reports an answer that is not JSON', () => {
    expect(parseTokenResponse(200, '<html>OK</html>')).toEqual({
      ok: false,
      error: 'invalid_response',
      description: 'The token server answered with something that is not a JSON object.',
    })
    expect(parseTokenResponse(200, ['abc'])).toMatchObject({ error: 'invalid_response' })
    expect(parseTokenResponse(502, '<html>Bad Gateway</html>')).toEqual({
      ok: false,
      error: 'http_error',
      description: 'The token server answered HTTP 502 with something that is not a JSON object.',
    })
  })

  it('reports a failed status without an OAuth error', () => {
    expect(parseTokenResponse(500, { message: 'boom' })).toEqual({
      ok: false,
      error: 'http_error',
      description: 'The token server answered HTTP 500 without an OAuth error.',
    })
  })

  it.each([{}, { access_token: '' }, { access_token: 42 }])(
    'reports a missing access_token in %j',
    (body) => {
      expect(parseTokenResponse(200, body)).toEqual({
        ok: false,
        error: 'invalid_response',
        description: 'The token response has no access_token.',
      })
    },
  )
})

describe('describeTokenError', () => {
  it.each([
    [
      'invalid_client',
      'The token server rejected the client ID or client secret (invalid_client).',
    ],
    ['invalid_grant', 'The token server rejected the username or password (invalid_grant).'],
    [
      'invalid_request',
      'The token server found the request invalid or missing a parameter (invalid_request).',
    ],
    [
      'unauthorized_client',
      'The token server does not allow this client to use this grant type (unauthorized_client).',
    ],
    [
      'unsupported_grant_type',
      'The token server does not support this grant type (unsupported_grant_type).',
    ],
    ['invalid_scope', 'The token server rejected the requested scope (invalid_scope).'],
    ['temporarily_unavailable', 'The token server refused the request (temporarily_unavailable).'],
    ['toString', 'The token server refused the request (toString).'],
  ])('describes %s', (error, sentence) => {
    expect(describeTokenError({ error, description: '' })).toBe(sentence)
  })

  it('adds what the server said', () => {
    expect(describeTokenError({ error: 'invalid_client', description: 'Unknown client' })).toBe(
      'The token server rejected the client ID or client secret (invalid_client). It said: "Unknown client"',
    )
  })

  it('uses the description of responses that are not OAuth errors', () => {
    const failure = parseTokenResponse(200, {})
    if (failure.ok) throw new Error('expected a failure')
    expect(describeTokenError(failure)).toBe('The token response has no access_token.')
  })
})
