import { type EntryError, type NameValue, percentDecode, splitEntries } from './entries'

/** A query parameter the HTTP API destination appends to its endpoint. */
export type QueryParameter = NameValue

/** The result of parsing the Query parameters field: every parameter, or every problem found. */
export type ParseQueryParametersResult =
  { ok: true; parameters: QueryParameter[] } | { ok: false; errors: EntryError[] }

function formDecode(value: string): string | null {
  return percentDecode(value.replaceAll('+', ' '))
}

function parseEntry(entry: string): QueryParameter | string {
  const equals = entry.indexOf('=')
  const rawName = (equals === -1 ? entry : entry.slice(0, equals)).trim()
  if (equals === -1) return `\`${rawName}\` has no value`
  const malformed = `\`${rawName}\` has a malformed percent escape: write a literal % as %25`
  const name = formDecode(rawName)
  if (name === null) return malformed
  if (name.trim() === '') return `\`${entry}\` has no parameter name`
  const value = formDecode(entry.slice(equals + 1).trim())
  return value === null ? malformed : { name, value }
}

/**
 * Parses AEP's query parameters format `parameter1=value&parameter2=value` (a leading `?` is
 * ignored). Each entry splits at its first `=`; names and values are decoded like URLSearchParams
 * (`+` is a space). `name=` is an empty value. Reports every problem, by entry.
 */
export function parseQueryParameters(input: string): ParseQueryParametersResult {
  const trimmed = input.trim()
  const list = trimmed.startsWith('?') ? trimmed.slice(1) : trimmed
  const parameters: QueryParameter[] = []
  const errors: EntryError[] = []
  const seen = new Set<string>()
  const repeated = new Set<string>()
  splitEntries(list, '&').forEach((entry, index) => {
    if (entry === '') {
      errors.push({ entry, message: `Entry ${index + 1} is empty: remove the extra &` })
      return
    }
    const parsed = parseEntry(entry)
    if (typeof parsed === 'string') {
      errors.push({ entry, message: parsed })
      return
    }
    if (seen.has(parsed.name)) {
      if (!repeated.has(parsed.name)) {
        errors.push({ entry, message: `\`${parsed.name}\` appears more than once` })
      }
      repeated.add(parsed.name)
      return
    }
    seen.add(parsed.name)
    parameters.push(parsed)
  })
  return errors.length === 0 ? { ok: true, parameters } : { ok: false, errors }
}

/** Writes query parameters in AEP's format, the inverse of `parseQueryParameters`. */
export function formatQueryParameters(parameters: readonly QueryParameter[]): string {
  return new URLSearchParams(parameters.map(({ name, value }) => [name, value])).toString()
}

/**
 * The endpoint with `parameters` appended: the endpoint's own query is kept as written and the
 * new parameters are form-encoded after it. Throws when `endpoint` is not an absolute URL.
 */
export function appendQueryParameters(
  endpoint: string,
  parameters: readonly QueryParameter[],
): string {
  const url = new URL(endpoint)
  if (parameters.length === 0) return url.href
  const added = formatQueryParameters(parameters)
  const own = url.search.slice(1)
  url.search = own === '' || own.endsWith('&') ? `${own}${added}` : `${own}&${added}`
  return url.href
}
