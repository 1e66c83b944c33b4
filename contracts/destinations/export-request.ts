import type { HttpApiAuth, HttpApiAuthType } from './auth'
import type { EntryError } from './entries'
import { checkHeadersAgainstAuth, type Header, parseHeaders } from './headers'
import { appendQueryParameters, parseQueryParameters } from './query'
import type { HttpApiTargetParams } from './target'

/** The request the HTTP API destination sends for one exported profile. */
export type ExportRequest = { method: 'POST'; url: string; headers: Header[]; body: string }

/** Destination details checked and parsed once: the URL with its query, and the custom headers. */
export type ExportDestination = { url: string; headers: readonly Header[] }

/** The destination, or every problem of its details and why they cannot be used. */
export type ParseExportDestinationResult =
  { ok: true; destination: ExportDestination } | { ok: false; errors: EntryError[]; reason: string }

/** What `buildExportRequest` needs: the parsed destination, the account's auth and the payload. */
export type ExportRequestInput = {
  destination: ExportDestination
  auth: HttpApiAuth
  /** The token from the Access Token URL (OAuth accounts); `{ACCESS_TOKEN}` is shown without it. */
  accessToken?: string
  /** The exported profile message, sent as JSON. */
  body: Record<string, unknown>
  /** Hide tokens, for showing the request on screen. */
  maskSecrets?: boolean
}

/**
 * Checks and parses the destination details a request is built from: the headers and query
 * parameters entry by entry, and the custom headers against the account's authentication. The
 * live preview and the engine's flow configuration parse once, then build any number of requests.
 */
export function parseExportDestination(
  details: Pick<HttpApiTargetParams, 'httpEndpoint' | 'headers' | 'queryParameters'>,
  authType: HttpApiAuthType,
): ParseExportDestinationResult {
  const custom = parseHeaders(details.headers)
  const query = parseQueryParameters(details.queryParameters)
  const errors = [
    ...(custom.ok ? checkHeadersAgainstAuth(custom.headers, authType) : custom.errors),
    ...(query.ok ? [] : query.errors),
  ]
  if (!custom.ok || !query.ok || errors.length > 0) {
    const reason = `Invalid destination details: ${errors.map((e) => e.message).join('; ')}`
    return { ok: false, errors, reason }
  }
  return {
    ok: true,
    destination: {
      url: appendQueryParameters(details.httpEndpoint, query.parameters),
      headers: custom.headers,
    },
  }
}

const MASK = '••••••'

/** A secret as the UI shows it: `••••••` and, for values longer than 12 characters, the last 4. */
export function maskSecret(secret: string): string {
  return secret.length > 12 ? `${MASK}${secret.slice(-4)}` : MASK
}

/**
 * The request for one profile: a POST of JSON to the destination's URL, the custom headers, and
 * `Authorization: Bearer` for every auth type but None. The live preview and the delivery both
 * use it, on a destination `parseExportDestination` accepted.
 */
export function buildExportRequest(input: ExportRequestInput): ExportRequest {
  const { destination, auth, accessToken, body, maskSecrets = false } = input
  const show = (secret: string) => (maskSecrets ? maskSecret(secret) : secret)
  const headers: Header[] = [{ name: 'Content-Type', value: 'application/json' }]
  if (auth.type !== 'NONE') {
    const token = auth.type === 'BEARER' ? auth.params.token : accessToken
    const value = token === undefined ? '{ACCESS_TOKEN}' : show(token)
    headers.push({ name: 'Authorization', value: `Bearer ${value}` })
  }
  for (const header of destination.headers) {
    const secret = header.name.toLowerCase() === 'authorization'
    headers.push(secret ? { name: header.name, value: show(header.value) } : header)
  }
  return { method: 'POST', url: destination.url, headers, body: JSON.stringify(body) }
}
