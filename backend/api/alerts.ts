import { http } from 'msw'
import { ALERTS_PATH, ALERTS_READ_PATH, markAlertsReadSchema } from '../../contracts/engine/alerts'
import { json, parseWith, readJson } from '../http/route'
import { listAlerts, markAlertsRead } from '../services/alerts'
import type { EngineRoute } from './engine-route'

/** The alerts of the sandbox's dataflows (the header's bell), and marking them read. */
export function alertHandlers(route: EngineRoute) {
  return [
    http.get(
      `*${ALERTS_PATH}`,
      route((ctx) => json(listAlerts(ctx))),
    ),
    http.post(
      `*${ALERTS_READ_PATH}`,
      route(async (ctx, { request }) =>
        json(markAlertsRead(ctx, parseWith(markAlertsReadSchema, await readJson(request)))),
      ),
    ),
  ]
}
