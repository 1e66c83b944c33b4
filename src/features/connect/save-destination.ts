import { FLOW_SPEC_IDS } from '../../../contracts/connection-spec'
import {
  emptyGeneralTransform,
  type CreateConnection,
  type CreateFlow,
  type CreateTargetConnection,
  type Created,
} from '../../../contracts/flow-service'

/** The API calls a save makes, passed in so the order and the clean-up can be tested alone. */
export interface SaveOperations {
  createConnection: (body: CreateConnection) => Promise<Created>
  deleteConnection: (id: string) => Promise<unknown>
  ensureProfileStoreSource: () => Promise<string>
  createTargetConnection: (body: CreateTargetConnection) => Promise<Created>
  deleteTargetConnection: (id: string) => Promise<unknown>
  createFlow: (body: CreateFlow) => Promise<Created>
}

/** A destination as the wizard saves it: values already checked against the specs' schemas. */
export interface DestinationToSave {
  spec: { id: string; version: string }
  account:
    | { existingId: string }
    | {
        name: string
        description: string
        auth: { specName: string; params: Record<string, unknown> }
      }
  details: { name: string; description: string; params: Record<string, unknown> }
  marketingActions: string[]
  alerts: string[]
}

export interface SavedDestination {
  accountId: string
  targetConnectionId: string
  flowId: string
}

/** The call a save failed at: it tells the wizard which step the error belongs to. */
export type SaveStage = 'account' | 'source' | 'target' | 'flow'

/** A failed save: the stage, the API's error, and the message to show. */
export class SaveDestinationError extends Error {
  constructor(
    readonly stage: SaveStage,
    readonly error: unknown,
    message: string,
  ) {
    super(message)
    this.name = 'SaveDestinationError'
  }
}

interface Undo {
  what: string
  run: () => Promise<unknown>
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Deletes what this save created, newest first; returns what could not be deleted. */
async function rollback(created: Undo[]): Promise<string[]> {
  const leftovers: string[] = []
  for (const undo of created.toReversed()) {
    try {
      await undo.run()
    } catch (error) {
      leftovers.push(`${undo.what} (${messageOf(error)})`)
    }
  }
  return leftovers
}

/**
 * Saves a destination as AEP does: the account (base connection) unless an existing one was
 * picked, the Profile Store source, the target connection with the destination details, and the
 * dataflow with empty audience and attribute selectors. When a call fails, everything this save
 * created is deleted again, newest first, and the failing call's message is thrown. The Profile
 * Store source is shared by every destination dataflow and is kept.
 */
export async function saveDestination(
  ops: SaveOperations,
  input: DestinationToSave,
): Promise<SavedDestination> {
  const created: Undo[] = []
  let stage: SaveStage = 'account'
  try {
    let accountId: string
    if ('existingId' in input.account) {
      accountId = input.account.existingId
    } else {
      const account = await ops.createConnection({
        name: input.account.name,
        description: input.account.description,
        connectionSpec: input.spec,
        auth: input.account.auth,
      })
      accountId = account.id
      created.push({ what: 'the new account', run: () => ops.deleteConnection(account.id) })
    }
    stage = 'source'
    const sourceId = await ops.ensureProfileStoreSource()
    stage = 'target'
    const target = await ops.createTargetConnection({
      name: input.details.name,
      description: input.details.description,
      baseConnectionId: accountId,
      connectionSpec: input.spec,
      data: { format: 'json' },
      params: input.details.params,
    })
    created.push({
      what: 'the target connection',
      run: () => ops.deleteTargetConnection(target.id),
    })
    stage = 'flow'
    const flow = await ops.createFlow({
      name: input.details.name,
      description: input.details.description,
      flowSpec: { id: FLOW_SPEC_IDS.profileDestinations, version: '1.0' },
      sourceConnectionIds: [sourceId],
      targetConnectionIds: [target.id],
      transformations: [emptyGeneralTransform()],
      marketingActions: input.marketingActions,
      alerts: input.alerts,
    })
    return { accountId, targetConnectionId: target.id, flowId: flow.id }
  } catch (error) {
    const leftovers = await rollback(created)
    const cleanUp =
      leftovers.length === 0
        ? ''
        : ` Cleaning up failed too: delete ${leftovers.join(' and ')} yourself.`
    throw new SaveDestinationError(stage, error, `${messageOf(error)}${cleanUp}`)
  }
}
