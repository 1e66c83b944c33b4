import type { Audience } from '../src/contracts/audience'
import type {
  Connection,
  EntityMeta,
  Flow,
  SourceConnection,
  TargetConnection,
} from '../src/contracts/flow-service'
import type { Profile } from '../src/contracts/profile'
import type { Sandbox } from './store/database'

/** What one sandbox stores, by collection. */
export type Collections = {
  meta: MetaDoc
  connections: Connection
  targetConnections: TargetConnection
  sourceConnections: SourceConnection
  flows: FlowDoc
  audiences: Audience
  profiles: Profile
}

export interface MetaDoc {
  id: 'seed'
  seed: number
  seededAt: number
}

/** A flow as stored: the API shape without the parts computed when read. */
export type FlowDoc = Omit<Flow, 'inheritedAttributes' | 'runs'>

export type SandboxStore = Sandbox<Collections>

/** The organization and user the demo runs as. */
export const DEMO_ORG = {
  imsOrgId: 'ACME0123456789ABCDEF0123@AdobeOrg',
  user: 'demo.user@acme.example',
  client: 'destination-console',
}

export const SANDBOXES = ['prod', 'dev'] as const

/** A stable id per sandbox name, like AEP's sandboxId. */
export const sandboxId = (name: string) =>
  name === 'prod' ? '5f4c8a10-1f2e-4b6d-9a3c-000000000001' : '5f4c8a10-1f2e-4b6d-9a3c-000000000002'

export type { EntityMeta }
