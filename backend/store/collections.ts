import type { Audience } from '../../contracts/audience'
import type {
  Connection,
  EntityMeta,
  Flow,
  SourceConnection,
  TargetConnection,
} from '../../contracts/flow-service'
import type { TrafficJob } from '../../contracts/engine/traffic'
import type { Profile } from '../../contracts/profile'
import type {
  AlertReadDoc,
  BackfillDoc,
  ExportDoc,
  FlowStatsDoc,
  ReceiverEndpointDoc,
  ReceiverEntryDoc,
  StreamRecordDoc,
  StreamStateDoc,
} from './docs'
import { exportRows, receiverRows, streamRows } from './doc-rows'
import { createInterner, internStrings } from '../lib/intern'
import { replacedDocs, type CodecMap, type Sandbox } from './database'
import { segmentCodec, type SegmentDoc } from './segmented-log'

/** What one sandbox stores, by collection. */
export type Collections = {
  meta: MetaDoc
  connections: Connection
  targetConnections: TargetConnection
  sourceConnections: SourceConnection
  flows: FlowDoc
  audiences: Audience
  profiles: Profile
  /** Export logs: segments of records, per flow (docs/engine.md, "Persistence"). */
  exportSegments: SegmentDoc<ExportDoc>
  /** Exact counters and hourly run windows, per flow. */
  flowStats: FlowStatsDoc
  /** What the demo receiver and token server got: segments of entries, per endpoint. */
  receiverSegments: SegmentDoc<ReceiverEntryDoc>
  /** The receiver's fault scenario, per endpoint. */
  receiverEndpoints: ReceiverEndpointDoc
  /** The in-app Kinesis streams and event hubs: segments of records, per stream. */
  streamSegments: SegmentDoc<StreamRecordDoc>
  streamStates: StreamStateDoc
  /** Backfills under way, resumed after a reload. */
  backfills: BackfillDoc
  /** Generated-traffic jobs: the running one and the last finished ones. */
  trafficJobs: TrafficJob
  /** The alerts marked read; alerts themselves are computed from the runs when read. */
  alertReads: AlertReadDoc
}

const profileStrings = createInterner()

/**
 * A profile read back from storage shares its repeated string values (statuses, qualification
 * times, countries...) with the other profiles, as profiles made in memory do.
 */
function shareProfileStrings(profile: Profile): Profile {
  internStrings(profile.attributes, profileStrings)
  internStrings(profile.segmentMembership, profileStrings)
  return profile
}

/**
 * How the collections written at every export are stored (docs/engine.md, "Persistence"): log
 * segments as rows, profiles as they are (an update puts a new profile, never edits one). Both
 * are committed as snapshots, copied in short slices.
 */
export const COLLECTION_CODECS: CodecMap<Collections> = {
  profiles: replacedDocs(shareProfileStrings),
  exportSegments: segmentCodec(exportRows),
  receiverSegments: segmentCodec(receiverRows),
  streamSegments: segmentCodec(streamRows),
}

export interface MetaDoc {
  id: 'seed'
  seed: number
  seededAt: number
}

/** A flow as stored: the API shape without the parts computed when read. */
export type FlowDoc = Omit<Flow, 'inheritedAttributes' | 'runs' | 'lastRunDetails'>

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
