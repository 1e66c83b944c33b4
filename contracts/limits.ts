/**
 * Size limits of the API, in one place: the backend refuses requests past them (documented in
 * docs/api.md) and the UI's schemas share them through the contracts.
 */
export const LIMITS = {
  /** The largest request body, in bytes (413 past it). */
  bodyBytes: 1_000_000,
  /** The deepest nesting of objects and arrays a JSON body may have (400 past it). */
  jsonDepth: 32,
  /** Names, labels and other short text. */
  shortText: 256,
  /** Tokens, secrets and other credential values. */
  secret: 8_192,
  /** URLs: endpoints, token URLs. */
  url: 2_048,
  /** One HTTP header or query parameter value. */
  headerValue: 4_096,
  /** Descriptions and free text. */
  longText: 4_096,
  /** A PQL expression. */
  pql: 16_384,
  /** Entries of a list: headers, query parameters, marketing actions, alerts, selectors. */
  listItems: 100,
} as const
