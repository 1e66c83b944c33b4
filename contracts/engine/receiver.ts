import { z } from 'zod'
import { receiverEntrySchema } from './exports'

/**
 * The demo receiver answers every `.example` URL inside the app. Its fault scenario and its log
 * are kept per endpoint: host and path of the URL (`hooks.example/profiles`).
 */
export const RECEIVER_SCENARIO_PATH = '/demo/receiver/scenario'
export const RECEIVER_REQUESTS_PATH = '/demo/receiver/requests'

/** The endpoint key of a URL (host and path), as the receiver's query parameter `endpoint`. */
export function receiverEndpoint(url: string): string {
  const text = url.trim()
  try {
    const parsed = new URL(/^[a-z][\w+.-]*:\/\//i.test(text) ? text : `https://${text}`)
    return `${parsed.host.toLowerCase()}${parsed.pathname}`
  } catch {
    return text
  }
}

const FAILURES_MESSAGE = 'Enter a whole number of failures from 1 to 100.'
const RETRY_AFTER_MESSAGE = 'Enter a whole number of seconds from 0 to 60.'
const REQUESTS_PER_SECOND_MESSAGE = 'Enter a whole number of requests a second from 0 to 100,000.'
const DELAY_MESSAGE = 'Enter a whole number of milliseconds from 0 to 30,000.'

/**
 * How the receiver answers (the destination's Exports tab):
 * - `ok`: 200 to every request;
 * - `fail-then-succeed`: 500 to the next `failures` requests, then 200;
 * - `always-500`: 500 to every request;
 * - `rate-limit`: 429 with `Retry-After: retryAfterSeconds` to requests beyond
 *   `requestsPerSecond` in each second (0: to every request);
 * - `slow`: 200 after `delayMs` (the default, 2.5 s, is over the 2-second timeout);
 * - `unauthorized-once`: 401 to the next request, then 200: forces an OAuth token refresh.
 * A request with an `Authorization: Bearer` token that is neither the demo token nor one the demo
 * token server issued and that has not expired gets 401 in every scenario.
 */
export const receiverScenarioSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ok') }),
  z.strictObject({
    kind: z.literal('fail-then-succeed'),
    failures: z
      .number({ error: FAILURES_MESSAGE })
      .int(FAILURES_MESSAGE)
      .min(1, FAILURES_MESSAGE)
      .max(100, FAILURES_MESSAGE)
      .default(2),
  }),
  z.strictObject({ kind: z.literal('always-500') }),
  z.strictObject({
    kind: z.literal('rate-limit'),
    retryAfterSeconds: z
      .number({ error: RETRY_AFTER_MESSAGE })
      .int(RETRY_AFTER_MESSAGE)
      .min(0, RETRY_AFTER_MESSAGE)
      .max(60, RETRY_AFTER_MESSAGE)
      .default(1),
    requestsPerSecond: z
      .number({ error: REQUESTS_PER_SECOND_MESSAGE })
      .int(REQUESTS_PER_SECOND_MESSAGE)
      .min(0, REQUESTS_PER_SECOND_MESSAGE)
      .max(100_000, REQUESTS_PER_SECOND_MESSAGE)
      .default(0),
  }),
  z.strictObject({
    kind: z.literal('slow'),
    delayMs: z
      .number({ error: DELAY_MESSAGE })
      .int(DELAY_MESSAGE)
      .min(0, DELAY_MESSAGE)
      .max(30_000, DELAY_MESSAGE)
      .default(2500),
  }),
  z.strictObject({ kind: z.literal('unauthorized-once') }),
])

export const receiverScenarioKindSchema = z.enum([
  'ok',
  'fail-then-succeed',
  'always-500',
  'rate-limit',
  'slow',
  'unauthorized-once',
])

/** `GET|PUT /demo/receiver/scenario?endpoint=...`: the scenario and what is left of it. */
export const receiverScenarioStatusSchema = z.object({
  endpoint: z.string(),
  scenario: receiverScenarioSchema,
  /** Failures still to answer (`fail-then-succeed`), 401s still to answer (`unauthorized-once`). */
  remaining: z.number().int().nullable(),
  updatedAt: z.number().nullable(),
})

/** Query of `GET /demo/receiver/requests`. */
export const receiverRequestsQuerySchema = z.strictObject({
  endpoint: z.string().trim().min(1, 'Send the endpoint (host and path, or the URL).'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
})

/** What arrived at an endpoint, newest first. */
export const receiverRequestsSchema = z.object({
  endpoint: z.string(),
  items: z.array(receiverEntrySchema),
  /** Requests received since the sandbox was seeded, retained or not. */
  total: z.number().int(),
})

export type ReceiverScenario = z.infer<typeof receiverScenarioSchema>
export type ReceiverScenarioInput = z.input<typeof receiverScenarioSchema>
export type ReceiverScenarioKind = z.infer<typeof receiverScenarioKindSchema>
export type ReceiverScenarioStatus = z.infer<typeof receiverScenarioStatusSchema>
export type ReceiverRequests = z.infer<typeof receiverRequestsSchema>
