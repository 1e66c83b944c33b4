import { http } from 'msw'
import { json, readJson, refuseUnknownParams, type createRoute } from '../http/route'
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
  deleteSourceConnection,
  deleteTargetConnection,
  getSourceConnection,
  getTargetConnection,
  patchSourceConnection,
  presentConnectionOf,
  patchTargetConnection,
} from '../services/target-connections'
import type { DomainEvents } from '../events/domain-events'
import { READS_QUERY } from './engine-route'
import type { ServiceContext } from '../services/entity'
import type { SandboxStore } from '../store/collections'
import { checkCredentials, testConnection } from '../services/credentials'
import type { Outbound } from '../receiver/outbound'

export const FLOW_SERVICE = '*/data/foundation/flowservice'

type Route = ReturnType<typeof createRoute<Collections>>

const list = (items: unknown[], url: URL) => json(applyListQuery(items, parseListQuery(url), url))
const created = (body: { id: string; etag: string }) => json(body, 201)
const noContent = () => new Response(null, { status: 204 })

/** The Flow Service endpoints (DESIGN.md section 5): thin handlers over the services. */
export interface FlowServiceDeps {
  clock: Clock
  events: DomainEvents
  outbound: Outbound
}

export function flowServiceHandlers(route: Route, { clock, events, outbound }: FlowServiceDeps) {
  const base = FLOW_SERVICE
  const at = (sandbox: SandboxStore): ServiceContext => ({ sandbox, clock, events })
  return [
    http.get(
      `${base}/connectionSpecs`,
      route(({ url }) => list(connectionSpecs, url), READS_QUERY),
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
      route(({ url }) => list(flowSpecs, url), READS_QUERY),
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
      route(
        ({ sandbox, url }) => list(listConnections(at(sandbox)).map(maskConnection), url),
        READS_QUERY,
      ),
    ),
    http.post(
      `${base}/connections`,
      route(async ({ sandbox, request }) =>
        created(createConnection(at(sandbox), await readJson(request))),
      ),
    ),
    http.get(
      `${base}/connections/:id`,
      route(({ sandbox, params }) =>
        json({ items: [maskConnection(getConnection(at(sandbox), params.id))] }),
      ),
    ),
    http.patch(
      `${base}/connections/:id`,
      route(async ({ sandbox, request, params }) =>
        json(patchConnection(at(sandbox), request, params.id, await readJson(request))),
      ),
    ),
    http.get(
      `${base}/connections/:id/test`,
      route(async ({ sandbox, params }) =>
        json(
          await testConnection({ clock, outbound, sandbox }, getConnection(at(sandbox), params.id)),
        ),
      ),
    ),
    http.delete(
      `${base}/connections/:id`,
      route(({ sandbox, params }) => {
        deleteConnection(at(sandbox), params.id)
        return noContent()
      }),
    ),

    http.get(
      `${base}/targetConnections`,
      route(
        ({ sandbox, url }) =>
          list(
            sandbox
              .collection('targetConnections')
              .all()
              .map((t) => presentConnectionOf(at(sandbox), t)),
            url,
          ),
        READS_QUERY,
      ),
    ),
    http.post(
      `${base}/targetConnections`,
      route(async ({ sandbox, request }) =>
        created(createTargetConnection(at(sandbox), await readJson(request))),
      ),
    ),
    http.get(
      `${base}/targetConnections/:id`,
      route(({ sandbox, params }) =>
        json({
          items: [presentConnectionOf(at(sandbox), getTargetConnection(at(sandbox), params.id))],
        }),
      ),
    ),
    http.patch(
      `${base}/targetConnections/:id`,
      route(async ({ sandbox, request, params }) =>
        json(patchTargetConnection(at(sandbox), request, params.id, await readJson(request))),
      ),
    ),
    http.delete(
      `${base}/targetConnections/:id`,
      route(({ sandbox, params }) => {
        deleteTargetConnection(at(sandbox), params.id)
        return noContent()
      }),
    ),

    http.get(
      `${base}/sourceConnections`,
      route(
        ({ sandbox, url }) =>
          list(
            sandbox
              .collection('sourceConnections')
              .all()
              .map((s) => presentConnectionOf(at(sandbox), s)),
            url,
          ),
        READS_QUERY,
      ),
    ),
    http.post(
      `${base}/sourceConnections`,
      route(async ({ sandbox, request }) =>
        created(createSourceConnection(at(sandbox), await readJson(request))),
      ),
    ),
    http.get(
      `${base}/sourceConnections/:id`,
      route(({ sandbox, params }) =>
        json({
          items: [presentConnectionOf(at(sandbox), getSourceConnection(at(sandbox), params.id))],
        }),
      ),
    ),
    http.patch(
      `${base}/sourceConnections/:id`,
      route(async ({ sandbox, request, params }) =>
        json(patchSourceConnection(at(sandbox), request, params.id, await readJson(request))),
      ),
    ),
    http.delete(
      `${base}/sourceConnections/:id`,
      route(({ sandbox, params }) => {
        deleteSourceConnection(at(sandbox), params.id)
        return noContent()
      }),
    ),

    http.get(
      `${base}/flows`,
      route(
        ({ sandbox, url }) =>
          list(
            sandbox
              .collection('flows')
              .all()
              .map((f) => presentFlow(at(sandbox), f)),
            url,
          ),
        READS_QUERY,
      ),
    ),
    http.post(
      `${base}/flows`,
      route(async ({ sandbox, request }) =>
        created(createFlow(at(sandbox), await readJson(request))),
      ),
    ),
    http.get(
      `${base}/flows/:id`,
      route(({ sandbox, params }) => {
        const ctx = at(sandbox)
        return json({ items: [presentFlow(ctx, getFlowDoc(ctx, params.id))] })
      }),
    ),
    http.patch(
      `${base}/flows/:id`,
      route(async ({ sandbox, request, params }) =>
        json(patchFlow(at(sandbox), request, params.id, await readJson(request))),
      ),
    ),
    http.post(
      `${base}/flows/:id/action`,
      route(({ sandbox, params, url }) => {
        refuseUnknownParams(url, ['op'])
        return json(setFlowState(at(sandbox), params.id, url.searchParams.get('op')))
      }, READS_QUERY),
    ),
    http.delete(
      `${base}/flows/:id`,
      route(({ sandbox, params }) => {
        deleteFlow(at(sandbox), params.id)
        return noContent()
      }),
    ),
  ]
}
