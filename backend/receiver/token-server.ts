import { DEMO_CREDENTIALS } from '../../contracts/demo-credentials'
import type { Clock } from '../lib/clock'
import type { InAppRequest, InAppResponse } from './outbound'

const demo = DEMO_CREDENTIALS.oauth

const oauthError = (status: number, error: string, description: string, headers = {}) => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify({ error, error_description: description }),
})

const formDecode = (part: string) => new URLSearchParams(`x=${part}`).get('x') ?? ''

function readBasic(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '')
  if (!match) return null
  let decoded: string
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)))
  } catch {
    return null
  }
  const colon = decoded.indexOf(':')
  if (colon < 0) return null
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) }
}

/**
 * The demo OAuth 2 token server at https://auth.example/oauth/token (RFC 6749): the password
 * and client credentials grants, client authentication in the body or with HTTP Basic, and
 * short-lived bearer tokens that the demo endpoints accept until they expire.
 */
export class TokenServer {
  private readonly issued = new Map<string, number>()
  private counter = 0

  constructor(private readonly clock: Clock) {}

  handle(request: Omit<InAppRequest, 'sandbox' | 'endpoint'>): InAppResponse {
    if (request.method !== 'POST') {
      return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST.', {
        allow: 'POST',
      })
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return oauthError(
        400,
        'invalid_request',
        'Send the parameters as application/x-www-form-urlencoded.',
      )
    }
    const form = new URLSearchParams(request.body)
    const basic = readBasic(request.headers.authorization)
    const bodyClient = form.get('client_id')
    if (basic && (bodyClient !== null || form.has('client_secret'))) {
      return oauthError(400, 'invalid_request', 'Authenticate the client with one method only.')
    }
    const client =
      basic ??
      (bodyClient === null ? null : { id: bodyClient, secret: form.get('client_secret') ?? '' })
    const challenge = basic ? { 'www-authenticate': 'Basic realm="auth.example"' } : {}
    if (!client)
      return oauthError(401, 'invalid_client', 'Client authentication is missing.', challenge)
    if (client.id !== demo.clientId || client.secret !== demo.clientSecret) {
      return oauthError(
        401,
        'invalid_client',
        'Client authentication failed: unknown client or wrong secret.',
        challenge,
      )
    }
    const grant = form.get('grant_type')
    if (grant === 'password') {
      if (form.get('username') !== demo.username || form.get('password') !== demo.password) {
        return oauthError(400, 'invalid_grant', 'The username or password is incorrect.')
      }
    } else if (grant !== 'client_credentials') {
      return oauthError(
        400,
        grant ? 'unsupported_grant_type' : 'invalid_request',
        grant
          ? `The grant type '${grant}' is not supported.`
          : 'The grant_type parameter is missing.',
      )
    }
    const token = `demo-at-${(this.clock.now() % 1e9).toString(36)}-${(++this.counter).toString(36)}${crypto.randomUUID().slice(0, 8)}`
    this.issued.set(token, this.clock.now() + demo.expiresInSeconds * 1000)
    return {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        pragma: 'no-cache',
      },
      body: JSON.stringify({
        access_token: token,
        token_type: 'Bearer',
        expires_in: demo.expiresInSeconds,
      }),
    }
  }

  /** Whether a bearer token is one this server issued and has not expired. */
  isValid(token: string): boolean {
    const expiresAt = this.issued.get(token)
    if (expiresAt === undefined) return false
    if (expiresAt > this.clock.now()) return true
    this.issued.delete(token)
    return false
  }
}
