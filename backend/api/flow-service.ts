import { http } from 'msw'
import { json, readJson, type createRoute } from '../http/route'
import { applyListQuery, parseListQuery } from '../http/list-query'
import { problems } from '../http/problem'
import type { Collections } from '../store/collections'
import type { Clock } from '../lib/clock'
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  maskConnection,
  patchConnection,
} from '../services/connections'
import {
  createFlow,
  deleteFlow,
  getFlowDoc,
  patchFlow,
  presentFlow,
  setFlowState,
} from '../services/flows'
import { connectionSpecs, findConnectionSpec, findFlowSpec, flowSpecs } from '../services/specs'
import {
  createSourceConnection,
  createTargetConnection,
  deleteTargetConnection,
  getSourceConnection,
  getTargetConnection,
  patchTargetConnection,
} from '../services/target-connections'
import type { FlowEvents } from '../services/flow-events'
import { checkCredentials } from '../services/credentials'
import type { Outbound } from '../receiver/outbound'

export const FLOW_SERVICE = '*/data/foundation/flowservice'

type Route = ReturnType<typeof createRoute<Collections>>

const list = (items: unknown[], url: URL) => json(applyListQuery(items, parseListQuery(url), url))
const created = (body: { id: string; etag: string }) => json(body, 201)
const noContent = () => new Response(null, { status: 204 })

/** The Flow Service endpoints (DESIGN.md section 5): thin handlers over the services. */
export interface FlowServiceDeps {
  clock: Clock
  events: FlowEvents
  outbound: Outbound
}

export function flowServiceHandlers(route: Route, { clock, events, outbound }: FlowServiceDeps) {
  const base = FLOW_SERVICE
  return [
    http.get(
      `${base}/connectionSpecs`,
      route(({ url }) => list(connectionSpecs, url)),
    ),
    http.get(
      `${base}/connectionSpecs/:id`,
      route(({ params }) => {
        const spec = findConnectionSpec(params.id)
        if (!spec) throw problems.notFound('connection spec', params.id)
        return json({ items: [spec] })
      }),
    ),
    http.post(
      `${base}/connectionSpecs/:id/test`,
      route(async ({ request, params, sandbox }) => {
        if (!findConnectionSpec(params.id)) throw problems.notFound('connection spec', params.id)
        return json(
          await checkCredentials({ clock, outbound, sandbox }, params.id, await readJson(request)),
        )
      }),
    ),
    http.get(
      `${base}/flowSpecs`,
      route(({ url }) => list(flowSpecs, url)),
    ),
    http.get(
      `${base}/flowSpecs/:id`,
      route(({ params }) => {
        const spec = findFlowSpec(params.id)
        if (!spec) throw problems.notFound('flow spec', params.id)
        return json({ items: [spec] })
      }),
    ),

    http.get(
      `${base}/connections`,
      route(({ sandbox, url }) =>
        list(listConnections({ sandbox, clock }).map(maskConnection), url),
      ),
    ),
    http.post(
      `${base}/connections`,
      route(async ({ sandbox, request }) =>
        created(createConnection({ sandbox, clock }, await readJson(request))),
      ),
    ),
    http.get(
      `${base}/connections/:id`,
      route(({ sandbox, params }) =>
        json({ items: [maskConnection(getConnection({ sandbox, clock }, params.id))] }),
      ),
    ),
    http.patch(
      `${base}/connections/:id`,
      route(async ({ sandbox, request, params }) =>
        json(patchConnection({ sandbox, clock }, request, params.id, await readJson(request))),
      ),
    ),
    http.delete(
      `${base}/connections/:id`,
      route(({ sandbox, params }) => {
        deleteConnection({ sandbox, clock }, params.id)
        return noContent()
      }),
    ),

    http.get(
      `${base}/targetConnections`,
      route(({ sandbox, url }) => list(sandbox.collection('targetConnections').all(), url)),
    ),
    http.post(
      `${base}/targetConnections`,
      route(async ({ sandbox, request }) =>
        created(createTargetConnection({ sandbox, clock }, await readJson(request))),
      ),
    ),
    http.get(
      `${base}/targetConnections/:id`,
      route(({ sandbox, params }) =>
        json({ items: [getTargetConnection({ sandbox, clock }, params.id)] }),
      ),
    ),
    http.patch(
      `${base}/targetConnections/:id`,
      route(async ({ sandbox, request, params }) =>
        json(
          patchTargetConnection({ sandbox, clock }, request, params.id, await readJson(request)),
        ),
      ),
    ),
    http.delete(
      `${base}/targetConnections/:id`,
      route(({ sandbox, params }) => {
        deleteTargetConnection({ sandbox, clock }, params.id)
        return noContent()
      }),
    ),

    http.get(
      `${base}/sourceConnections`,
      route(({ sandbox, url }) => list(sandbox.collection('sourceConnections').all(), url)),
    ),
    http.post(
      `${base}/sourceConnections`,
      route(async ({ sandbox, request }) =>
        created(createSourceConnection({ sandbox, clock }, await readJson(request))),
      ),
    ),
    http.get(
      `${base}/sourceConnections/:id`,
      route(({ sandbox, params }) =>
        json({ items: [getSourceConnection({ sandbox, clock }, params.id)] }),
      ),
    ),

    http.get(
      `${base}/flows`,
      route(({ sandbox, url }) =>
        list(
          sandbox
            .collection('flows')
            .all()
            .map((f) => presentFlow({ sandbox, clock }, f)),
          url,
        ),
      ),
    ),
    http.post(
      `${base}/flows`,
      route(async ({ sandbox, request }) => {
        const ctx = { sandbox, clock }
        const result = createFlow(ctx, await readJson(request))
        events.emit({
          type: 'flow-changed',
          sandbox,
          before: null,
          after: getFlowDoc(ctx, result.id),
        })
        return created(result)
      }),
    ),
    http.get(
      `${base}/flows/:id`,
      route(({ sandbox, params }) => {
        const ctx = { sandbox, clock }
        return json({ items: [presentFlow(ctx, getFlowDoc(ctx, params.id))] })
      }),
    ),
    http.patch(
      `${base}/flows/:id`,
      route(async ({ sandbox, request, params }) => {
        const {
          created: result,
          before,
          after,
        } = patchFlow({ sandbox, clock }, request, params.id, await readJson(request))
        events.emit({ type: 'flow-changed', sandbox, before, after })
        return json(result)
      }),
    ),
    http.post(
      `${base}/flows/:id/action`,
      route(({ sandbox, params, url }) => {
        const ctx = { sandbox, clock }
        const before = getFlowDoc(ctx, params.id)
        const result = setFlowState(ctx, params.id, url.searchParams.get('op'))
        events.emit({ type: 'flow-changed', sandbox, before, after: getFlowDoc(ctx, params.id) })
        return json(result)
      }),
    ),
    http.delete(
      `${base}/flows/:id`,
      route(({ sandbox, params }) => {
        const ctx = { sandbox, clock }
        const before = getFlowDoc(ctx, params.id)
        deleteFlow(ctx, params.id)
        events.emit({ type: 'flow-changed', sandbox, before, after: null })
        return noContent()
      }),
    ),
  ]
}
