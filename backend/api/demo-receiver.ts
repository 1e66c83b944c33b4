import { http } from 'msw'
import {
  receiverRequestsQuerySchema,
  receiverScenarioSchema,
} from '../../contracts/engine/receiver'
import { streamKindSchema, streamRecordsQuerySchema } from '../../contracts/engine/streams'
import { problems } from '../http/problem'
import { json, parseQuery, parseWith, readJson, refuseUnknownParams } from '../http/route'
import { READS_QUERY, type EngineRoute } from './engine-route'

const endpointOf = (url: URL): string => {
  refuseUnknownParams(url, ['endpoint'])
  const endpoint = url.searchParams.get('endpoint')?.trim()
  if (!endpoint) throw problems.invalidQuery('Send the endpoint (host and path, or the URL).')
  return endpoint
}

/** Demo controls of the receiver (fault scenarios, what arrived) and the in-app streams. */
export function demoReceiverHandlers(route: EngineRoute) {
  return [
    http.get(
      '*/demo/receiver/scenario',
      route(({ engine }, { url }) => json(engine.receiver.status(endpointOf(url))), READS_QUERY),
    ),
    http.put(
      '*/demo/receiver/scenario',
      route(async ({ engine }, { url, request }) => {
        const scenario = parseWith(receiverScenarioSchema, await readJson(request))
        return json(engine.receiver.setScenario(endpointOf(url), scenario))
      }, READS_QUERY),
    ),
    http.get(
      '*/demo/receiver/requests',
      route(({ engine }, { url }) => {
        const { endpoint, limit } = parseQuery(receiverRequestsQuerySchema, url)
        return json(engine.receiver.requests(endpoint, limit))
      }, READS_QUERY),
    ),
    http.get(
      '*/demo/streams/:kind/:name/records',
      route(({ engine }, { url, params }) => {
        const kind = streamKindSchema.safeParse(params.kind)
        if (!kind.success) throw problems.notFound('stream kind', params.kind)
        const { limit } = parseQuery(streamRecordsQuerySchema, url)
        return json(engine.streams.records(kind.data, params.name, limit))
      }, READS_QUERY),
    ),
  ]
}
