import { http } from 'msw'
import type { Clock } from '../lib/clock'
import { json, type createRoute } from '../http/route'
import type { Collections } from '../store/collections'
import type { Database } from '../store/database'

type Route = ReturnType<typeof createRoute<Collections>>

/** Demo controls that the real service does not have: restoring the seed of a sandbox. */
export function demoHandlers(route: Route, db: Database<Collections>, clock: Clock) {
  return [
    http.post(
      '*/demo/reset',
      route(async ({ sandbox }) => {
        await db.reset(sandbox.name)
        return json({ sandbox: sandbox.name, resetAt: clock.now() })
      }),
    ),
  ]
}
