/**
 * Size limits of the API, in one place: the backend refuses requests past them (documented in
 * docs/api.md) and the UI's forms check the same schemas.
 */
export const LIMITS = {
  /** The largest request body, in bytes (413 past it). */
  bodyBytes: 1_000_000,
  /** The deepest nesting of objects and arrays a JSON body may have (400 past it). */
  jsonDepth: 32,
  /** Names: of accounts, destinations, dataflows, audiences, auth specs. */
  name: 256,
  /** Descriptions. */
  description: 1_024,
  /** Ids and labels: spec ids, marketing actions, alerts, selector paths and audience ids. */
  label: 256,
  /** One credential value: a token, a secret, a user name, a key. */
  secret: 8_192,
  /** A URL: an HTTP endpoint, an access token URL. */
  url: 2_048,
  /** The Headers field of the HTTP API destination, every header together. */
  headers: 8_192,
  /** The Query parameters field of the HTTP API destination, every parameter together. */
  queryParameters: 2_048,
  /** A PQL expression. */
  pql: 16_384,
  /** A profile attribute's string value. */
  attribute: 4_096,
  /** Marketing actions, alerts. */
  listItems: 100,
} as const

/** The message of a text past its limit. */
export const tooLong = (limit: number) => `Use at most ${limit.toLocaleString('en-US')} characters.`

/** The message of a list past its limit. */
export const tooMany = (limit: number) => `Use at most ${limit.toLocaleString('en-US')} entries.`
