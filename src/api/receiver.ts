import { queryOptions } from '@tanstack/react-query'
import {
  RECEIVER_REQUESTS_PATH,
  RECEIVER_SCENARIO_PATH,
  receiverRequestsSchema,
  receiverScenarioStatusSchema,
  type ReceiverScenarioInput,
} from '../../contracts/engine/receiver'
import { request, resourceKeys } from './client'

/** The query keys of receiverRequests. */
export const receiverRequestKeys = resourceKeys('receiverRequests')

/** The query keys of receiverScenario. */
export const receiverScenarioKeys = resourceKeys('receiverScenario')

const withEndpoint = (path: string, endpoint: string, extra: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ endpoint, ...extra })}`

/** The demo receiver's fault scenario for an endpoint (host and path). */
export const receiverScenarioQuery = (sandbox: string, endpoint: string) =>
  queryOptions({
    queryKey: receiverScenarioKeys.of({ sandbox, endpoint }),
    queryFn: ({ signal }) =>
      request(withEndpoint(RECEIVER_SCENARIO_PATH, endpoint), {
        sandbox,
        schema: receiverScenarioStatusSchema,
        signal,
      }),
  })

export const setReceiverScenario = (
  sandbox: string,
  endpoint: string,
  scenario: ReceiverScenarioInput,
) =>
  request(withEndpoint(RECEIVER_SCENARIO_PATH, endpoint), {
    sandbox,
    method: 'PUT',
    body: scenario,
    schema: receiverScenarioStatusSchema,
  })

/** What arrived at an endpoint, newest first. */
export const receiverRequestsQuery = (sandbox: string, endpoint: string, limit = 50) =>
  queryOptions({
    queryKey: receiverRequestKeys.of({ sandbox, endpoint, limit }),
    queryFn: ({ signal }) =>
      request(withEndpoint(RECEIVER_REQUESTS_PATH, endpoint, { limit: String(limit) }), {
        sandbox,
        schema: receiverRequestsSchema,
        signal,
      }),
  })
