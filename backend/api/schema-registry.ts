import { http } from 'msw'
import { unionSchema } from '../seed/data/union-schema'
import { json, type createRoute } from '../http/route'
import type { Collections } from '../store/collections'

type Route = ReturnType<typeof createRoute<Collections>>

export const UNION_SCHEMA_ID = '_xdm.context.profile__union'

/** The profile union schema as a field tree, for the mapping step's Select field. */
export function schemaRegistryHandlers(route: Route) {
  return [
    http.get(
      `*/data/foundation/schemaregistry/tenant/schemas/${UNION_SCHEMA_ID}`,
      route(() =>
        json({
          $id: `https://ns.adobe.com/xdm/context/profile__union`,
          title: 'XDM Individual Profile',
          fields: unionSchema,
        }),
      ),
    ),
  ]
}
