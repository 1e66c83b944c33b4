import { type EntryError, type NameValue, percentDecode, splitEntries } from './entries'
import { HTTP_API_AUTH_TYPE_TITLES, httpApiAuthTypeSchema, type HttpApiAuthType } from './auth'

/** A custom header of the HTTP API destination. */
export type Header = NameValue

/** The result of parsing the Headers field: every header, or every problem found. */
export type ParseHeadersResult =
  { ok: true; headers: Header[] } | { ok: false; errors: EntryError[] }

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const VALUE = /^[\t\x20-\x7e]*$/
const HTTP_WHITESPACE = /^[\t ]+|[\t ]+$/g

const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
])
const FORBIDDEN_PREFIXES = ['proxy-', 'sec-']
const METHOD_OVERRIDES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override'])
const FORBIDDEN_METHODS = new Set(['connect', 'trace', 'track'])

function nameIssue(name: string): string | null {
  if (!TOKEN.test(name)) {
    return `\`${name}\` is not a valid header name: use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only`
  }
  const lower = name.toLowerCase()
  if (FORBIDDEN.has(lower)) {
    return `\`${name}\` cannot be set: it is a forbidden request header that browsers and HTTP clients set themselves`
  }
  const prefix = FORBIDDEN_PREFIXES.find((p) => lower.startsWith(p))
  if (prefix !== undefined) {
    const shown = name.slice(0, prefix.length)
    return `\`${name}\` cannot be set: header names starting with ${shown} are reserved for browsers and HTTP clients`
  }
  if (lower === 'content-type') {
    return `\`${name}\` cannot be set: the export is always sent as application/json`
  }
  return null
}

function overridesToForbiddenMethod(name: string, value: string): boolean {
  if (!METHOD_OVERRIDES.has(name.toLowerCase())) return false
  return value.split(',').some((method) => FORBIDDEN_METHODS.has(method.trim().toLowerCase()))
}

function parseEntry(entry: string): Header | string {
  const colon = entry.indexOf(':')
  const name = (colon === -1 ? entry : entry.slice(0, colon)).trim()
  const rawValue = colon === -1 ? '' : entry.slice(colon + 1).trim()
  if (name === '') return `\`${entry}\` has no header name`
  const issue = nameIssue(name)
  if (issue !== null) return issue
  const decoded = percentDecode(rawValue)
  if (decoded === null) {
    return `\`${name}\` has a malformed percent escape in its value: write a literal % as %25`
  }
  const value = decoded.replace(HTTP_WHITESPACE, '')
  if (value === '') return `\`${name}\` has no value`
  if (!VALUE.test(value)) {
    return `\`${name}\` has a value with a character HTTP headers cannot carry: use printable ASCII characters`
  }
  if (overridesToForbiddenMethod(name, value)) {
    return `\`${name}\` cannot be set to ${value}: browsers do not let a request override its method to CONNECT, TRACE or TRACK`
  }
  return { name, value }
}

/**
 * Parses AEP's custom headers format `header1:value1,header2:value2`. Each entry splits at its
 * first `:`; values are percent-decoded (`%2C` for a comma). Reports every problem, by entry.
 */
export function parseHeaders(input: string): ParseHeadersResult {
  const headers: Header[] = []
  const errors: EntryError[] = []
  const seen = new Set<string>()
  const repeated = new Set<string>()
  splitEntries(input, ',').forEach((entry, index) => {
    if (entry === '') {
      errors.push({ entry, message: `Entry ${index + 1} is empty: remove the extra comma` })
      return
    }
    const parsed = parseEntry(entry)
    if (typeof parsed === 'string') {
      errors.push({ entry, message: parsed })
      return
    }
    const key = parsed.name.toLowerCase()
    if (seen.has(key)) {
      if (!repeated.has(key)) {
        errors.push({ entry, message: `\`${parsed.name}\` appears more than once` })
      }
      repeated.add(key)
      return
    }
    seen.add(key)
    headers.push(parsed)
  })
  return errors.length === 0 ? { ok: true, headers } : { ok: false, errors }
}

/** Writes headers in AEP's format, the inverse of `parseHeaders` (`%` and `,` in values encoded). */
export function formatHeaders(headers: readonly Header[]): string {
  return headers
    .map(({ name, value }) => `${name}:${value.replaceAll('%', '%25').replaceAll(',', '%2C')}`)
    .join(',')
}

/**
 * Rejects a custom `Authorization` header unless the account authenticates with None, because
 * every other authentication type sets that header itself.
 */
export function checkHeadersAgainstAuth(
  headers: readonly Header[],
  authType: HttpApiAuthType,
): EntryError[] {
  if (authType === 'NONE') return []
  return headers
    .filter(({ name }) => name.toLowerCase() === 'authorization')
    .map(({ name }) => ({
      entry: name,
      message: `\`${name}\` cannot be set: the ${HTTP_API_AUTH_TYPE_TITLES[authType]} authentication of this account sets it`,
    }))
}

/**
 * The rule "a custom header may not clash with the account's authentication header", as the
 * connect wizard, the Edit destination dialog, the live preview and the API apply it: the clashes
 * of a Headers field value with an auth type, none while either is not readable yet (their own
 * checks report that).
 */
export function headerClashes(headers: unknown, authType: unknown): EntryError[] {
  const auth = httpApiAuthTypeSchema.safeParse(authType)
  if (!auth.success || typeof headers !== 'string') return []
  const parsed = parseHeaders(headers)
  return parsed.ok ? checkHeadersAgainstAuth(parsed.headers, auth.data) : []
}
