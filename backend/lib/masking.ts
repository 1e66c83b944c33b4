import { maskSecret } from '../../contracts/destinations/export-request'

/** Form fields that carry secrets (OAuth token requests). */
const SECRET_FIELDS = new Set(['client_secret', 'password', 'refresh_token', 'access_token'])

/** An `Authorization` value with its credentials masked: `Bearer ••••••abcd`, `Basic ••••••`. */
export function maskAuthorization(value: string): string {
  const space = value.indexOf(' ')
  if (space < 0) return maskSecret(value)
  return `${value.slice(0, space)} ${maskSecret(value.slice(space + 1).trim())}`
}

/** A form-urlencoded body with its secret fields masked, everything else as it was. */
export function maskForm(body: string): string {
  return body
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      const name = equals < 0 ? pair : pair.slice(0, equals)
      return equals >= 0 && SECRET_FIELDS.has(name)
        ? `${name}=${maskSecret(pair.slice(equals + 1))}`
        : pair
    })
    .join('&')
}

/** A JSON body with the secret fields of its top level masked (a token server's answer). */
export function maskJsonSecrets(body: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return body
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body
  const copy: Record<string, unknown> = { ...parsed }
  let changed = false
  for (const key of Object.keys(copy)) {
    const value = copy[key]
    if (SECRET_FIELDS.has(key) && typeof value === 'string') {
      copy[key] = maskSecret(value)
      changed = true
    }
  }
  return changed ? JSON.stringify(copy) : body
}

/** Headers with `Authorization` and `Proxy-Authorization` masked, keys as given. */
export function maskHeaderRecord(
  headers: Readonly<Record<string, string>>,
): Record<string, string> {
  const masked: Record<string, string> = {}
  for (const key in headers) {
    const lower = key.toLowerCase()
    masked[key] =
      lower === 'authorization' || lower === 'proxy-authorization'
        ? maskAuthorization(headers[key])
        : headers[key]
  }
  return masked
}
