import {
  createFlowSchema,
  mutableFlowSchema,
  type Created,
  type Flow,
  type GeneralTransform,
} from '../../contracts/flow-service'
import { parseWith } from '../http/route'
import type { FieldError } from '../../contracts/problem'
import { problems } from '../http/problem'
import { findField } from '../seed/data/union-schema'
import type { FlowDoc } from '../store/collections'
import { newEntityMeta, touched, type ServiceContext } from './entity'
import { inheritedBase } from './connections'
import { lastRun } from './runs'
import { findFlowSpec } from './specs'
import { applyVersionedPatch } from './versioning'

const selectorsPath = 'transformations.0.params'

/** Audiences must exist and appear once; attribute paths must be fields of the union schema, once. */
function checkSelectors(ctx: ServiceContext, transform: GeneralTransform | undefined): void {
  if (!transform) return
  const errors: FieldError[] = []
  const audiences = ctx.sandbox.collection('audiences')
  const seenAudiences = new Set<string>()
  transform.params.segmentSelectors.selectors.forEach((selector, i) => {
    const path = `${selectorsPath}.segmentSelectors.selectors.${i}.value.id`
    const { id } = selector.value
    if (!audiences.has(id)) errors.push({ path, message: `No audience '${id}' exists.` })
    if (seenAudiences.has(id))
      errors.push({ path, message: `The audience '${id}' is mapped twice.` })
    seenAudiences.add(id)
  })
  const seenPaths = new Set<string>()
  transform.params.profileSelectors.selectors.forEach((selector, i) => {
    const attribute = selector.value.path
    const path = `${selectorsPath}.profileSelectors.selectors.${i}.value.path`
    if (/^(identityMap|segmentMembership)(\.|$)/.test(attribute)) {
      errors.push({
        path,
        message: `'${attribute}' cannot be mapped: the whole identityMap and the audience memberships are always exported.`,
      })
    } else if (!findField(attribute)) {
      errors.push({ path, message: `'${attribute}' is no field of the profile union schema.` })
    }
    if (seenPaths.has(attribute)) errors.push({ path, message: `'${attribute}' is mapped twice.` })
    seenPaths.add(attribute)
  })
  if (errors.length) throw problems.invalidBody(errors)
}

/**
 * Records when each audience was mapped (mappingCreatedAt) and last changed (mappingUpdatedAt):
 * new selectors get both; a changed selector, or a changed attribute mapping, moves the update.
 */
function stampMappings(
  ctx: ServiceContext,
  next: GeneralTransform | undefined,
  previous: GeneralTransform | undefined,
): void {
  if (!next) return
  const now = ctx.clock.now()
  const before = new Map(
    (previous?.params.segmentSelectors.selectors ?? []).map((s) => [s.value.id, s.value]),
  )
  const attributesChanged =
    JSON.stringify(next.params.profileSelectors) !==
    JSON.stringify(previous?.params.profileSelectors ?? { selectors: [] })
  for (const selector of next.params.segmentSelectors.selectors) {
    const old = before.get(selector.value.id)
    const audience = ctx.sandbox.collection('audiences').get(selector.value.id)
    selector.value.name ??= audience?.name
    selector.value.description ??= audience?.description
    if (!old) {
      selector.value.mappingCreatedAt = now
      selector.value.mappingUpdatedAt = now
      continue
    }
    selector.value.mappingCreatedAt = old.mappingCreatedAt ?? now
    const { mappingCreatedAt: _c, mappingUpdatedAt: _u, ...oldRest } = old
    const { mappingCreatedAt: _c2, mappingUpdatedAt: _u2, ...newRest } = selector.value
    const changed = attributesChanged || JSON.stringify(oldRest) !== JSON.stringify(newRest)
    selector.value.mappingUpdatedAt = changed ? now : (old.mappingUpdatedAt ?? now)
  }
}

export function createFlow(ctx: ServiceContext, body: unknown): Created {
  const input = parseWith(createFlowSchema, body)
  const flowSpec = findFlowSpec(input.flowSpec.id)
  if (!flowSpec) throw problems.invalidSpec('flow spec', input.flowSpec.id)
  const errors: FieldError[] = []
  input.sourceConnectionIds.forEach((id, i) => {
    const source = ctx.sandbox.collection('sourceConnections').get(id)
    if (!source)
      errors.push({
        path: `sourceConnectionIds.${i}`,
        message: `No source connection '${id}' exists.`,
      })
    else if (!flowSpec.sourceConnectionSpecIds.includes(source.connectionSpec.id)) {
      errors.push({
        path: `sourceConnectionIds.${i}`,
        message: `The flow spec '${flowSpec.name}' does not take sources of spec '${source.connectionSpec.id}'.`,
      })
    }
  })
  input.targetConnectionIds.forEach((id, i) => {
    const target = ctx.sandbox.collection('targetConnections').get(id)
    if (!target)
      errors.push({
        path: `targetConnectionIds.${i}`,
        message: `No target connection '${id}' exists.`,
      })
    else if (!flowSpec.targetConnectionSpecIds.includes(target.connectionSpec.id)) {
      errors.push({
        path: `targetConnectionIds.${i}`,
        message: `The flow spec '${flowSpec.name}' does not take targets of spec '${target.connectionSpec.id}'.`,
      })
    }
  })
  if (errors.length) throw problems.invalidBody(errors)
  checkSelectors(ctx, input.transformations[0])
  stampMappings(ctx, input.transformations[0], undefined)
  const meta = newEntityMeta(ctx)
  const flow: FlowDoc = {
    ...meta,
    ...input,
    lastOperation: {
      started: meta.createdAt,
      updated: meta.createdAt,
      operation: 'create',
      status: { value: 'completed' },
    },
  }
  ctx.sandbox.collection('flows').put(flow)
  ctx.events.publish({ type: 'flow.created', sandbox: ctx.sandbox, flow })
  return { id: flow.id, etag: flow.etag }
}

