import type { HttpResponseResolver } from 'msw'
import type { Engine } from '../engine/runtime/engine'
import type { createRoute, RouteContext, RouteOptions } from '../http/route'
import type { Scheduler } from '../lib/clock'
import type { Collections } from '../store/collections'
import type { EngineContext } from '../services/engine-context'

type Route = ReturnType<typeof createRoute<Collections>>

/** The option of a route that reads its query itself and refuses what it does not know. */
export const READS_QUERY: RouteOptions = { parsesQuery: true }

/** A route whose handler gets the engine context of its sandbox. */
export type EngineRoute = (
  handler: (ctx: EngineContext, route: RouteContext<Collections>) => Response | Promise<Response>,
  options?: RouteOptions,
) => HttpResponseResolver

export function engineRoute(
  route: Route,
  engine: Engine,
  deps: Pick<EngineContext, 'events' | 'patches'> & { clock: Scheduler },
): EngineRoute {
  return (handler, options) =>
    route(
      (routeContext) =>
        handler(
          {
            ...deps,
            sandbox: routeContext.sandbox,
            engine: engine.forSandbox(routeContext.sandbox),
          },
          routeContext,
        ),
      options,
    )
}
