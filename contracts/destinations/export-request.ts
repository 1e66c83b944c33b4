import type { HttpApiAuth } from './auth'
import { checkHeadersAgainstAuth, type Header, parseHeaders } from './headers'
import { appendQueryParameters, parseQueryParameters } from './query'
import type { HttpApiTargetParams } from './target'

/** The request the HTTP API destination sends for one exported profile. */
export type ExportRequest = { method: 'POST'; url: string; headers: Header[]; body: string }

/** What `buildExportRequest` needs: the destination details, the account's auth and the payload. */
export type ExportRequestInput = {
  details: Pick<HttpApiTargetParams, 'httpEndpoint' | 'headers' | 'queryParameters'>
  auth: HttpApiAuth
  /** The token from the Access Token URL (OAuth accounts); `{ACCESS_TOKEN}` is shown without it. */
  accessToken?: string
  /** The exported profile message, sent as JSON. */
  body: Record<string, unknown>
  /** Hide tokens, for showing the request on screen. */
  maskSecrets?: boolean
}

const MASK = '••••••'

/** A secret as the UI shows it: `••••••` and, for values longer than 12 characters, the last 4. */
export function maskSecret(secret: string): string {
  return secret.length > 12 ? `${MASK}${secret.slice(-4)}` : MASK
}

/**
 * The request for one profile: a POST of JSON to the HTTP Endpoint with the query parameters
 * appended, the custom headers, and `Authorization: Bearer` for every auth type but None. The
 * live preview and the delivery both use it. Throws when the details do not pass
 * `httpApiTargetParamsSchema` or a custom header clashes with the authentication.
 */
export function buildExportRequest(input: ExportRequestInput): ExportRequest {
  const { details, auth, accessToken, body, maskSecrets = false } = input
  const custom = parseHeaders(details.headers)
  const query = parseQueryParameters(details.queryParameters)
  const problems = [
    ...(custom.ok ? checkHeadersAgainstAuth(custom.headers, auth.type) : custom.errors),
    ...(query.ok ? [] : query.errors),
  ]
  if (!custom.ok || !query.ok || problems.length > 0) {
    throw new Error(`Invalid destination details: ${problems.map((p) => p.message).join('; ')}`)
  }
  const show = (secret: string) => (maskSecrets ? maskSecret(secret) : secret)
  const headers: Header[] = [{ name: 'Content-Type', value: 'application/json' }]
  if (auth.type !== 'NONE') {
    const token = auth.type === 'BEARER' ? auth.params.token : accessToken
    const value = token === undefined ? '{ACCESS_TOKEN}' : show(token)
    headers.push({ name: 'Authorization', value: `Bearer ${value}` })
  }
  for (const header of custom.headers) {
    const secret = header.name.toLowerCase() === 'authorization'
    headers.push(secret ? { name: header.name, value: show(header.value) } : header)
  }
  return {
    method: 'POST',
    url: appendQueryParameters(details.httpEndpoint, query.parameters),
    headers,
    body: JSON.stringify(body),
  }
}
