import { http } from 'msw'
import { accessEntitiesQuerySchema, profileListQuerySchema } from '../../contracts/engine/profiles'
import { json, parseQuery, readJson } from '../http/route'
import { accessEntities, getProfile, listProfiles, updateProfile } from '../services/profiles'
import type { TrafficRegistry } from '../services/traffic'
import { READS_QUERY, type EngineRoute } from './engine-route'

export const PROFILES = '*/data/core/ups/profiles'

/** The Profile Access API of the demo: profiles, their updates, lookups and generated traffic. */
export function profileHandlers(route: EngineRoute, traffic: TrafficRegistry) {
  return [
    http.get(
      PROFILES,
      route(
        (ctx, { url }) => json(listProfiles(ctx, parseQuery(profileListQuerySchema, url))),
        READS_QUERY,
      ),
    ),
    http.get(
      `${PROFILES}/traffic`,
      route((ctx) => json({ items: traffic.of(ctx).list() })),
    ),
    http.post(
      `${PROFILES}/traffic`,
      route(async (ctx, { request }) => json(traffic.of(ctx).start(await readJson(request)), 201)),
    ),
    http.get(
      `${PROFILES}/traffic/:id`,
      route((ctx, { params }) => json(traffic.of(ctx).get(params.id))),
    ),
    http.delete(
      `${PROFILES}/traffic/:id`,
      route((ctx, { params }) => json(traffic.of(ctx).stop(params.id))),
    ),
    http.get(
      `${PROFILES}/:id`,
      route((ctx, { params }) => json(getProfile(ctx, params.id))),
    ),
    http.patch(
      `${PROFILES}/:id`,
      route(async (ctx, { request, params }) =>
        json(updateProfile(ctx, params.id, await readJson(request))),
      ),
    ),
    http.get(
      '*/data/core/ups/access/entities',
      route((ctx, { url }) => {
        const { entityId, entityIdNS } = parseQuery(accessEntitiesQuerySchema, url)
        return json(accessEntities(ctx, entityId, entityIdNS))
      }, READS_QUERY),
    ),
  ]
}