export function getFlowDoc(ctx: ServiceContext, id: string): FlowDoc {
  const found = ctx.sandbox.collection('flows').get(id)
  if (!found) throw problems.notFound('flow', id)
  return found
}

/** The flow as the API returns it, with the attributes inherited from its connections. */
export function presentFlow(ctx: ServiceContext, flow: FlowDoc): Flow {
  const sources = flow.sourceConnectionIds.map((id) =>
    ctx.sandbox.collection('sourceConnections').get(id),
  )
  const targets = flow.targetConnectionIds.map((id) =>
    ctx.sandbox.collection('targetConnections').get(id),
  )
  const flowSpec = findFlowSpec(flow.flowSpec.id)
  const lastRunDetails = lastRun(ctx, flow)
  return {
    ...flow,
    ...(lastRunDetails ? { lastRunDetails } : {}),
    inheritedAttributes: {
      properties: { isDestinationFlow: flowSpec?.attributes.isDestinationFlow ?? false },
      sourceConnections: sources.flatMap((s) =>
        s
          ? [
              {
                id: s.id,
                connectionSpec: s.connectionSpec,
                ...inheritedBase(ctx, s.baseConnectionId),
              },
            ]
          : [],
      ),
      targetConnections: targets.flatMap((t) =>
        t
          ? [
              {
                id: t.id,
                connectionSpec: t.connectionSpec,
                ...inheritedBase(ctx, t.baseConnectionId),
              },
            ]
          : [],
      ),
    },
    runs: `/runs?property=flowId==${flow.id}`,
  }
}

const WRITABLE = /^\/(name|description|state|transformations|marketingActions|alerts)(\/.*)?$/

/** JSON Patch (RFC 6902) on the mutable parts of a flow; `If-Match` must carry the current etag. */
export function patchFlow(
  ctx: ServiceContext,
  request: Request,
  id: string,
  body: unknown,
): Created {
  const current = getFlowDoc(ctx, id)
  const result = applyVersionedPatch(request, current, body, WRITABLE)
  const checked = parseWith(mutableFlowSchema, result)
  checkSelectors(ctx, checked.transformations[0])
  stampMappings(ctx, checked.transformations[0], current.transformations[0])
  const next = touched({ ...current, ...checked }, ctx)
  next.lastOperation = {
    started: next.updatedAt,
    updated: next.updatedAt,
    operation: 'update',
    status: { value: 'completed' },
  }
  ctx.sandbox.collection('flows').put(next)
  ctx.events.publish({ type: 'flow.changed', sandbox: ctx.sandbox, before: current, after: next })
  return { id, etag: next.etag }
}

const FLOW_STATES = new Map<string, Flow['state']>([
  ['ENABLE', 'enabled'],
  ['DISABLE', 'disabled'],
  ['enable', 'enabled'],
  ['disable', 'disabled'],
])

/**
 * Enables or disables a flow (`POST /flows/{id}/action?op=ENABLE|DISABLE`, as the reference
 * spells it; the lower-case `enable` and `disable` the console sent first still work).
 */
export function setFlowState(ctx: ServiceContext, id: string, op: string | null): Created {
  const state = FLOW_STATES.get(op ?? '')
  if (!state) {
    throw problems.invalidQuery(`op must be 'ENABLE' or 'DISABLE', not '${op ?? ''}'.`)
  }
  const current = getFlowDoc(ctx, id)
  const next = touched({ ...current, state }, ctx)
  ctx.sandbox.collection('flows').put(next)
  ctx.events.publish({ type: 'flow.changed', sandbox: ctx.sandbox, before: current, after: next })
  return { id, etag: next.etag }
}

/**
 * Deletes a dataflow: its audiences are unmapped with it, and target connections that no other
 * flow uses go too. The account (base connection) stays.
 */
export function deleteFlow(ctx: ServiceContext, id: string): void {
  const flow = getFlowDoc(ctx, id)
  const flows = ctx.sandbox.collection('flows')
  flows.delete(id)
  ctx.events.publish({ type: 'flow.deleted', sandbox: ctx.sandbox, flow })
  for (const targetId of flow.targetConnectionIds) {
    const stillUsed = flows.all().some((f) => f.targetConnectionIds.includes(targetId))
    if (stillUsed) continue
    ctx.sandbox.collection('targetConnections').delete(targetId)
    ctx.events.publish({
      type: 'connection.changed',
      sandbox: ctx.sandbox,
      kind: 'target',
      id: targetId,
    })
  }
}
