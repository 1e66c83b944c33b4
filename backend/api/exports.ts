import { http } from 'msw'
import { EXPORT_STREAM_EVENTS } from '../../contracts/engine/exports'
import { eventStream } from '../http/event-stream'
import { applyListQuery, parseListQuery } from '../http/list-query'
import { json } from '../http/route'
import { exportCurl, getExport, listExports, openExportStream } from '../services/exports'
import { getRun, listRuns } from '../services/runs'
import { READS_QUERY, type EngineRoute } from './engine-route'
import { FLOW_SERVICE } from './flow-service'

/** A dataflow's exports (list, live stream, detail) and the dataflow runs. */
export function exportHandlers(route: EngineRoute) {
  const flows = `${FLOW_SERVICE}/flows`
  return [
    http.get(
      `${flows}/:id/exports`,
      route((ctx, { url, params }) => json(listExports(ctx, params.id, url)), READS_QUERY),
    ),
    http.get(
      `${flows}/:id/exports/stream`,
      route(
        (ctx, { url, params }) =>
          eventStream(openExportStream(ctx, params.id, url), EXPORT_STREAM_EVENTS.closed),
        READS_QUERY,
      ),
    ),
    http.get(
      `${flows}/:id/exports/:exportId`,
      route((ctx, { params }) => json(getExport(ctx, params.id, params.exportId))),
    ),
    http.get(
      `${flows}/:id/exports/:exportId/curl`,
      route(
        (ctx, { url, params }) => json(exportCurl(ctx, params.id, params.exportId, url)),
        READS_QUERY,
      ),
    ),
    http.get(
      `${FLOW_SERVICE}/runs`,
      route(
        (ctx, { url }) => json(applyListQuery(listRuns(ctx), parseListQuery(url), url)),
        READS_QUERY,
      ),
    ),
    http.get(
      `${FLOW_SERVICE}/runs/:id`,
      route((ctx, { params }) => json({ items: [getRun(ctx, params.id)] })),
    ),
  ]
}
