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
  z.object({ kind: z.literal('ok') }),
  z.object({
    kind: z.literal('fail-then-succeed'),
    failures: z.number().int().min(1, 'Fail at least once.').max(100).default(2),
  }),
  z.object({ kind: z.literal('always-500') }),
  z.object({
    kind: z.literal('rate-limit'),
    retryAfterSeconds: z.number().int().min(0).max(60).default(1),
    requestsPerSecond: z.number().int().min(0).max(100_000).default(0),
  }),
  z.object({
    kind: z.literal('slow'),
    delayMs: z.number().int().min(0).max(30_000).default(2500),
  }),
  z.object({ kind: z.literal('unauthorized-once') }),
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
export const receiverRequestsQuerySchema = z.object({
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
