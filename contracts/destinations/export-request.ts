import type { HttpApiAuth, HttpApiAuthType } from './auth'
import type { EntryError } from './entries'
import { checkHeadersAgainstAuth, type Header } from './headers'
import { appendQueryParameters } from './query'
import type { HttpApiDetails } from './target'

/** The request the HTTP API destination sends for one exported profile. */
export type ExportRequest = { method: 'POST'; url: string; headers: Header[]; body: string }

/** Destination details checked and parsed once: the URL with its query, and the custom headers. */
export type ExportDestination = { url: string; headers: readonly Header[] }

/** The destination, or every problem of its details and why they cannot be used. */
export type CheckExportDestinationResult =
  { ok: true; destination: ExportDestination } | { ok: false; errors: EntryError[]; reason: string }

/** What `buildExportRequest` needs: the checked destination, the account's auth and the payload. */
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
 * The validation half of a request: checks details `httpApiDetailsSchema` parsed against the
 * account's authentication (the custom headers may not clash with it) and resolves the URL the
 * requests go to. The live preview and the engine's flow configuration check once, then build
 * any number of requests.
 */
export function checkExportDestination(
  details: Pick<HttpApiDetails, 'httpEndpoint' | 'headers' | 'queryParameters'>,
  authType: HttpApiAuthType,
): CheckExportDestinationResult {
  const headers = details.headers.entries
  const errors = checkHeadersAgainstAuth(headers, authType)
  if (errors.length > 0) {
    const reason = `Invalid destination details: ${errors.map((e) => e.message).join('; ')}`
    return { ok: false, errors, reason }
  }
  const url = appendQueryParameters(details.httpEndpoint, details.queryParameters.entries)
  return { ok: true, destination: { url, headers } }
}

const MASK = '••••••'

/** A secret as the UI shows it: `••••••` and, for values longer than 12 characters, the last 4. */
export function maskSecret(secret: string): string {
  return secret.length > 12 ? `${MASK}${secret.slice(-4)}` : MASK
}

/**
 * The request for one profile: a POST of JSON to the destination's URL, the custom headers, and
 * `Authorization: Bearer` for every auth type but None. The live preview and the delivery both
 * use it, on a destination `checkExportDestination` accepted; it checks nothing itself.
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
