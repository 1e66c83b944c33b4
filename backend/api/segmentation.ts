import { http } from 'msw'
import type { Audience } from '../../src/contracts/audience'
import { DEMO_ORG, sandboxId, type Collections, type SandboxStore } from '../model'
import { json, type createRoute } from '../http/route'
import { problems } from '../http/problem'

type Route = ReturnType<typeof createRoute<Collections>>

export const SEGMENT_DEFINITIONS = '*/data/core/ups/segment/definitions'

/** How many profiles are currently realized in each audience. */
function profileCounts(sandbox: SandboxStore): Map<string, number> {
  const counts = new Map<string, number>()
  for (const profile of sandbox.collection('profiles').values()) {
    for (const [id, membership] of Object.entries(profile.segmentMembership.ups)) {
      if (membership.status === 'realized') counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  }
  return counts
}

/** A segment definition in the Segmentation Service's shape, with the demo's profile count. */
function present(sandbox: SandboxStore, audience: Audience, totalProfiles: number) {
  return {
    id: audience.id,
    schema: { name: '_xdm.context.profile' },
    ttlInDays: 30,
    profileInstanceId: 'ups',
    imsOrgId: DEMO_ORG.imsOrgId,
    sandbox: {
      sandboxId: sandboxId(sandbox.name),
      sandboxName: sandbox.name,
      type: sandbox.name === 'prod' ? 'production' : 'development',
      default: sandbox.name === 'prod',
    },
    name: audience.name,
    description: audience.description,
    expression: audience.expression,
    mergePolicyId: audience.mergePolicyId,
    evaluationInfo: {
      batch: { enabled: false },
      continuous: { enabled: true },
      synchronous: { enabled: false },
    },
    origin: audience.origin,
    lifecycleState: audience.lifecycleStatus,
    creationTime: audience.createdAt,
    updateEpoch: Math.floor(audience.updatedAt / 1000),
    updateTime: audience.updatedAt,
    metrics: { data: { totalProfiles } },
  }
}

/** Segmentation Service: audience (segment definition) reads. */
export function segmentationHandlers(route: Route) {
  return [
    http.get(
      SEGMENT_DEFINITIONS,
      route(({ sandbox, url }) => {
        const counts = profileCounts(sandbox)
        const all = sandbox
          .collection('audiences')
          .all()
          .sort((a, b) => a.name.localeCompare(b.name))
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 100)
        const start = Number(url.searchParams.get('start') ?? 0) || 0
        const segments = all.slice(start, start + limit)
        return json({
          segments: segments.map((a) => present(sandbox, a, counts.get(a.id) ?? 0)),
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
      }),
    ),
    http.get(
      `${SEGMENT_DEFINITIONS}/:id`,
      route(({ sandbox, params }) => {
        const audience = sandbox.collection('audiences').get(params.id)
        if (!audience) throw problems.notFound('segment definition', params.id)
        return json(present(sandbox, audience, profileCounts(sandbox).get(audience.id) ?? 0))
      }),
    ),
  ]
}
