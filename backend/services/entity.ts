import type { EntityMeta } from '../../contracts/flow-service'
import type { DomainEvents } from '../events/domain-events'
import type { Clock } from '../lib/clock'
import { newEtag, newId } from '../lib/ids'
import { DEMO_ORG, sandboxId, type SandboxStore } from '../store/collections'

/** What a service call runs in: its sandbox, the clock, and the bus it publishes its changes on. */
export interface ServiceContext {
  sandbox: SandboxStore
  clock: Clock
  events: DomainEvents
}

/** Metadata of a new entity: id, times, who made it, and its first version. */
export function newEntityMeta({ sandbox, clock }: ServiceContext): EntityMeta {
  const now = clock.now()
  const etag = newEtag()
  return {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    createdBy: DEMO_ORG.user,
    updatedBy: DEMO_ORG.user,
    createdClient: DEMO_ORG.client,
    updatedClient: DEMO_ORG.client,
    sandboxId: sandboxId(sandbox.name),
    sandboxName: sandbox.name,
    imsOrgId: DEMO_ORG.imsOrgId,
    etag,
    version: etag,
  }
}

/** The same entity after a write: new etag, new update time. */
export function touched<T extends EntityMeta>(doc: T, { clock }: ServiceContext): T {
  const etag = newEtag()
  return { ...doc, updatedAt: clock.now(), updatedBy: DEMO_ORG.user, etag, version: etag }
}
