import { z } from 'zod'
import {
  AUTHORIZED_DATE,
  createConnectionSchema,
  type Connection,
  type Created,
  type InheritedBase,
} from '../../contracts/flow-service'
import { parseWith } from '../http/route'
import { problems } from '../http/problem'
import { authDefinition, findConnectionSpec, secretParams } from './specs'
import { newEntityMeta, touched, type ServiceContext } from './entity'
import { applyVersionedPatch } from './versioning'

/** The account a source or target connection inherits from, as `inheritedAttributes` names it. */
export function inheritedBase(ctx: ServiceContext, baseConnectionId?: string): InheritedBase {
  const base = baseConnectionId
    ? ctx.sandbox.collection('connections').get(baseConnectionId)
    : undefined
  return { baseConnection: base ? { id: base.id, connectionSpec: base.connectionSpec } : null }
}

/** What a GET shows instead of a secret. Sending it back in a PATCH keeps the stored value. */
export const MASKED = '********'

/** A connection as every GET returns it: secrets replaced by the mask. */
export function maskConnection(connection: Connection): Connection {
  if (!connection.auth) return connection
  const secrets = secretParams(connection.connectionSpec.id, connection.auth.specName)
  const params = Object.fromEntries(
    Object.entries(connection.auth.params).map(([key, value]) => [
      key,
      secrets.has(key) && value !== '' ? MASKED : value,
    ]),
  )
  return { ...connection, auth: { ...connection.auth, params } }
}

function validatedAuth(
  ctx: ServiceContext,
  specId: string,
  auth: Connection['auth'],
  previous?: Connection['auth'],
): Connection['auth'] {
  const spec = findConnectionSpec(specId)
  if (!spec) throw problems.invalidSpec('connection spec', specId)
  if (!auth) {
    if (spec.authSpec.length && spec.attributes.isDestination) {
      throw problems.invalidBody([
        { path: 'auth', message: `Add the credentials for ${spec.name}.` },
      ])
    }
    return undefined
  }
  if (!spec.attributes.isDestination) return { specName: auth.specName, params: auth.params }
  const definition = authDefinition(specId, auth.specName)
  const secrets = secretParams(specId, auth.specName)
  // A patch that edits one param carries the stored date along; it is stamped again below.
  const incoming = Object.fromEntries(
    Object.entries(auth.params)
      .filter(([key, value]) => key !== AUTHORIZED_DATE || value !== previous?.params[key])
      .map(([key, value]) => [
        key,
        value === MASKED && secrets.has(key) && previous?.specName === auth.specName
          ? previous.params[key]
          : value,
      ]),
  )
  const params = parseWith(definition.schema, incoming, 'auth.params')
  return {
    specName: auth.specName,
    params: { ...params, [AUTHORIZED_DATE]: new Date(ctx.clock.now()).toISOString() },
  }
}

export function createConnection(ctx: ServiceContext, body: unknown): Created {
  const input = parseWith(createConnectionSchema, body)
  const spec = findConnectionSpec(input.connectionSpec.id)
  if (!spec) throw problems.invalidSpec('connection spec', input.connectionSpec.id)
  const connection: Connection = {
    ...newEntityMeta(ctx),
    name: input.name,
    description: input.description,
    connectionSpec: input.connectionSpec,
    state: 'enabled',
    auth: validatedAuth(ctx, spec.id, input.auth),
  }
  ctx.sandbox.collection('connections').put(connection)
  ctx.events.publish({
    type: 'connection.changed',
    sandbox: ctx.sandbox,
    kind: 'account',
    id: connection.id,
  })
  return { id: connection.id, etag: connection.etag }
}

export function getConnection(ctx: ServiceContext, id: string): Connection {
  const found = ctx.sandbox.collection('connections').get(id)
  if (!found) throw problems.notFound('connection', id)
  return found
}

export function listConnections(ctx: ServiceContext): Connection[] {
  return ctx.sandbox.collection('connections').all()
}

/** The flows that use a base connection, through their source or target connections. */
export function flowsUsingConnection(ctx: ServiceContext, connectionId: string): string[] {
  const targets = new Set(
    ctx.sandbox
      .collection('targetConnections')
      .all()
      .filter((t) => t.baseConnectionId === connectionId)
      .map((t) => t.id),
  )
  const sources = new Set(
    ctx.sandbox
      .collection('sourceConnections')
      .all()
      .filter((s) => s.baseConnectionId === connectionId)
      .map((s) => s.id),
  )
  return ctx.sandbox
    .collection('flows')
    .all()
    .filter(
      (f) =>
        f.targetConnectionIds.some((id) => targets.has(id)) ||
        f.sourceConnectionIds.some((id) => sources.has(id)),
    )
    .map((f) => f.id)
}

const WRITABLE = /^\/(name|description|auth(\/.*)?)$/

/** Checks a patched account, which carries its metadata too: only `auth` and the spec are strict. */
const patchedConnectionSchema = z.object(createConnectionSchema.shape)

/** JSON Patch on name, description and auth; new credentials are validated like a create. */
export function patchConnection(
  ctx: ServiceContext,
  request: Request,
  id: string,
  body: unknown,
): Created {
  const current = getConnection(ctx, id)
  const result = applyVersionedPatch(request, current, body, WRITABLE)
  const checked = parseWith(patchedConnectionSchema, {
    ...result,
    connectionSpec: current.connectionSpec,
  })
  const authChanged = JSON.stringify(result.auth) !== JSON.stringify(current.auth)
  const next = touched(
    {
      ...current,
      name: checked.name,
      description: checked.description,
      auth: authChanged
        ? validatedAuth(ctx, current.connectionSpec.id, checked.auth, current.auth)
        : current.auth,
    },
    ctx,
  )
  ctx.sandbox.collection('connections').put(next)
  ctx.events.publish({ type: 'connection.changed', sandbox: ctx.sandbox, kind: 'account', id: id })
  return { id, etag: next.etag }
}

export function deleteConnection(ctx: ServiceContext, id: string): void {
  getConnection(ctx, id)
  const flows = flowsUsingConnection(ctx, id)
  if (flows.length) throw problems.connectionInUse(id, flows)
  ctx.sandbox.collection('connections').delete(id)
  ctx.events.publish({ type: 'connection.changed', sandbox: ctx.sandbox, kind: 'account', id: id })
}
