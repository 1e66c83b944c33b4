import type { OAuth2Auth } from '../../../contracts/destinations/auth'

/** How long a token request may take: the engine's token cache and the credential check. */
export const TOKEN_TIMEOUT_MS = 10_000

/** The request that fetches an OAuth 2 access token from the Access Token URL. */
export type TokenRequest = {
  url: string
  method: 'POST'
  headers: Record<string, string>
  body: string
}

/** A token server's answer: the access token, or the OAuth error it reported. */
export type TokenResponseResult =
  | { ok: true; accessToken: string; tokenType: string; expiresIn: number | null }
  | { ok: false; error: string; description: string }

/** A failed token response, as `parseTokenResponse` reports it. */
export type TokenError = Extract<TokenResponseResult, { ok: false }>

function formUrlEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1)
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
}

/**
 * The `Authorization` value of HTTP Basic client authentication: client ID and secret
 * form-urlencoded (RFC 6749 section 2.3.1), joined by `:`, UTF-8 and base64 encoded.
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${base64(`${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`)}`
}

/**
 * The token request of an OAuth 2 account: the password grant, or the client credentials grant
 * with the client in the form body or in a Basic `Authorization` header.
 */
export function buildTokenRequest(auth: OAuth2Auth): TokenRequest {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  }
  const { accessTokenUrl, clientId, clientSecret } = auth.params
  let form: [string, string][]
  if (auth.type === 'OAUTH2_PASSWORD') {
    form = [
      ['grant_type', 'password'],
      ['username', auth.params.username],
      ['password', auth.params.password],
      ['client_id', clientId],
      ['client_secret', clientSecret],
    ]
  } else if (auth.params.clientCredentialsType === 'BODY_FORM_ENCODED') {
    form = [
      ['grant_type', 'client_credentials'],
      ['client_id', clientId],
      ['client_secret', clientSecret],
    ]
  } else {
    form = [['grant_type', 'client_credentials']]
    headers.Authorization = basicAuthorization(clientId, clientSecret)
  }
  return {
    url: accessTokenUrl,
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readJson(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

function expiresIn(value: unknown): number | null {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null
}

/**
 * Reads a token server's answer: `status` and the body, either parsed JSON or the raw text.
 * RFC 6749 error bodies give their `error` and `error_description`; an answer that is not JSON or
 * has no `access_token` gives `invalid_response`, another failed status `http_error`.
 */
export function parseTokenResponse(status: number, body: unknown): TokenResponseResult {
  const json = readJson(body)
  const succeeded = status >= 200 && status < 300
  if (!isRecord(json)) {
    return succeeded
      ? {
          ok: false,
          error: 'invalid_response',
          description: 'The token server answered with something that is not a JSON object.',
        }
      : {
          ok: false,
          error: 'http_error',
          description: `The token server answered HTTP ${status} with something that is not a JSON object.`,
        }
  }
  if (typeof json.error === 'string' && json.error !== '') {
    const description = typeof json.error_description === 'string' ? json.error_description : ''
    return { ok: false, error: json.error, description }
  }
  if (!succeeded) {
    return {
      ok: false,
      error: 'http_error',
      description: `The token server answered HTTP ${status} without an OAuth error.`,
    }
  }
  if (typeof json.access_token !== 'string' || json.access_token === '') {
    return {
      ok: false,
      error: 'invalid_response',
      description: 'The token response has no access_token.',
    }
  }
  return {
    ok: true,
    accessToken: json.access_token,
    tokenType:
      typeof json.token_type === 'string' && json.token_type !== '' ? json.token_type : 'Bearer',
    expiresIn: expiresIn(json.expires_in),
  }
}

const ERROR_SENTENCES = new Map([
  ['invalid_request', 'The token server found the request invalid or missing a parameter'],
  ['invalid_client', 'The token server rejected the client ID or client secret'],
  ['invalid_grant', 'The token server rejected the username or password'],
  ['unauthorized_client', 'The token server does not allow this client to use this grant type'],
  ['unsupported_grant_type', 'The token server does not support this grant type'],
  ['invalid_scope', 'The token server rejected the requested scope'],
])

/** A plain-words sentence for a failed token request, for the UI. */
export function describeTokenError(failure: { error: string; description: string }): string {
  const { error, description } = failure
  if (error === 'invalid_response' || error === 'http_error') return description
  const sentence = `${ERROR_SENTENCES.get(error) ?? 'The token server refused the request'} (${error}).`
  return description === '' ? sentence : `${sentence} It said: "${description}"`
}
