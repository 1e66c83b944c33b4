import type { Audience } from '../../contracts/audience'
import {
  createSegmentDefinitionSchema,
  updateSegmentDefinitionSchema,
  type SegmentDefinition,
  type SegmentDefinitionDeleted,
} from '../../contracts/engine/segment-definitions'
import { resolveAttributePath } from '../../contracts/xdm-write'
import { tryParsePql } from '../engine/rules/pql/pql'
import { unionSchema } from '../seed/data/union-schema'
import { compileAudience, evaluateMemberships } from '../engine/rules/segmentation'
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

/** Refuses a name another audience has (in any case), but the one being changed, with a 422. */
function checkNameFree(ctx: EngineContext, name: string, ownId?: string): void {
  const wanted = name.trim().toLowerCase()
  const taken = ctx.sandbox
    .collection('audiences')
    .all()
    .find((audience) => audience.id !== ownId && audience.name.trim().toLowerCase() === wanted)
  if (taken) {
    throw problems.alreadyExists([
      {
        path: 'name',
        message: `An audience named "${taken.name}" exists already. Choose another name.`,
      },
    ])
  }
}

/** Refuses PQL that does not parse, or reads a path that is no field of the union schema. */
function checkPql(value: string): void {
  const parsed = tryParsePql(value, (path) => {
    const target = resolveAttributePath(unionSchema, path.split('.'))
    return typeof target === 'string' ? target : null
  })
  if (!parsed.ok) throw pqlError(parsed.message, parsed.position)
}

/**
 * Evaluates every profile against the audience's PQL, stamped with `now`: qualifying profiles
 * become realized, profiles realized before that no longer qualify become exited. Returns how
 * many are realized.
 */
function evaluateAudience(ctx: EngineContext, audience: Audience, now: number): number {
  const compiled = [compileAudience(audience)]
  const profiles = ctx.sandbox.collection('profiles')
  const evaluatedAt = toIso(now)
  let realized = 0
  for (const profile of profiles.all()) {
    const changed = evaluateMemberships(profile, compiled, evaluatedAt)
    if (changed) profiles.put({ ...profile, segmentMembership: { ups: changed.ups } })
    const ups = changed?.ups ?? profile.segmentMembership.ups
    if (ups[audience.id]?.status === 'realized') realized++
  }
  return realized
}

export function getAudience(ctx: EngineContext, id: string): Audience {
  const audience = ctx.sandbox.collection('audiences').get(id)
  if (!audience) throw problems.notFound('segment definition', id)
  return audience
}

/**
 * Creates an audience from PQL (a syntax error is a 400 naming `expression.value` and the
 * position) and evaluates every profile against it at once: qualifying profiles become realized,
 * stamped with the creation time. A new audience is in no dataflow yet, so nothing is exported;
 * from now on it appears in exported memberships under its merge policy.
 */
export function createAudience(ctx: EngineContext, body: unknown): SegmentDefinition {
  const input = parseWith(createSegmentDefinitionSchema, body)
  checkNameFree(ctx, input.name)
  checkPql(input.expression.value)
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
  const realized = evaluateAudience(ctx, audience, now)
  ctx.events.publish({ type: 'audience.changed', sandbox: ctx.sandbox, audienceId: audience.id })
  return presentAudience(ctx.sandbox, audience, realized)
}

/**
 * Overwrites an audience's name, description, PQL and merge policy, checked as on creation
 * (everything before anything is written). A changed PQL is evaluated on every profile at once,
 * stamped with the update time; the memberships it changes are stored, not exported.
 */
export function updateAudience(ctx: EngineContext, id: string, body: unknown): SegmentDefinition {
  const current = getAudience(ctx, id)
  const input = parseWith(updateSegmentDefinitionSchema, body)
  checkNameFree(ctx, input.name, id)
  checkPql(input.expression.value)
  const now = ctx.clock.now()
  const next: Audience = {
    ...current,
    name: input.name,
    description: input.description ?? current.description,
    expression: { type: 'PQL', format: 'pql/text', value: input.expression.value },
    mergePolicyId: input.mergePolicyId ?? current.mergePolicyId,
    updatedAt: now,
  }
  ctx.sandbox.collection('audiences').put(next)
  const realized =
    next.expression.value === current.expression.value
      ? (profileCounts(ctx.sandbox).get(id) ?? 0)
      : evaluateAudience(ctx, next, now)
  ctx.events.publish({ type: 'audience.changed', sandbox: ctx.sandbox, audienceId: id })
  return presentAudience(ctx.sandbox, next, realized)
}

/** The dataflows whose segment mapping names the audience. */
const flowsActivating = (ctx: EngineContext, audienceId: string) =>
  ctx.sandbox
    .collection('flows')
    .all()
    .filter((flow) =>
      flow.transformations.some((t) =>
        t.params.segmentSelectors.selectors.some((s) => s.value.id === audienceId),
      ),
    )

/**
 * Deletes an audience no dataflow activates (else a 422 naming the dataflows, and nothing
 * changes), with its membership on every profile.
 */
export function deleteAudience(ctx: EngineContext, id: string): SegmentDefinitionDeleted {
  const audience = getAudience(ctx, id)
  const flows = flowsActivating(ctx, id)
  if (flows.length) throw problems.audienceInUse(audience, flows)
  ctx.sandbox.collection('audiences').delete(id)
  const profiles = ctx.sandbox.collection('profiles')
  for (const profile of profiles.all()) {
    if (!(id in profile.segmentMembership.ups)) continue
    const { [id]: _removed, ...ups } = profile.segmentMembership.ups
    profiles.put({ ...profile, segmentMembership: { ups } })
  }
  ctx.events.publish({ type: 'audience.changed', sandbox: ctx.sandbox, audienceId: id })
  return { status: true, message: `Segment definition '${id}' was deleted.` }
}
