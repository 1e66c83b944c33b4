import { http } from 'msw'
import { segmentDefinitionsQuerySchema } from '../../contracts/engine/segment-definitions'
import { json, parseQuery, readJson } from '../http/route'
import {
  createAudience,
  deleteAudience,
  getAudience,
  presentAudience,
  profileCounts,
  updateAudience,
} from '../services/audiences'
import { READS_QUERY, type EngineRoute } from './engine-route'

export const SEGMENT_DEFINITIONS = '*/data/core/ups/segment/definitions'

/**
 * Segmentation Service: audience (segment definition) reads, creation from PQL, overwrite and
 * deletion. Creation and overwrite answer 200 with `X-Location`, a taken name 422, and deletion
 * 200 `{status, message}`, as segmentation.yaml documents.
 */
export function segmentationHandlers(route: EngineRoute) {
  return [
    http.get(
      SEGMENT_DEFINITIONS,
      route(({ sandbox }, { url }) => {
        const { start, limit } = parseQuery(segmentDefinitionsQuerySchema, url)
        const counts = profileCounts(sandbox)
        const all = sandbox
          .collection('audiences')
          .all()
          .sort((a, b) => a.name.localeCompare(b.name))
        const segments = all.slice(start, start + limit)
        return json({
          segments: segments.map((a) => presentAudience(sandbox, a, counts.get(a.id) ?? 0)),
          page: {
            totalCount: all.length,
            totalPages: Math.ceil(all.length / limit),
            sortField: 'name',
            sort: 'asc',
            pageSize: segments.length,
            limit,
          },
          link: {},
        })
      }, READS_QUERY),
    ),
    http.post(
      SEGMENT_DEFINITIONS,
      route(async (ctx, { request, url }) => {
        const created = createAudience(ctx, await readJson(request))
        return json(created, 200, {
          'x-location': `${url.origin}${url.pathname}/${created.id}`,
        })
      }),
    ),
    http.get(
      `${SEGMENT_DEFINITIONS}/:id`,
      route((ctx, { params }) => {
        const audience = getAudience(ctx, params.id)
        return json(
          presentAudience(ctx.sandbox, audience, profileCounts(ctx.sandbox).get(audience.id) ?? 0),
        )
      }),
    ),
    http.patch(
      `${SEGMENT_DEFINITIONS}/:id`,
      route(async (ctx, { request, url, params }) => {
        const updated = updateAudience(ctx, params.id, await readJson(request))
        return json(updated, 200, { 'x-location': `${url.origin}${url.pathname}` })
      }),
    ),
    http.delete(
      `${SEGMENT_DEFINITIONS}/:id`,
      route((ctx, { params }) => json(deleteAudience(ctx, params.id))),
    ),
  ]
}
