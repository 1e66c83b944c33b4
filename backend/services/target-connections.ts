import { z } from 'zod'
import {
  createSourceConnectionSchema,
  createTargetConnectionSchema,
  type Created,
  type SourceConnection,
  type TargetConnection,
} from '../../contracts/flow-service'
import { findDestination } from '../../contracts/destination-catalog'
import { headerClashes } from '../../contracts/destinations/headers'
import { parseWith } from '../http/route'
import { problems } from '../http/problem'
import { getConnection, inheritedBase } from './connections'
import { newEntityMeta, touched, type ServiceContext } from './entity'
import { authDefinition, findConnectionSpec } from './specs'
import { applyVersionedPatch } from './versioning'

/**
 * Validates destination details against the destination's target spec, and, for HTTP API, that
 * no custom header sets `Authorization` when the account's authentication sets it already.
 */
function validatedParams(
  ctx: ServiceContext,
  specId: string,
  baseConnectionId: string,
  params: Record<string, unknown>,
) {
  const target = findDestination(specId)?.target
  if (!target) return params
  const checked: Record<string, unknown> = parseWith(target.schema, params, 'params')
  const auth = ctx.sandbox.collection('connections').get(baseConnectionId)?.auth
  const type = auth ? authDefinition(specId, auth.specName).type : null
  const clashes = headerClashes(checked.headers, type)
  if (clashes.length) {
    throw problems.invalidBody(clashes.map((c) => ({ path: 'params.headers', message: c.message })))
  }
  return checked
}

function checkBaseConnection(ctx: ServiceContext, baseConnectionId: string, specId: string) {
  const base = ctx.sandbox.collection('connections').get(baseConnectionId)
  if (!base) {
    throw problems.invalidBody([
      { path: 'baseConnectionId', message: `No base connection '${baseConnectionId}' exists.` },
    ])
  }
  if (base.connectionSpec.id !== specId) {
    throw problems.invalidBody([
      {
        path: 'connectionSpec.id',
        message: `The base connection uses connection spec '${base.connectionSpec.id}'.`,
      },
    ])
  }
}

export function createTargetConnection(ctx: ServiceContext, body: unknown): Created {
  const input = parseWith(createTargetConnectionSchema, body)
  const spec = findConnectionSpec(input.connectionSpec.id)
  if (!spec?.attributes.isDestination) {
    throw problems.invalidSpec('destination connection spec', input.connectionSpec.id)
  }
  checkBaseConnection(ctx, input.baseConnectionId, input.connectionSpec.id)
  const target: TargetConnection = {
    ...newEntityMeta(ctx),
    name: input.name,
    description: input.description,
    baseConnectionId: input.baseConnectionId,
    connectionSpec: input.connectionSpec,
    state: 'enabled',
    data: input.data,
    params: validatedParams(ctx, input.connectionSpec.id, input.baseConnectionId, input.params),
  }
  ctx.sandbox.collection('targetConnections').put(target)
  ctx.events.publish({
    type: 'connection.changed',
    sandbox: ctx.sandbox,
    kind: 'target',
    id: target.id,
  })
  return { id: target.id, etag: target.etag }
}

/** A source or target connection as the API returns it, with the account it inherits from. */
export const presentConnectionOf = <C extends { baseConnectionId?: string }>(
  ctx: ServiceContext,
  connection: C,
) => ({ ...connection, inheritedAttributes: inheritedBase(ctx, connection.baseConnectionId) })

export function getTargetConnection(ctx: ServiceContext, id: string): TargetConnection {
  const found = ctx.sandbox.collection('targetConnections').get(id)
  if (!found) throw problems.notFound('target connection', id)
  return found
}

const WRITABLE = /^\/(name|description|params(\/.*)?)$/

/** Check patched connections, which carry their metadata too: only nested objects are strict. */
const patchedTargetSchema = z.object(createTargetConnectionSchema.shape)
const patchedSourceSchema = z.object(createSourceConnectionSchema.shape)

const flowsUsing = (ctx: ServiceContext, kind: 'source' | 'target', id: string) =>
  ctx.sandbox
    .collection('flows')
    .all()
    .filter((f) => (kind === 'source' ? f.sourceConnectionIds : f.targetConnectionIds).includes(id))
    .map((f) => f.id)

/** JSON Patch on name, description and params, validated against the destination's target spec. */
export function patchTargetConnection(
  ctx: ServiceContext,
  request: Request,
  id: string,
  body: unknown,
): Created {
  const current = getTargetConnection(ctx, id)
  const result = applyVersionedPatch(request, current, body, WRITABLE)
  const checked = parseWith(patchedTargetSchema, result)
  const next = touched(
    {
      ...current,
      name: checked.name,
      description: checked.description,
      params: validatedParams(
        ctx,
        current.connectionSpec.id,
        current.baseConnectionId,
        checked.params,
      ),
    },
    ctx,
  )
  ctx.sandbox.collection('targetConnections').put(next)
  ctx.events.publish({ type: 'connection.changed', sandbox: ctx.sandbox, kind: 'target', id: id })
  return { id, etag: next.etag }
}

/** Refuses to delete a source or target connection that a dataflow uses. */
function checkUnused(ctx: ServiceContext, kind: 'source' | 'target', id: string): void {
  const flows = flowsUsing(ctx, kind, id)
  if (flows.length) throw problems.flowConnectionInUse(kind, id, flows)
}

export function deleteTargetConnection(ctx: ServiceContext, id: string): void {
  getTargetConnection(ctx, id)
  checkUnused(ctx, 'target', id)
  ctx.sandbox.collection('targetConnections').delete(id)
  ctx.events.publish({ type: 'connection.changed', sandbox: ctx.sandbox, kind: 'target', id: id })
}

export function createSourceConnection(ctx: ServiceContext, body: unknown): Created {
  const input = parseWith(createSourceConnectionSchema, body)
  const spec = findConnectionSpec(input.connectionSpec.id)
  if (!spec?.attributes.isSource)
    throw problems.invalidSpec('source connection spec', input.connectionSpec.id)
  if (input.baseConnectionId) getConnection(ctx, input.baseConnectionId)
  const source: SourceConnection = {
    ...newEntityMeta(ctx),
    name: input.name,
    description: input.description,
    ...(input.baseConnectionId ? { baseConnectionId: input.baseConnectionId } : {}),
    connectionSpec: input.connectionSpec,
    state: 'enabled',
    data: input.data,
    params: input.params,
  }
  ctx.sandbox.collection('sourceConnections').put(source)
  return { id: source.id, etag: source.etag }
}

export function getSourceConnection(ctx: ServiceContext, id: string): SourceConnection {
  const found = ctx.sandbox.collection('sourceConnections').get(id)
  if (!found) throw problems.notFound('source connection', id)
  return found
}

/** JSON Patch on a source connection's name, description and params. */
export function patchSourceConnection(
  ctx: ServiceContext,
  request: Request,
  id: string,
  body: unknown,
): Created {
  const current = getSourceConnection(ctx, id)
  const result = applyVersionedPatch(request, current, body, WRITABLE)
  const checked = parseWith(patchedSourceSchema, result)
  const next = touched(
    { ...current, name: checked.name, description: checked.description, params: checked.params },
    ctx,
  )
  ctx.sandbox.collection('sourceConnections').put(next)
  return { id, etag: next.etag }
}

/** Deletes a source connection that no dataflow reads from. */
export function deleteSourceConnection(ctx: ServiceContext, id: string): void {
  getSourceConnection(ctx, id)
  checkUnused(ctx, 'source', id)
  ctx.sandbox.collection('sourceConnections').delete(id)
}
