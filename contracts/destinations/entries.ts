/** One name/value pair of a custom header or query parameter list. */
export type NameValue = { name: string; value: string }

/** A problem with one entry of a list, named by the entry's text as typed (trimmed). */
export type EntryError = { entry: string; message: string }

/**
 * Splits a list on `separator` and trims every entry. Empty entries at the end (a trailing
 * separator) are dropped; empty entries elsewhere are kept as `''` for the caller to report.
 */
export function splitEntries(input: string, separator: string): string[] {
  const entries = input.split(separator).map((entry) => entry.trim())
  while (entries.length > 0 && entries.at(-1) === '') entries.pop()
  return entries
}

/** Percent-decodes `value` (UTF-8), or returns null when an escape is malformed. */
export function percentDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}
