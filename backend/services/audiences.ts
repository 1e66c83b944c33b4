import type { Audience } from '../../contracts/audience'
import {
  createSegmentDefinitionSchema,
  type SegmentDefinition,
} from '../../contracts/engine/segment-definitions'
import { resolveAttributePath } from '../../contracts/xdm-write'
import { tryParsePql } from '../engine/rules/pql/pql'
import { unionSchema } from '../seed/data/union-schema'
import { compileAudience } from '../engine/rules/segmentation'
import { Problem, problems } from '../http/problem'
import { parseWith } from '../http/route'
import { toIso } from '../lib/clock'
import { newId } from '../lib/ids'
import { DEMO_ORG, sandboxId, type SandboxStore } from '../store/collections'
import type { EngineContext } from './engine-context'

/** How many profiles are currently realized in each audience. */
export function profileCounts(sandbox: SandboxStore): Map<string, number> {
  const counts = new Map<string, number>()
  for (const profile of sandbox.collection('profiles').values()) {
    for (const [id, membership] of Object.entries(profile.segmentMembership.ups)) {
      if (membership.status === 'realized') counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  }
  return counts
}

/** A segment definition in the Segmentation Service's shape, with the demo's profile count. */
export function presentAudience(
  sandbox: SandboxStore,
  audience: Audience,
  totalProfiles: number,
): SegmentDefinition {
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

const pqlError = (message: string, position: number) =>
  new Problem(
    400,
    'FLOW-1400-400',
    'Bad Request',
    `Invalid request body. expression.value: ${message}`,
    [{ path: 'expression.value', message, position }],
  )

/**
 * Creates an audience from PQL (a syntax error is a 400 naming `expression.value` and the
 * position) and evaluates every profile against it at once: qualifying profiles become realized,
 * stamped with the creation time. A new audience is in no dataflow yet, so nothing is exported;
 * from now on it appears in exported memberships under its merge policy.
 */
export function createAudience(ctx: EngineContext, body: unknown): SegmentDefinition {
  const input = parseWith(createSegmentDefinitionSchema, body)
  const name = input.name.trim().toLowerCase()
  const taken = ctx.sandbox
    .collection('audiences')
    .all()
    .find((audience) => audience.name.trim().toLowerCase() === name)
  if (taken) {
    throw problems.alreadyExists([
      {
        path: 'name',
        message: `An audience named "${taken.name}" exists already. Choose another name.`,
      },
    ])
  }
  const parsed = tryParsePql(input.expression.value, (path) => {
    const target = resolveAttributePath(unionSchema, path.split('.'))
    return typeof target === 'string' ? target : null
  })
  if (!parsed.ok) throw pqlError(parsed.message, parsed.position)
  const now = ctx.clock.now()
  const audience: Audience = {
    id: newId(),
    name: input.name,
    description: input.description,
    expression: { type: 'PQL', format: 'pql/text', value: input.expression.value },
    mergePolicyId: input.mergePolicyId,
    origin: 'Segmentation Service',
    lifecycleStatus: 'published',
    createdAt: now,
    updatedAt: now,
  }
  ctx.sandbox.collection('audiences').put(audience)
  const { qualifies } = compileAudience(audience)
  const profiles = ctx.sandbox.collection('profiles')
  const lastQualificationTime = toIso(now)
  let count = 0
  for (const profile of profiles.all()) {
    if (!qualifies(profile.attributes)) continue
    count++
    profiles.put({
      ...profile,
      segmentMembership: {
        ups: {
          ...profile.segmentMembership.ups,
          [audience.id]: { status: 'realized', lastQualificationTime },
        },
      },
    })
  }
  ctx.events.publish({ type: 'audience.changed', sandbox: ctx.sandbox, audienceId: audience.id })
  return presentAudience(ctx.sandbox, audience, count)
}
